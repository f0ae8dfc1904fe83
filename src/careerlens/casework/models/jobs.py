"""Jobs and their outcome checkpoints at 1, 3, 6 and 12 months after the job's start.

A checkpoint is *due* from its due date until a person verifies it; the IES funded-outcome rule
(``casework.ies``) decides, from what was verified, whether the outcome counts.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import RestrictedQuerySet
from careerlens.audit.registry import audited
from careerlens.casework.choices import CheckpointStatus, Evidence
from careerlens.casework.rules import casework_rule

MONEY = {"max_digits": 8, "decimal_places": 2}


@audited()
class Job(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="jobs"
    )
    episode = models.ForeignKey(
        "casework.Episode",
        verbose_name=_("service episode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    employer = models.CharField(_("employer"), max_length=200)
    occupation = models.ForeignKey(
        "reference.Occupation",
        verbose_name=_("occupation (NOC 2021)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    hours_per_week = models.DecimalField(_("hours a week"), max_digits=5, decimal_places=2)
    hourly_wage = models.DecimalField(_("hourly wage ($)"), **MONEY)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    subsidised = models.BooleanField(_("subsidised placement"), default=False)
    subsidy_end_date = models.DateField(_("subsidy ends"), null=True, blank=True)
    in_goal_field = models.BooleanField(_("in the field of the career goal"), null=True, blank=True)
    teer_change = models.SmallIntegerField(_("TEER change from the last job"), null=True, blank=True)
    wage_change = models.DecimalField(
        _("wage change from the last job ($ an hour)"), null=True, blank=True, **MONEY
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()
    scope = staticmethod(casework_rule)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self):
        return f"{self.employer} · {self.occupation_id} · {self.start_date:%Y-%m-%d}"

    def clean(self):
        errors = {}
        if self.hours_per_week is not None and not 0 < self.hours_per_week <= 100:
            errors["hours_per_week"] = _("Hours a week must be more than 0 and at most 100.")
        if self.hourly_wage is not None and not 0 < self.hourly_wage <= 1000:
            errors["hourly_wage"] = _("The hourly wage must be more than $0 and at most $1,000.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end is before the start.")
        if self.subsidy_end_date and not self.subsidised:
            errors["subsidy_end_date"] = _("A subsidy end date is recorded only for a subsidised placement.")
        if self.subsidised and not self.subsidy_end_date:
            errors["subsidy_end_date"] = _("Give the date the subsidy ends.")
        if self.start_date and self.start_date > timezone.localdate() + timezone.timedelta(days=90):
            errors["start_date"] = _("The start date is more than 90 days away.")
        if errors:
            raise ValidationError(errors)


@audited(exclude=("reminded_at",))
class Checkpoint(models.Model):
    job = models.ForeignKey(Job, verbose_name=_("job"), on_delete=models.CASCADE, related_name="checkpoints")
    months = models.PositiveSmallIntegerField(_("months after the start"))
    due_date = models.DateField(_("due"))
    employed = models.BooleanField(_("still working"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("hours a week"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    hourly_wage = models.DecimalField(_("hourly wage ($)"), null=True, blank=True, **MONEY)
    evidence = models.CharField(_("evidence"), max_length=20, choices=Evidence.choices, blank=True)
    outcome_met = models.BooleanField(_("funded outcome met"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "months", "pk"]
        verbose_name = _("outcome checkpoint")
        verbose_name_plural = _("outcome checkpoints")
        constraints = [
            models.UniqueConstraint(fields=["job", "months"], name="one_checkpoint_per_job_and_month")
        ]

    def __str__(self):
        return _("%(months)s-month checkpoint") % {"months": self.months}

    @property
    def status(self) -> str:
        if self.verified_at:
            return CheckpointStatus.VERIFIED
        return CheckpointStatus.DUE if self.due_date <= timezone.localdate() else CheckpointStatus.SCHEDULED

    def get_status_display(self) -> str:
        return CheckpointStatus(self.status).label

    @classmethod
    def scope(cls, user, action: str):
        return casework_rule(user, action, client_path="job__client")
