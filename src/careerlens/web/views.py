"""The shell's own pages: the public home page, each role's start page, health and error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from careerlens.web import start_pages


@require_GET
def home(request):
    if request.user.is_authenticated:
        return redirect("web:start")
    return render(request, "web/home.html")


@login_required
@require_GET
def start(request):
    template, context = start_pages.for_user(request.user)
    return render(request, template, context)


@require_GET
def health(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


def not_found(request, exception=None):
    return render(request, "web/errors/404.html", status=404)


def forbidden(request, exception=None):
    return render(request, "web/errors/403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: most often a page left open past the session's end."""
    return render(request, "web/errors/csrf.html", status=403)


def server_error(request):
    """Rendered without the request's context processors, which may be what failed."""
    template = loader.get_template("web/errors/500.html")
    return HttpResponseServerError(template.render({"language": (get_language() or "en")[:2]}))
