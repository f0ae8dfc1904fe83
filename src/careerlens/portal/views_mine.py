"""The pages of a person who saved their check-up: their saved check-up, sharing it with a provider of their
catchment (a self-referral with their consent), early-warning check-ins (and stopping them), taking the
check-up again from the saved answers, and deleting everything saved."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from careerlens.portal import forms, journey, reminders, selectors, services
from careerlens.reference.modelbase import active_language

GET_POST = require_http_methods(["GET", "POST"])


def _own(request):
    """(client record or ``None``, latest saved check-up or ``None``) of a client account; 404 for staff."""
    if not services.is_client(request.user):
        raise Http404
    client = services.client_of(request.user)
    return client, services.latest(client) if client else None


@login_required
@require_http_methods(["GET"])
def mine(request):
    client, checkup = _own(request)
    found = selectors.results(request.user, checkup.answers, active_language()) if checkup else None
    context = {"client": client, "checkup": checkup, "found": found}
    if client is not None:
        context["now"] = services.check_ins_now(client)
    return render(request, "portal/mine.html", context)


@login_required
@GET_POST
def share(request):
    client, checkup = _own(request)
    if checkup is None:
        return redirect("portal:mine")
    language = active_language()
    providers = selectors.providers(client.catchment_id, language)
    form = forms.ShareForm(forms.posted(request), providers=providers, language=language)
    if request.method == "POST" and form.is_valid():
        found = selectors.results(request.user, checkup.answers, language)
        note = selectors.summary_note(found)
        if form.cleaned_data["note"]:
            note = f"{form.cleaned_data['note']}\n\n{note}"
        services.share(request.user, client, form.cleaned_data["provider"], note)
        messages.success(request, _("Shared. The provider will contact you."))
        return redirect("portal:mine")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/share.html", {"form": form, "providers": providers}, status=status)


@login_required
@GET_POST
def check_ins(request):
    client, checkup = _own(request)
    if checkup is None:
        return redirect("portal:mine")
    now = services.check_ins_now(client)
    pending, default = now["reminder"], str(reminders.REMIND_AFTER_DAYS)
    initial = {
        "reminder": str(pending.remind_every_days) if pending else ("" if now["enrolled"] else default),
        "email": client.email or request.user.email,
        "outreach": now["outreach"],
    }
    form = forms.CheckInsForm(forms.posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        site = request.build_absolute_uri("/").rstrip("/")
        services.check_ins(
            request.user,
            client,
            checkup,
            every_days=data["reminder"],
            outreach=data["outreach"],
            email=data["email"],
            site=site,
        )
        messages.success(request, _("You are signed up for early-warning check-ins."))
        return redirect("portal:mine")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/check_ins.html", {"form": form, "now": now}, status=status)


@login_required
@require_POST
def stop_check_ins(request):
    client, _checkup = _own(request)
    if client is not None:
        services.stop_check_ins(client)
        stopped = _("Your check-ins are stopped: no more reminders, and you are off the list.")
        messages.success(request, stopped)
    return redirect("portal:mine")


@login_required
@require_POST
def retake(request):
    """Take the check-up again from the answers of the latest saved one."""
    _client, checkup = _own(request)
    if checkup is None:
        return redirect("portal:mine")
    journey.restore(request.session, checkup.answers)
    return redirect("portal:step", step=journey.CODES[0])


@login_required
@GET_POST
def delete(request):
    client, _checkup = _own(request)
    if client is None:
        return redirect("portal:mine")
    form = forms.DeleteForm(forms.posted(request))
    if request.method == "POST" and form.is_valid():
        close = form.cleaned_data["account"]
        services.delete_everything(request.user, client, close)
        if close:
            logout(request)
            return redirect("portal:start")
        messages.success(request, _("Everything you saved from the check-up is deleted."))
        return redirect("portal:mine")
    status = 400 if request.method == "POST" else 200
    return render(request, "portal/delete.html", {"form": form}, status=status)
