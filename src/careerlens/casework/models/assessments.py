"""A completed or part-done common assessment of a client, on one version of the instrument.

Who may see it: the provider that did it, and another provider only while the client's consent to share
the assessment with it is in force (docs/casework.md). Only the provider that did it may change it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import Action, RestrictedQuerySet
from careerlens.audit.registry import audited
from careerlens.casework.choices import AssessmentStatus, Occasion
from careerlens.casework.instrument import CURRENT_VERSION, instrument
from careerlens.casework.rules import casework_rule
from careerlens.clients.choices import ConsentTopic
from careerlens.clients.models import PROVIDER_STAFF, consent_exists, provider_of


class AssessmentQuerySet(RestrictedQuerySet):
    def valid(self, on: datetime.date | None = None):
        """Completed assessments still within their validity period."""
        on = on or timezone.localdate()
        return self.filter(status=AssessmentStatus.COMPLETED, valid_until__gte=on)


@audited(exclude=("updated_at",))
class Assessment(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="assessments"
    )
    provider = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="+"
    )
    instrument_version = models.PositiveSmallIntegerField(_("instrument version"), default=CURRENT_VERSION)
    occasion = models.CharField(
        _("occasion"), max_length=10, choices=Occasion.choices, default=Occasion.INTAKE
    )
    status = models.CharField(
        _("status"), max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reused_from = models.ForeignKey(
        "self",
        verbose_name=_("reused from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return f"{self.get_occasion_display()} {self.started_at:%Y-%m-%d}"

    @property
    def instrument(self):
        return instrument(self.instrument_version)

    @property
    def is_completed(self) -> bool:
        return self.status == AssessmentStatus.COMPLETED

    def modules_done(self) -> set[str]:
        return {
            module.code
            for module in self.instrument.modules
            if all(self.answers.get(q.id) not in (None, "") for q in module.questions if q.required)
        }

    @classmethod
    def scope(cls, user, action: str):
        rule = casework_rule(user, action)
        if rule is True or rule is False or user.role not in PROVIDER_STAFF:
            return rule
        provider = provider_of(user)
        if provider is None:
            return False
        own = models.Q(provider_id=provider.pk)
        if action == Action.VIEW:
            own |= models.Q(consent_exists(provider.pk, ConsentTopic.ASSESSMENT))
        return rule & own
