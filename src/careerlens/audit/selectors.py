"""Reads of the audit trail (administrators only, through restrict)."""

from __future__ import annotations

from careerlens.accounts.scoping import Action
from careerlens.audit.models import AuditEntry


def entries(
    user,
    *,
    actor: str = "",
    action: str = "",
    record_type: str = "",
    object_id: str = "",
    request_id: str = "",
    since=None,
    until=None,
):
    found = AuditEntry.objects.restrict(user, Action.VIEW).select_related("content_type")
    if actor:
        found = found.filter(actor_name__icontains=actor)
    if action:
        found = found.filter(action=action)
    if record_type:
        app_label, _, model = record_type.partition(".")
        found = found.filter(content_type__app_label=app_label, content_type__model=model)
    if object_id:
        found = found.filter(object_id=object_id)
    if request_id:
        found = found.filter(request_id=request_id)
    if since:
        found = found.filter(at__date__gte=since)
    if until:
        found = found.filter(at__date__lte=until)
    return found


def recent_entries(user, limit: int = 10):
    return list(entries(user)[:limit])
