"""The careerlens REST API at /api/v1/ (OpenAPI at /api/v1/openapi.json), one router per domain."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from careerlens import __version__
from careerlens.accounts.api import router as accounts_router
from careerlens.api.auth import AUTH
from careerlens.casework.api import router as casework_router
from careerlens.clients.api import router as clients_router
from careerlens.dashboards.api import router as dashboards_router
from careerlens.evaluation.api import router as evaluation_router
from careerlens.pathways.api import router as pathways_router
from careerlens.reference.api import router as reference_router
from careerlens.segmentation.api import router as segmentation_router

logger = logging.getLogger("careerlens.api")

api = NinjaAPI(
    title="careerlens API",
    version=__version__,
    description="Ontario's integrated employment services, with careers at the centre.",
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
)

api.add_router("/", reference_router)
api.add_router("/", accounts_router)
api.add_router("/", clients_router)
api.add_router("/", casework_router)
api.add_router("/", pathways_router)
api.add_router("/", segmentation_router)
api.add_router("/", evaluation_router)
api.add_router("/", dashboards_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(
        request, {"detail": _("Sign in, or send an API token in the Authorization header.")}, status=401
    )


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(
        request, {"detail": _("The request is not valid."), "errors": exc.errors}, status=422
    )


@api.exception_handler(ModelValidationError)
def invalid_values(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": _("The values are not valid."), "errors": errors}, status=422
    )


@api.exception_handler(HttpError)
def http_error(request, exc):
    detail = str(exc)
    if exc.status_code == 403 and "CSRF" in detail:
        detail = _("The CSRF token is missing or wrong: reload the page, or use an API token.")
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(Exception)
def unexpected(request, exc):
    """A bug: log it with the request id and answer JSON, never Django's HTML error page."""
    request_id = getattr(request, "request_id", "")
    logger.exception("Unhandled API error (request %s)", request_id)
    return api.create_response(
        request,
        {"detail": _("Something went wrong. The error has been logged."), "request_id": request_id},
        status=500,
    )
