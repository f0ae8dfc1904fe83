"""The case file of a client: timeline, episode, assignment, notes and tasks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.audit.services import log_read
from careerlens.casework import selectors
from careerlens.casework.choices import ItemStatus
from careerlens.casework.forms import (
    AssignForm,
    CloseEpisodeForm,
    EpisodeForm,
    NoteForm,
    TaskForm,
    TransferForm,
)
from careerlens.casework.models import CaseTask, Episode
from careerlens.casework.services import assignments, episodes, notes
from careerlens.casework.services.common import acting_provider
from careerlens.casework.views.common import GET_POST, form_page, staff_client
from careerlens.clients.models import Client, changes_what_it_sees


@login_required
@require_GET
def case_file(request, pk: int):
    staff = selectors.may_see_caseload(request.user)
    if not staff and request.user.role != Role.CLIENT:
        raise Http404
    client = get_restricted_or_404(Client, request.user, Action.VIEW, pk=pk)
    log_read(request.user, client, reason="case file")
    context = {
        "client": client,
        "staff": staff,
        "may_change": staff
        and (
            changes_what_it_sees(request.user)
            or Client.objects.restrict(request.user, Action.CHANGE).filter(pk=pk).exists()
        ),
        **selectors.case_file(request.user, client),
        "note_form": NoteForm(),
        "item_statuses": ItemStatus.choices,
    }
    return render(request, "casework/case_file.html", context)


@login_required
@GET_POST
def episode_open(request, pk: int):
    client = staff_client(request, pk)
    form = EpisodeForm(request.POST or None, initial={"opened_on": timezone.localdate()})
    return form_page(
        request,
        client,
        form,
        lambda **values: episodes.open_episode(request.user, client, **values),
        success=_("The service episode was opened."),
        title=_("Open a service episode"),
    )


@login_required
@GET_POST
def episode_close(request, pk: int, episode: int):
    client = staff_client(request, pk)
    found = get_restricted_or_404(Episode, request.user, Action.CHANGE, pk=episode, client=client)
    form = CloseEpisodeForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    return form_page(
        request,
        client,
        form,
        lambda **values: episodes.close_episode(request.user, found, **values),
        success=_("The service episode was closed."),
        title=_("Close the service episode"),
    )


@login_required
@require_POST
def note_add(request, pk: int):
    client = staff_client(request, pk)
    form = NoteForm(request.POST)
    return form_page(
        request,
        client,
        form,
        lambda text: notes.add_note(request.user, client, text),
        success=_("The note was saved."),
        title=_("Add a note"),
    )


@login_required
@GET_POST
def task_add(request, pk: int):
    client = staff_client(request, pk)
    form = TaskForm(request.POST or None)
    return form_page(
        request,
        client,
        form,
        lambda **values: notes.add_task(request.user, client, **values),
        success=_("The task was added."),
        title=_("Add a task"),
    )


@login_required
@require_POST
def task_done(request, pk: int, task: int):
    client = staff_client(request, pk)
    found = get_restricted_or_404(CaseTask, request.user, Action.CHANGE, pk=task, client=client)
    try:
        notes.complete_task(request.user, found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The task is done."))
    return redirect("casework:case", pk=client.pk)


@login_required
@GET_POST
def assign(request, pk: int):
    client = staff_client(request, pk)
    try:
        provider = acting_provider(request.user, client)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("casework:case", pk=client.pk)
    form = AssignForm(request.POST or None, provider=provider)
    return form_page(
        request,
        client,
        form,
        lambda **values: assignments.assign(request.user, client, **values),
        success=_("The client was assigned."),
        title=_("Assign or transfer to a practitioner"),
    )


@login_required
@GET_POST
def transfer(request, pk: int):
    client = staff_client(request, pk)
    try:
        current = acting_provider(request.user, client)
    except ValidationError:
        current = None
    form = TransferForm(request.POST or None, current=current)
    return form_page(
        request,
        client,
        form,
        lambda **values: assignments.transfer_to_provider(request.user, client, **values),
        success=_("The client was referred to the other provider."),
        title=_("Transfer to another provider"),
    )
