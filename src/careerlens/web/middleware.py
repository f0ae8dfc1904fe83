"""Refuse requests whose address or form data carry a NUL character: no record can match one, and
PostgreSQL rejects them in queries. The answer is a 400 that says why, never a 500."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


def _has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
    )


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            message = _("The address contains a NUL character, which is not allowed.")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)
