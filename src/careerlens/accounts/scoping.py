"""Row-level scoping: the one place that decides which rows a user may see or change.

Every model that holds scoped rows uses :class:`RestrictedQuerySet` and defines a class method
``scope(user, action)`` that answers with a ``Q`` filter, ``True`` (every row) or ``False`` (no row).
Views, API routes and exports all go through ``Model.objects.restrict(user, action)``; an object
outside the user's scope is simply not found, so it answers 404.
"""

from __future__ import annotations

from django.db import models
from django.http import Http404


class Action(models.TextChoices):
    VIEW = "view"
    CHANGE = "change"
    DELETE = "delete"
    EXPORT = "export"


def is_active_user(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = Action.VIEW) -> RestrictedQuerySet:
        if action not in Action.values:
            raise ValueError(f"Unknown action {action!r}; expected one of {', '.join(Action.values)}.")
        scope = getattr(self.model, "scope", None)
        if scope is None:
            raise TypeError(f"{self.model.__name__} has no scope(user, action) rule.")
        rule = scope(user, action)
        if rule is True:
            return self
        if rule is False or rule is None:
            return self.none()
        return self.filter(rule)


RestrictedManager = models.Manager.from_queryset(RestrictedQuerySet)


def get_restricted_or_404(queryset, user, action: str = Action.VIEW, **lookup):
    """The object matching ``lookup`` within the user's scope, or 404 (never 403: no existence leak)."""
    if isinstance(queryset, type) and issubclass(queryset, models.Model):
        queryset = queryset.objects.all()
    if any(isinstance(value, str) and "\x00" in value for value in lookup.values()):
        raise Http404  # no record has a NUL in its key, and PostgreSQL refuses the query
    try:
        return queryset.restrict(user, action).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
