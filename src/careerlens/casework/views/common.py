"""Helpers shared by the casework pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.casework.selectors import may_see_caseload
from careerlens.clients.models import Client
from careerlens.clients.views import attach

GET_POST = require_http_methods(["GET", "POST"])


def staff_client(request, pk: int, action: str = Action.CHANGE) -> Client:
    """A client the signed-in staff member may work on (404 otherwise, and for other roles)."""
    if not may_see_caseload(request.user):
        raise Http404
    return get_restricted_or_404(Client, request.user, action, pk=pk)


def form_page(
    request, client, form, service, *, success: str, title: str, back=None, template="casework/form.html"
):
    """The usual form page: on a valid POST call ``service(**cleaned_data)`` and go back to the case file (or
    to ``back(result)``); a refusal is put on the form, which keeps what the person typed."""
    if request.method == "POST" and form.is_valid():
        try:
            result = service(**form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, success)
            return redirect(back(result) if back else reverse("casework:case", args=[client.pk]))
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, "client": client, "title": title}, status=status)
