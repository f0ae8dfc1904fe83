"""Gives every request an id (echoed in the X-Request-ID header) and names its actor for the audit."""

from __future__ import annotations

import re

from careerlens.audit.context import AuditContext, current, new_request_id, reset_context, set_context

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def _source(path: str) -> str:
    return "api" if "/api/" in path[:12] else "web"


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get("X-Request-ID", "")
        request.request_id = offered if _SAFE_ID.match(offered) else new_request_id()
        token = set_context(AuditContext(request_id=request.request_id, source=_source(request.path)))
        try:
            response = self.get_response(request)
        finally:
            reset_context(token)
        response["X-Request-ID"] = request.request_id
        return response


class AuditActorMiddleware:
    """After authentication: the signed-in user becomes the actor of the request's changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            base = current()
            token = set_context(
                AuditContext(
                    request_id=base.request_id,
                    actor_id=user.pk,
                    actor_name=user.get_username(),
                    source=base.source,
                )
            )
            try:
                return self.get_response(request)
            finally:
                reset_context(token)
        return self.get_response(request)
