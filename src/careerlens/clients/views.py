"""Client pages: search, intake with duplicate check, detail, merge, memberships, spells, consents and
referrals. Views stay thin: selectors read (within scope), services write (and check scope again)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.clients import selectors, services
from careerlens.clients.choices import ReferralStatus
from careerlens.clients.forms import (
    ClientSearchForm,
    ConsentForm,
    IntakeForm,
    MembershipForm,
    MergeForm,
    ReferralForm,
    SpellForm,
    TransitionForm,
)
from careerlens.clients.models import Client, Consent, Referral

GET_POST = require_http_methods(["GET", "POST"])


def attach(form, error: ValidationError) -> None:
    """Put a service's error on the form's fields it names, and the rest at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_GET
def client_list(request):
    if not selectors.may_list_clients(request.user):
        raise Http404
    form = ClientSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.visible_clients(request.user, q), 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "may_register": services.may_register(request.user)}
    return render(request, "clients/client_list.html", context)


@login_required
@GET_POST
def intake(request):
    if not services.may_register(request.user):
        raise Http404
    catchment = getattr(request.user, "catchment", None)
    form = IntakeForm(request.POST or None, initial={"catchment": catchment})
    candidates = []
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "decision"}
        decision = form.cleaned_data["decision"]
        candidates = selectors.find_duplicates(
            request.user, data["first_name"], data["last_name"], data["date_of_birth"], data["postal_code"]
        )
        chosen = next((c.client for c in candidates if str(c.client.pk) == decision), None)
        if chosen is not None:
            messages.info(request, _("The existing record was kept; no new record was made."))
            return redirect("clients:detail", pk=chosen.pk)
        if candidates and decision != "new":
            form.add_error(
                None, _("This person may already have a record. Use one below, or create a new one.")
            )
        else:
            try:
                client = services.register_client(request.user, **data)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, _("The client record was created."))
                return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/intake.html", {"form": form, "candidates": candidates})


@login_required
@require_GET
def client_detail(request, pk: int):
    client = selectors.client_for(request.user, pk)
    context = {
        "client": client,
        **selectors.client_history(request.user, client),
        "may_change": Client.objects.restrict(request.user, Action.CHANGE).filter(pk=pk).exists(),
        "may_merge": services.may_merge(request.user),
        "may_refer": services.may_refer(request.user),
        "may_consent": bool(Consent.scope(request.user, Action.CHANGE)),
    }
    return render(request, "clients/client_detail.html", context)


def _changeable_client(request, pk: int):
    return get_restricted_or_404(Client, request.user, Action.CHANGE, pk=pk)


def _add_record(request, pk: int, form_class, service, title: str):
    client = _changeable_client(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(request.user, client, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/record_form.html", {"form": form, "client": client, "title": title})


@login_required
@GET_POST
def membership_add(request, pk: int):
    return _add_record(request, pk, MembershipForm, services.add_membership, _("Add a program membership"))


@login_required
@GET_POST
def spell_add(request, pk: int):
    return _add_record(request, pk, SpellForm, services.add_spell, _("Add a social assistance spell"))


@login_required
@GET_POST
def merge(request, pk: int):
    if not services.may_merge(request.user):
        raise Http404
    duplicate = _changeable_client(request, pk)
    form = MergeForm(request.POST or None, user=request.user, duplicate=duplicate)
    if request.method == "POST" and form.is_valid():
        try:
            keep = services.merge_clients(request.user, duplicate, form.cleaned_data["keep"])
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The records were merged."))
            return redirect("clients:detail", pk=keep.pk)
    return render(request, "clients/merge.html", {"form": form, "client": duplicate})


@login_required
@GET_POST
def consent_add(request, pk: int):
    client = selectors.client_for(request.user, pk)
    if not Consent.scope(request.user, Action.CHANGE):
        raise Http404
    form = ConsentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_consent(request.user, client, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The consent was recorded."))
            return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/consent_form.html", {"form": form, "client": client})


@login_required
@require_POST
def consent_withdraw(request, pk: int, consent: int):
    found = get_restricted_or_404(Consent, request.user, Action.CHANGE, pk=consent, client_id=pk)
    try:
        services.withdraw_consent(request.user, found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The consent was withdrawn. It no longer applies anywhere."))
    return redirect("clients:detail", pk=pk)


@login_required
@GET_POST
def referral_create(request, pk: int):
    if not services.may_refer(request.user):
        raise Http404
    client = selectors.client_for(request.user, pk)
    form = ReferralForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.create_referral(request.user, client, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The referral was sent."))
            if Referral.objects.restrict(request.user).filter(pk=referral.pk).exists():
                return redirect("clients:referral", pk=referral.pk)
            return redirect("clients:detail", pk=client.pk)
    return render(request, "clients/referral_form.html", {"form": form, "client": client})


@login_required
@require_GET
def referral_list(request):
    if not selectors.may_see_referrals(request.user):
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in ReferralStatus.values else ""
    page = Paginator(selectors.visible_referrals(request.user, status), 50).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": ReferralStatus.choices}
    return render(request, "clients/referral_list.html", context)


@login_required
@require_GET
def overdue(request):
    if not selectors.may_see_referrals(request.user):
        raise Http404
    referrals = selectors.overdue_referrals(request.user)
    context = {"referrals": referrals, "days": settings.REFERRAL_WAIT_DAYS}
    return render(request, "clients/overdue.html", context)


def _referral_page(request, referral, form=None, status=200):
    may_move = Referral.objects.restrict(request.user, Action.CHANGE).filter(pk=referral.pk).exists()
    context = {
        "referral": referral,
        "moves": [(s, ReferralStatus(s).label) for s in services.allowed_moves(referral)] if may_move else [],
        "form": form or TransitionForm(),
    }
    return render(request, "clients/referral_detail.html", context, status=status)


@login_required
@require_GET
def referral_detail(request, pk: int):
    return _referral_page(request, selectors.referral_for(request.user, pk))


@login_required
@require_POST
def referral_transition(request, pk: int):
    referral = selectors.referral_for(request.user, pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.move_referral(request.user, referral, **form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The referral's status was changed."))
            return redirect("clients:referral", pk=pk)
    return _referral_page(request, referral, form, status=400)
