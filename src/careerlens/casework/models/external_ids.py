"""The identifier a client or a job has in another case management system, kept by the case import so that
later files can refer to it (docs/import.md). One value per system and kind: importing the same id again
links to the same record."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from careerlens.accounts.scoping import RestrictedQuerySet
from careerlens.audit.registry import audited
from careerlens.casework.rules import casework_rule


class ExternalKind(models.TextChoices):
    CLIENT = "client", _("client")
    JOB = "job", _("job")


@audited()
class ExternalId(models.Model):
    system = models.CharField(_("case management system"), max_length=40)
    kind = models.CharField(_("what it identifies"), max_length=6, choices=ExternalKind.choices)
    value = models.CharField(_("identifier in that system"), max_length=100)
    client = models.ForeignKey(
        "clients.Client", verbose_name=_("client"), on_delete=models.CASCADE, related_name="external_ids"
    )
    job = models.ForeignKey(
        "casework.Job",
        verbose_name=_("job"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="external_ids",
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    objects = RestrictedQuerySet.as_manager()
    scope = staticmethod(casework_rule)

    class Meta:
        ordering = ["system", "kind", "value"]
        verbose_name = _("external identifier")
        verbose_name_plural = _("external identifiers")
        constraints = [
            models.UniqueConstraint(fields=["system", "kind", "value"], name="one_external_id_per_system"),
            models.CheckConstraint(
                condition=models.Q(kind="client", job__isnull=True) | models.Q(kind="job", job__isnull=False),
                name="external_id_kind_matches_record",
            ),
        ]

    def __str__(self):
        return f"{self.system}:{self.kind}:{self.value}"
