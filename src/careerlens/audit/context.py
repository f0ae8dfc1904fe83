"""Who is acting and under which request: kept in context variables for the audit trail."""

from __future__ import annotations

import contextvars
import uuid
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditContext:
    request_id: str
    actor_id: int | None = None
    actor_name: str = ""
    source: str = "system"


_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "careerlens_audit", default=None
)


def current() -> AuditContext:
    context = _current.get()
    if context is None:
        context = AuditContext(request_id=new_request_id())
    return context


def new_request_id() -> str:
    return uuid.uuid4().hex


def set_context(context: AuditContext):
    return _current.set(context)


def reset_context(token) -> None:
    _current.reset(token)


@contextmanager
def acting_as(user=None, source: str = "command", request_id: str | None = None):
    """Attribute every audited change in the block to ``user`` (or to the system) and to ``source``."""
    token = set_context(
        AuditContext(
            request_id=request_id or new_request_id(),
            actor_id=getattr(user, "pk", None),
            actor_name=getattr(user, "username", "") or "",
            source=source,
        )
    )
    try:
        yield
    finally:
        reset_context(token)
