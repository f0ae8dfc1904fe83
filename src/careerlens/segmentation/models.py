"""Model versions of the segmentation, the stream decisions made with them (a person decides, every
override with its reason), and early-warning enrolments of employed people who opted in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, RestrictedQuerySet, is_active_user
from careerlens.audit.registry import audited
from careerlens.casework.choices import Stream
from careerlens.casework.rules import casework_rule
from careerlens.clients.models import is_admin
from careerlens.segmentation.choices import ModelKind, VersionState

STAFF = (Role.PRACTITIONER, Role.PROVIDER_MANAGER, Role.SSM_MANAGER, Role.CASEWORKER, Role.ANALYST)
USER = {"null": True, "blank": True, "on_delete": models.SET_NULL, "related_name": "+"}


@audited(exclude=("model", "evaluation", "audit", "card"))
class ModelVersion(models.Model):
    kind = models.CharField(_("model"), max_length=30, choices=ModelKind.choices)
    number = models.PositiveIntegerField(_("version"))
    state = models.CharField(
        _("state"), max_length=10, choices=VersionState.choices, default=VersionState.TRAINED
    )
    model = models.JSONField(_("fitted model"))
    evaluation = models.JSONField(_("evaluation on held-out rows"))
    audit = models.JSONField(_("fairness audit"))
    card = models.JSONField(_("model card"))
    data_source = models.CharField(_("training data"), max_length=300)
    trained_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("trained by"), **USER)
    trained_at = models.DateTimeField(_("trained"), default=timezone.now)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), **USER)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    activated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("activated by"), **USER)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-number"]
        verbose_name = _("model version")
        verbose_name_plural = _("model versions")
        constraints = [
            models.UniqueConstraint(fields=["kind", "number"], name="one_number_per_model_kind"),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(state="active"), name="one_active_version_per_kind"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.number}"

    @property
    def flags(self) -> list:
        return self.audit.get("flags", [])

    @classmethod
    def scope(cls, user, action: str):
        """Open to every staff role (transparency: anyone who works with streams may read the card);
        changes go through the services, which check the role of each step."""
        if not is_active_user(user):
            return False
        if is_admin(user):
            return True
        return action in (Action.VIEW, Action.CHANGE) and user.role in STAFF


@audited()
class StreamDecision(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="stream_decisions"
    )
    episode = models.ForeignKey(
        "casework.Episode",
        verbose_name=_("service episode"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    model_version = models.ForeignKey(
        ModelVersion,
        verbose_name=_("model version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    risk = models.FloatField(_("estimated risk"), null=True, blank=True)
    proposed_stream = models.CharField(_("proposed stream"), max_length=1, choices=Stream.choices, blank=True)
    final_stream = models.CharField(_("stream decided"), max_length=1, choices=Stream.choices)
    reason = models.TextField(_("reason"), blank=True)
    factors = models.JSONField(_("factors that weigh most"), default=list, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("decided by"), **USER)
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()
    scope = staticmethod(casework_rule)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("stream decision")
        verbose_name_plural = _("stream decisions")

    def __str__(self):
        return f"{self.client} · {self.final_stream}"

    @property
    def is_override(self) -> bool:
        return bool(self.proposed_stream) and self.proposed_stream != self.final_stream


@audited()
class EarlyWarningEnrolment(models.Model):
    """An employed person who opted in to early-warning check-ins (recorded by a practitioner, or later by
    the career check-up), and whether they consent to the SSM's outreach when their risk rises."""

    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="early_warnings"
    )
    occupation = models.ForeignKey(
        "reference.Occupation",
        verbose_name=_("occupation (NOC 2021)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    tenure_years = models.DecimalField(_("years in the current job"), max_digits=4, decimal_places=1)
    years_since_training = models.DecimalField(
        _("years since the last training or upgrade"), max_digits=4, decimal_places=1
    )
    consent_to_contact = models.BooleanField(
        _("consents to be contacted by the SSM's outreach"), default=False
    )
    enrolled_at = models.DateTimeField(_("opted in"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), **USER)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-enrolled_at", "-pk"]
        verbose_name = _("early-warning enrolment")
        verbose_name_plural = _("early-warning enrolments")

    def __str__(self):
        return f"{self.client} · {self.occupation_id}"

    @classmethod
    def scope(cls, user, action: str):
        if is_active_user(user) and user.role == Role.SSM_MANAGER and action == Action.VIEW:
            catchment = getattr(user, "catchment", None)
            if catchment is None:
                return False
            return Q(client__catchment=catchment, consent_to_contact=True, withdrawn_at__isnull=True)
        return casework_rule(user, action)
