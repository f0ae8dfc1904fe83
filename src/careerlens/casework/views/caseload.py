"""A practitioner's caseload (a provider manager's: the provider's), with filters."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerlens.casework import selectors
from careerlens.casework.forms import CaseloadFilterForm


@login_required
@require_GET
def caseload(request):
    if not selectors.may_see_caseload(request.user):
        raise Http404
    form = CaseloadFilterForm(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    clients = selectors.caseload(
        request.user,
        stream=filters.get("stream", ""),
        status=filters.get("status") or "all",
        due_only=bool(filters.get("due")),
        practitioner=filters.get("practitioner"),
    )
    page = Paginator(clients, 50).get_page(request.GET.get("page"))
    return render(request, "casework/caseload.html", {"form": form, "page": page})
