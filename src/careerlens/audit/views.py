"""Administrators browse and filter the audit trail; nobody can change it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.audit import selectors
from careerlens.audit.forms import AuditFilterForm
from careerlens.audit.models import AuditEntry


@login_required
@require_GET
def entry_list(request):
    if not _may_view(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        entries = AuditEntry.objects.none()  # show the form's errors, not an unfiltered trail
    else:
        filters = form.cleaned_data if form.is_bound else {}
        entries = selectors.entries(request.user, **{key: value for key, value in filters.items() if value})
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audit/entry_list.html", {"form": form, "page": page})


@login_required
@require_GET
def entry_detail(request, pk: int):
    entry = get_restricted_or_404(
        AuditEntry.objects.select_related("content_type"), request.user, Action.VIEW, pk=pk
    )
    before, after = entry.before or {}, entry.after or {}
    rows = [
        {
            "field": key,
            "before": before.get(key),
            "after": after.get(key),
            "changed": before.get(key) != after.get(key),
        }
        for key in sorted(set(before) | set(after))
    ]
    return render(request, "audit/entry_detail.html", {"entry": entry, "rows": rows})


def _may_view(user) -> bool:
    return AuditEntry.scope(user, Action.VIEW) is True
