"""A net-impact evaluation run and its report: what was evaluated on which data, and the engine's result
(estimates, diagnostics, recommendation, subgroups, caveats) with its charts in English and French."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited
from careerlens.clients.models import is_admin

READERS = (Role.ANALYST, Role.SSM_MANAGER)


class Source(models.TextChoices):
    SNAPSHOT = "snapshot", _("The analytics snapshot")
    UPLOAD = "upload", _("An uploaded table")


@audited(exclude=("result", "charts"))
class EvaluationRun(models.Model):
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("data"), max_length=10, choices=Source.choices)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    treatment = models.CharField(_("service evaluated (treatment)"), max_length=100)
    outcome = models.CharField(_("outcome"), max_length=100)
    covariates = models.JSONField(_("covariates"), default=list)
    by = models.CharField(_("subgroups by"), max_length=100, blank=True)
    result = models.JSONField(_("result"))
    charts = models.JSONField(_("charts"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("run by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("run"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return self.title

    @classmethod
    def scope(cls, user, action: str):
        """Ministry analysts and SSM managers read and run evaluations (aggregates only, small cells
        suppressed by the engine); administrators too."""
        if not is_active_user(user):
            return False
        if is_admin(user):
            return True
        return action in (Action.VIEW, Action.CHANGE) and user.role in READERS
