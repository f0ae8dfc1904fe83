"""Writing to the audit trail."""

from __future__ import annotations

import datetime
import decimal
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models

from careerlens.audit.context import current
from careerlens.audit.models import AuditEntry
from careerlens.audit.registry import AuditOptions

MASK = "••••••"


def _plain(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return "<binary>"
    return value


def snapshot(instance: models.Model, options: AuditOptions) -> dict:
    """The instance's concrete field values as JSON-ready data (foreign keys by id).

    Masked fields keep their real value here, so that a change to them can be seen; :func:`masked`
    hides them before anything is written.
    """
    values = {}
    for field in instance._meta.concrete_fields:
        if field.name in options.exclude and field.name not in options.masked:
            continue
        values[field.attname] = _plain(getattr(instance, field.attname))
    return values


def masked(values: dict | None, options: AuditOptions, model: type[models.Model]) -> dict | None:
    """``values`` with every masked field replaced by a mask (or left empty when it was empty)."""
    if values is None:
        return None
    names = {model._meta.get_field(name).attname for name in options.masked}
    return {key: (MASK if value else value) if key in names else value for key, value in values.items()}


def record_change(action: str, instance: models.Model, before: dict | None, after: dict | None) -> AuditEntry:
    context = current()
    return AuditEntry.objects.create(
        action=action,
        actor_id=context.actor_id,
        actor_name=context.actor_name,
        source=context.source,
        request_id=context.request_id,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        before=before,
        after=after,
    )


def record_event(action: str, actor=None, target: models.Model | None = None, detail: dict | None = None):
    """A sign-in, sign-out, failed sign-in, export or other event that is not a change of a row."""
    context = current()
    return AuditEntry.objects.create(
        action=action,
        actor_id=getattr(actor, "pk", None) or context.actor_id,
        actor_name=(getattr(actor, "get_username", lambda: "")() if actor else "") or context.actor_name,
        source=context.source,
        request_id=context.request_id,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        detail=detail,
    )


def log_read(user, instance: models.Model, reason: str = "") -> AuditEntry:
    """Record that ``user`` opened a sensitive record (and why, where a reason is required)."""
    return record_event("read", actor=user, target=instance, detail={"reason": reason} if reason else None)
