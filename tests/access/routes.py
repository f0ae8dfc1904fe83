"""The project's URL patterns and API operations, and which of them a row's request reaches."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import LocalePrefixPattern, Resolver404, URLResolver, get_resolver, resolve
from django.utils.translation import override

LANG = "<lang>/"


@dataclass(frozen=True)
class Route:
    route: str  # Django's route string with the language prefix written <lang>/, e.g. "<lang>/start/"
    name: str  # namespaced url name, e.g. "web:start"
    area: str  # the careerlens app whose view answers (accounts, audit, …), or the package (django, ninja)
    methods: frozenset[str]  # the API operation's methods; empty for a Django view (any method counts)


def project_routes() -> list[Route]:
    with override(settings.LANGUAGE_CODE):
        return sorted(set(_walk(get_resolver().url_patterns, "", ())), key=lambda route: route.route)


def _walk(patterns, prefix: str, namespaces: tuple[str, ...]):
    for pattern in patterns:
        piece = LANG if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
        route = prefix + piece.removeprefix("^") if prefix else piece
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern.url_patterns, route, inner)
        else:
            name = ":".join((*namespaces, pattern.name or "?"))
            area, methods = _describe(pattern.callback)
            yield Route(route=route, name=name, area=area, methods=methods)


def _describe(callback) -> tuple[str, frozenset[str]]:
    """The area of a view, and its API methods when it is a django-ninja path."""
    path_view = (
        inspect.getclosurevars(callback).nonlocals.get("self") if inspect.isfunction(callback) else None
    )
    operations = getattr(path_view, "operations", None)
    if operations:
        module = operations[0].view_func.__module__
        methods = frozenset(method for operation in operations for method in operation.methods)
        return _area(module), methods
    view = getattr(callback, "view_class", None) or getattr(callback, "func", None) or callback
    return _area(view.__module__), frozenset()


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "careerlens" and len(parts) > 1 else parts[0]


def route_of(url: str) -> str | None:
    """The route (as in :class:`Route`) that a request to ``url`` reaches, or None."""
    path = urlsplit(url).path
    languages = [code for code, _name in settings.LANGUAGES]
    language = next((code for code in languages if path.startswith(f"/{code}/")), settings.LANGUAGE_CODE)
    with override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    route = match.route
    if path.startswith(f"/{language}/") and route.startswith(f"{language}/"):
        route = LANG + route.removeprefix(f"{language}/")
    return route
