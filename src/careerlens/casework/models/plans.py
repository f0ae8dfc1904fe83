"""The action plan: a career goal (a NOC 2021 occupation), goals and plan items drawn from the intervention
catalogue, with statuses and dates. OW/ODSP caseworkers see the plan summary only while the client's consent
to share it with their office is in force."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited
from careerlens.casework.catalogue import catalogue, intervention
from careerlens.casework.choices import ItemStatus, PlanStatus
from careerlens.casework.rules import casework_rule
from careerlens.clients.choices import ConsentTopic
from careerlens.clients.models import Client, consent_exists


@audited(exclude=("updated_at",))
class ActionPlan(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="plans"
    )
    episode = models.ForeignKey(
        "casework.Episode",
        verbose_name=_("service episode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plans",
    )
    career_goal = models.ForeignKey(
        "reference.Occupation",
        verbose_name=_("career goal (NOC 2021)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    goal = models.TextField(_("goals, in the client's words"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
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
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self):
        return f"{self.client} · {self.created_at:%Y-%m-%d}"

    @classmethod
    def scope(cls, user, action: str):
        if is_active_user(user) and user.role == Role.CASEWORKER and user.organisation_id:
            if action != Action.VIEW:
                return False
            referred = Client.scope(user, action)
            return Q(client__in=Client.objects.filter(referred).values("pk")) & Q(
                consent_exists(user.organisation_id, ConsentTopic.PLAN_SUMMARY)
            )
        return casework_rule(user, action)


@audited()
class PlanItem(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="items"
    )
    intervention = models.CharField(_("intervention"), max_length=40)
    goal = models.CharField(_("what it is for"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.PLANNED
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["planned_start", "pk"]
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")

    def __str__(self):
        return self.intervention_name

    @property
    def intervention_name(self) -> str:
        found = catalogue().get(self.intervention)
        return found.name if found else self.intervention

    @property
    def details(self):
        return intervention(self.intervention)

    def clean(self):
        errors = {}
        if self.intervention not in catalogue():
            errors["intervention"] = _("Choose an intervention from the catalogue.")
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = _("The planned end is before the planned start.")
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = _("The end is before the start.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def scope(cls, user, action: str):
        if is_active_user(user) and user.role == Role.CASEWORKER:
            rule = ActionPlan.scope(user, action)
            return rule if rule is False else Q(plan__in=ActionPlan.objects.filter(rule).values("pk"))
        return casework_rule(user, action, client_path="plan__client")
