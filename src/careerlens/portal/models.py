"""A saved career check-up: the answers a person chose to keep with their client account (until then they
live only in the visitor's session), in the language they used, and the reminder to take it again (when it
is due, how often, the background task that will send it, and the reminders sent)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited


@audited(exclude=("answers",))  # deleting a check-up must leave no copy of its answers
class CheckUp(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="checkups"
    )
    answers = models.JSONField(_("answers"))
    language = models.CharField(_("language"), max_length=2, default="en")
    remind_on = models.DateField(_("remind to take it again on"), null=True, blank=True)
    remind_every_days = models.PositiveSmallIntegerField(_("remind every (days)"), null=True, blank=True)
    reminder_task = models.CharField(_("pending reminder task"), max_length=64, blank=True)
    reminded_at = models.DateTimeField(_("last reminder sent"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("career check-up")
        verbose_name_plural = _("career check-ups")

    def __str__(self):
        return f"{self.client} · {self.saved_at:%Y-%m-%d}"

    @classmethod
    def scope(cls, user, action: str):
        """The person's own check-ups only (administrators all): practitioners see what the person shares
        through a self-referral's note, never the answers themselves."""
        if not is_active_user(user):
            return False
        if user.role == Role.ADMINISTRATOR or user.is_superuser:
            return True
        if user.role == Role.CLIENT and action in (Action.VIEW, Action.CHANGE, Action.DELETE):
            return Q(client__user_id=user.pk)
        return False
