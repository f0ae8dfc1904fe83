"""The common assessment, module by module: save part-way and resume, complete, view, reuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.casework.choices import Occasion
from careerlens.casework.forms import module_form
from careerlens.casework.models import Assessment
from careerlens.casework.selectors import may_see_caseload
from careerlens.casework.services import assessments
from careerlens.casework.views.common import GET_POST, staff_client


@login_required
@require_POST
def start(request, pk: int):
    client = staff_client(request, pk)
    occasion = request.POST.get("occasion", Occasion.INTAKE)
    try:
        assessment = assessments.start(request.user, client, occasion)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("casework:case", pk=client.pk)
    first = assessment.instrument.modules[0].code
    return redirect("casework:assessment_module", pk=assessment.pk, module=first)


def _own(request, pk: int) -> Assessment:
    if not may_see_caseload(request.user):
        raise Http404
    return get_restricted_or_404(
        Assessment.objects.select_related("client"), request.user, Action.CHANGE, pk=pk
    )


@login_required
@GET_POST
def module(request, pk: int, module: str):
    assessment = _own(request, pk)
    if assessment.is_completed:
        return redirect("casework:assessment", pk=assessment.pk)
    try:
        found = assessment.instrument.module(module)
    except KeyError:
        raise Http404 from None
    form = module_form(found, assessment.answers, request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        errors = assessments.save_module(request.user, assessment, found.code, form.cleaned_data)
        for question_id, message in errors.items():
            form.add_error(question_id, message)
        if not errors:
            following = assessment.instrument.next_module(found.code)
            if request.POST.get("then") == "later":
                messages.success(request, _("Saved. You can resume this assessment from the case file."))
                return redirect("casework:case", pk=assessment.client_id)
            if following:
                return redirect("casework:assessment_module", pk=assessment.pk, module=following)
            return redirect("casework:assessment", pk=assessment.pk)
    if request.method == "POST":
        status = 400
    context = {
        "assessment": assessment,
        "client": assessment.client,
        "module": found,
        "form": form,
        "done": assessment.modules_done(),
        "position": [m.code for m in assessment.instrument.modules].index(found.code) + 1,
        "count": len(assessment.instrument.modules),
    }
    return render(request, "casework/assessment_module.html", context, status=status)


@login_required
@require_GET
def detail(request, pk: int):
    assessment = get_restricted_or_404(
        Assessment.objects.select_related("client", "provider"), request.user, pk=pk
    )
    editable = Assessment.objects.restrict(request.user, Action.CHANGE).filter(pk=pk).exists()
    answered = [
        (module, [(q, assessment.answers.get(q.id)) for q in module.questions])
        for module in assessment.instrument.modules
    ]
    context = {
        "assessment": assessment,
        "client": assessment.client,
        "answered": answered,
        "editable": editable and not assessment.is_completed,
        "missing": assessment.instrument.missing(assessment.answers),
    }
    return render(request, "casework/assessment_detail.html", context)


@login_required
@require_POST
def complete(request, pk: int):
    assessment = _own(request, pk)
    try:
        assessments.complete(request.user, assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The assessment is complete."))
    return redirect("casework:assessment", pk=assessment.pk)


@login_required
@require_POST
def reuse(request, pk: int, assessment: int):
    client = staff_client(request, pk)
    source = get_restricted_or_404(Assessment, request.user, Action.VIEW, pk=assessment, client=client)
    try:
        copy = assessments.reuse(request.user, client, source)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("casework:case", pk=client.pk)
    messages.success(request, _("The assessment was reused for your provider."))
    return redirect("casework:assessment", pk=copy.pk)
