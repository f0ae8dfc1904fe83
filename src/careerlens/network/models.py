"""Practitioners of the service network and the clients assigned to them.

A practitioner's profile records the CDP competency areas they hold, CCDP certification and the languages
in which they serve. An assignment gives a client a practitioner for a while; a transfer ends it and starts
another. Every change is audited.
"""

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
from careerlens.clients.models import PROVIDER_STAFF, is_admin, provider_of, through_client
from careerlens.network.framework import area_codes, area_name

LANGUAGES = ("en", "fr")


@audited(exclude=("updated_at",))
class PractitionerProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("practitioner"),
        on_delete=models.CASCADE,
        related_name="practitioner_profile",
        limit_choices_to={"role": Role.PRACTITIONER},
    )
    competency_areas = models.JSONField(_("CDP competency areas"), default=list, blank=True)
    ccdp_certified = models.BooleanField(_("Certified Career Development Practitioner (CCDP)"), default=False)
    certified_on = models.DateField(_("certified on"), null=True, blank=True)
    languages = models.JSONField(_("languages of service"), default=list)
    accepting_clients = models.BooleanField(_("accepting new clients"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name", "pk"]
        verbose_name = _("practitioner profile")
        verbose_name_plural = _("practitioner profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.username

    def clean(self):
        errors = {}
        unknown = set(self.competency_areas or []) - area_codes()
        if unknown:
            errors["competency_areas"] = _("Unknown competency areas: %(areas)s.") % {
                "areas": ", ".join(sorted(unknown))
            }
        if not self.languages or set(self.languages) - set(LANGUAGES):
            errors["languages"] = _("Choose English, French or both.")
        if self.certified_on and not self.ccdp_certified:
            errors["certified_on"] = _("A certification date is recorded only for a certified practitioner.")
        if self.certified_on and self.certified_on > timezone.localdate():
            errors["certified_on"] = _("The certification date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    def area_names(self) -> list[str]:
        return [area_name(code) for code in self.competency_areas]

    def lacks(self, needed) -> list[str]:
        return sorted(set(needed) - set(self.competency_areas))

    @classmethod
    def scope(cls, user, action: str):
        if not is_active_user(user):
            return False
        if is_admin(user):
            return True
        if user.role == Role.PRACTITIONER:
            return Q(user_id=user.pk) if action in (Action.VIEW, Action.CHANGE) else False
        if user.role == Role.PROVIDER_MANAGER and action in (Action.VIEW, Action.CHANGE):
            provider = provider_of(user)
            if provider is None:
                return False
            return Q(user__organisation_id=provider.pk) | Q(user__organisation__parent_id=provider.pk)
        return False


class AssignmentQuerySet(RestrictedQuerySet):
    def current(self):
        return self.filter(ended_at__isnull=True)


@audited()
class Assignment(models.Model):
    """A client's practitioner for a while: from ``started_at`` until ``ended_at`` (empty while it lasts)."""

    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="assignments"
    )
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("practitioner"),
        on_delete=models.PROTECT,
        related_name="assignments",
        limit_choices_to={"role": Role.PRACTITIONER},
    )
    provider = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=Q(ended_at__isnull=True),
                name="one_current_assignment_per_client",
            )
        ]

    def __str__(self):
        return f"{self.client} → {self.practitioner}"

    @classmethod
    def scope(cls, user, action: str):
        if is_active_user(user) and user.role == Role.CLIENT and action == Action.VIEW:
            return Q(client__user_id=user.pk)
        if is_active_user(user) and (user.role in PROVIDER_STAFF or is_admin(user)):
            return through_client(user, action)
        return False
