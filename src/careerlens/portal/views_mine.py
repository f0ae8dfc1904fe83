"""The pages of a person who saved their check-up: their saved check-up, sharing it with a provider of their
catchment (a self-referral with their consent), early-warning check-ins, and deleting everything saved."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from careerlens.portal import forms, selectors, services
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
    return render(request, "portal/mine.html", {"client": client, "checkup": checkup, "found": found})


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
    form = forms.CheckInsForm(forms.posted(request))
    if request.method == "POST" and form.is_valid():
        services.check_ins(
            request.user, client, checkup, form.cleaned_data["reminder"], form.cleaned_data["outreach"]
        )
        messages.success(request, _("You are signed up for early-warning check-ins."))
        return redirect("portal:mine")
    return render(request, "portal/check_ins.html", {"form": form})


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
