"""API authentication: the browser session (with CSRF on writes) or a bearer token."""

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
        set_context(
            AuditContext(
                request_id=base.request_id, actor_id=found.user.pk, actor_name=found.user.username, source="api"
            )
        )
        return found.user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is not None and user.is_active:
            return user
        return None


AUTH = [ActiveSessionAuth(), TokenAuth()]
