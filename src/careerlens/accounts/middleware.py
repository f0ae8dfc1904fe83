"""Idle sessions expire SESSION_IDLE_MINUTES after the last request; the session is renewed (its expiry
moved on and saved) at most once a minute, not on every request, so that reading a page writes nothing
to the database in the common case."""

from __future__ import annotations

import time

RENEWED_AT = "_renewed_at"  # session key: when the session's expiry was last moved on (epoch seconds)
RENEW_EVERY_SECONDS = 60


class SessionRenewalMiddleware:
    """After SessionMiddleware: marks a session as modified (so SessionMiddleware saves it with a new
    expiry) when it was last renewed RENEW_EVERY_SECONDS or more ago. A session thus ends between
    SESSION_IDLE_MINUTES minus a minute and SESSION_IDLE_MINUTES after the last request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty():
            return response  # no session, or an empty one: nothing to keep alive (and none created)
        now = int(time.time())
        renewed = session.get(RENEWED_AT)
        if not isinstance(renewed, int) or not 0 <= now - renewed < RENEW_EVERY_SECONDS:
            session[RENEWED_AT] = now
        return response
