"""A practitioner's case notes and tasks (reminders included) about a client: staff only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import RestrictedQuerySet
from careerlens.audit.registry import audited
from careerlens.casework.rules import casework_rule


def staff_rule(user, action: str):
    return casework_rule(user, action, client_sees=False)


@audited()
class Note(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="case_notes"
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()
    scope = staticmethod(staff_rule)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("case note")
        verbose_name_plural = _("case notes")

    def __str__(self):
        return self.text[:60]


class CaseTaskQuerySet(RestrictedQuerySet):
    def open(self):
        return self.filter(done_at__isnull=True)

    def due(self, on=None):
        return self.open().filter(due_on__lte=on or timezone.localdate())


@audited()
class CaseTask(models.Model):
    """Something to do for a client by a date: written by a person, or a reminder careerlens made (such as
    a checkpoint that came due)."""

    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="case_tasks"
    )
    title = models.CharField(_("task"), max_length=200)
    due_on = models.DateField(_("due"))
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
    )
    checkpoint = models.ForeignKey(
        "casework.Checkpoint",
        verbose_name=_("checkpoint"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    objects = CaseTaskQuerySet.as_manager()
    scope = staticmethod(staff_rule)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.title
