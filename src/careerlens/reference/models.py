"""Reference data: Ontario's geography (economic regions, IES catchments) and where each source came from.

Occupational data is in ``occupations.py`` (NOC 2021, COPS 2024–2033, the NOC 2016 concordance) and
``oasis.py`` (OaSIS 2023), imported here so that ``careerlens.reference.models`` names every model.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from careerlens.reference.modelbase import BilingualName, OpenReferenceQuerySet, open_scope
from careerlens.reference.oasis import HOLLAND_CODES, SCALE_MAX, Descriptor, Facet, Profile, Rating, Scale
from careerlens.reference.occupations import (
    ExampleTitle,
    LabourMarketOutlook,
    Language,
    Noc2016Concordance,
    NocGroup,
    NocLevel,
    Occupation,
    Outlook,
    Teer,
)

__all__ = [
    "HOLLAND_CODES",
    "SCALE_MAX",
    "BilingualName",
    "Catchment",
    "Descriptor",
    "EconomicRegion",
    "ExampleTitle",
    "Facet",
    "LabourMarketOutlook",
    "Language",
    "Noc2016Concordance",
    "NocGroup",
    "NocLevel",
    "Occupation",
    "OpenReferenceQuerySet",
    "Outlook",
    "Profile",
    "Rating",
    "ReferenceSource",
    "Scale",
    "Teer",
    "open_scope",
]


class ReferenceSource(models.Model):
    """One loaded source file: its version and checksum, so a load can tell whether anything changed."""

    key = models.CharField(_("source"), max_length=120, unique=True)
    path = models.CharField(_("file"), max_length=255)
    version = models.CharField(_("version"), max_length=120)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    loaded_at = models.DateTimeField(_("loaded"), auto_now=True)

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["key"]
        verbose_name = _("reference source")
        verbose_name_plural = _("reference sources")

    def __str__(self):
        return f"{self.key} ({self.version})"


class EconomicRegion(BilingualName, models.Model):
    code = models.CharField(_("code"), max_length=4, primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["code"]
        verbose_name = _("economic region")
        verbose_name_plural = _("economic regions")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self._in_language(self.name_en, self.name_fr)


class Catchment(BilingualName, models.Model):
    """One of the 15 IES catchment areas, each managed by a Service System Manager."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    economic_region = models.ForeignKey(
        EconomicRegion, verbose_name=_("economic region"), on_delete=models.PROTECT, related_name="catchments"
    )
    phase = models.CharField(_("phase"), max_length=20)
    launch = models.CharField(
        _("launch"), max_length=7, help_text=_("Year and month the SSM began, as published.")
    )
    ssm_name = models.CharField(_("service system manager"), max_length=100)
    ssm_source = models.CharField(
        _("source of the SSM's name"),
        max_length=20,
        help_text=_("official, or secondary where not confirmed."),
    )

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("catchment")
        verbose_name_plural = _("catchments")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self._in_language(self.name_en, self.name_fr)
