"""API authentication: a bearer token, or the browser session (with CSRF on writes)."""

from __future__ import annotations

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from careerlens.accounts.models import ApiToken
from careerlens.audit.context import AuditContext, current, set_context


class TokenAuth(HttpBearer):
    openapi_description = "A careerlens API token: `Authorization: Bearer cl_…`"

    def authenticate(self, request, token: str):
        found = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if found is None or not found.is_usable():
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        base = current()
        # The request id middleware resets the context when the response leaves.
        set_context(
            AuditContext(
                request_id=base.request_id,
                actor_id=found.user.pk,
                actor_name=found.user.username,
                source="api",
            )
        )
        return found.user


class ActiveSessionAuth(SessionAuth):
    """The signed-in browser session. Writes must carry the CSRF token, as for any form."""

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None  # no session to protect: the answer is 401, not a CSRF failure
        return super().__call__(request)


# A token first: a request that sends one means it, and a browser cannot add the header cross-site.
AUTH = [TokenAuth(), ActiveSessionAuth()]
