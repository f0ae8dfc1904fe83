"""A service episode: a client's time with a provider, from intake to exit, and the client's stream."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import RestrictedQuerySet
from careerlens.audit.registry import audited
from careerlens.casework.choices import ExitReason, Stream
from careerlens.casework.rules import casework_rule


class EpisodeQuerySet(RestrictedQuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)


@audited()
class Episode(models.Model):
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="episodes"
    )
    provider = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("provider"), on_delete=models.PROTECT, related_name="+"
    )
    referral = models.ForeignKey(
        "clients.Referral",
        verbose_name=_("referral"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opened_on = models.DateField(_("intake date"), default=timezone.localdate)
    stream = models.CharField(_("stream"), max_length=1, choices=Stream.choices, blank=True)
    closed_on = models.DateField(_("exit date"), null=True, blank=True)
    exit_reason = models.CharField(_("exit reason"), max_length=20, choices=ExitReason.choices, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = EpisodeQuerySet.as_manager()
    scope = staticmethod(casework_rule)

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("service episode")
        verbose_name_plural = _("service episodes")
        constraints = [
            models.UniqueConstraint(
                fields=["client", "provider"],
                condition=models.Q(closed_on__isnull=True),
                name="one_open_episode_per_client_and_provider",
            )
        ]

    def __str__(self):
        return f"{self.client} · {self.provider} · {self.opened_on:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self):
        errors = {}
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("The exit date is before the intake date.")
        if self.closed_on and not self.exit_reason:
            errors["exit_reason"] = _("Give the reason the episode ended.")
        if self.opened_on and self.opened_on > timezone.localdate():
            errors["opened_on"] = _("The intake date cannot be in the future.")
        if errors:
            raise ValidationError(errors)
