"""OaSIS 2023 v1.0 (ESDC): the descriptor guide, the occupational profiles and their ratings.

A NOC 2021 unit group has one or more OaSIS profiles (900 profiles for 516 unit groups, coded
``21231.01``). Unit-group views average the ratings of the unit group's profiles (docs/data.md).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from careerlens.reference.modelbase import OpenReferenceQuerySet, open_scope
from careerlens.reference.occupations import Occupation


class Facet(models.TextChoices):
    """The rated families of OaSIS descriptors, with the top of each rating scale."""

    SKILLS = "skills", _("skills")
    ABILITIES = "abilities", _("abilities")
    KNOWLEDGE = "knowledge", _("knowledge")
    WORK_ACTIVITIES = "work_activities", _("work activities")
    WORK_CONTEXT = "work_context", _("work context")
    PERSONAL_ATTRIBUTES = "personal_attributes", _("personal attributes")


# The top of each facet's scale where the guide states none (the guide states e.g. "on a scale of 1-3").
# 0 means "not part of the job".
SCALE_MAX = dict.fromkeys(Facet.values, 5) | {Facet.KNOWLEDGE.value: 3}

HOLLAND_CODES = {
    "R": _("Realistic"),
    "I": _("Investigative"),
    "A": _("Artistic"),
    "S": _("Social"),
    "E": _("Enterprising"),
    "C": _("Conventional"),
}


class Descriptor(models.Model):
    """One OaSIS descriptor from the guide (English only: the French guide is not among our sources)."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    facet = models.CharField(_("facet"), max_length=20, choices=Facet.choices)
    name = models.CharField(_("name"), max_length=120)
    category = models.CharField(_("category"), max_length=120, help_text=_("The guide's sub-category."))
    group = models.CharField(_("similarity group"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    scale = models.CharField(
        _("rating scale"), max_length=80, blank=True, help_text=_("As the guide names it.")
    )
    scale_max = models.PositiveSmallIntegerField(_("top of the rating scale"))
    second_scale = models.CharField(
        _("second rating scale"),
        max_length=80,
        blank=True,
        help_text=_("Some work-context descriptors are rated twice, e.g. frequency and duration."),
    )
    second_scale_max = models.PositiveSmallIntegerField(
        _("top of the second rating scale"), null=True, blank=True
    )

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["code"]
        verbose_name = _("OaSIS descriptor")
        verbose_name_plural = _("OaSIS descriptors")

    def __str__(self):
        return f"{self.code} {self.name}"


class Profile(models.Model):
    """An OaSIS occupational profile: a unit group, or one of its parts (``.00``, ``.01``, …)."""

    code = models.CharField(_("OaSIS code"), max_length=8, primary_key=True)
    occupation = models.ForeignKey(
        Occupation, verbose_name=_("occupation"), on_delete=models.CASCADE, related_name="profiles"
    )
    label = models.CharField(_("label"), max_length=200)
    lead_statement = models.TextField(_("lead statement"), blank=True)
    holland_1 = models.CharField(_("first Holland code"), max_length=1, blank=True)
    holland_2 = models.CharField(_("second Holland code"), max_length=1, blank=True)
    holland_3 = models.CharField(_("third Holland code"), max_length=1, blank=True)

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["code"]
        verbose_name = _("OaSIS profile")
        verbose_name_plural = _("OaSIS profiles")

    def __str__(self):
        return f"{self.code} {self.label}"

    @property
    def holland_codes(self) -> str:
        """The top Holland (RIASEC) codes in order, e.g. ``"RCI"``; fewer than three where OaSIS has fewer."""
        return "".join(code for code in (self.holland_1, self.holland_2, self.holland_3) if code)

    @property
    def holland_names(self) -> list[tuple[str, str]]:
        return [(code, str(HOLLAND_CODES[code])) for code in self.holland_codes]


class Scale(models.IntegerChoices):
    FIRST = 1, _("first scale")
    SECOND = 2, _("second scale")


class Rating(models.Model):
    """A profile's level on a descriptor: knowledge 0–3, most others 0–5 (``Descriptor.scale_max``); 0 means
    the descriptor is not part of the job. A few work-context descriptors have a second scale."""

    # No single-column indexes: the unique constraint (profile first) and the (descriptor, value) index
    # serve those lookups, and fewer indexes keep the 220,000-row load fast.
    profile = models.ForeignKey(
        Profile, verbose_name=_("profile"), on_delete=models.CASCADE, related_name="ratings", db_index=False
    )
    descriptor = models.ForeignKey(
        Descriptor,
        verbose_name=_("descriptor"),
        on_delete=models.CASCADE,
        related_name="ratings",
        db_index=False,
    )
    scale = models.PositiveSmallIntegerField(_("scale"), choices=Scale.choices, default=Scale.FIRST)
    value = models.PositiveSmallIntegerField(_("rating"))

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["profile", "descriptor", "scale"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "descriptor", "scale"], name="reference_rating_unique")
        ]
        indexes = [models.Index(fields=["descriptor", "value"], name="reference_rating_desc_value")]
        verbose_name = _("OaSIS rating")
        verbose_name_plural = _("OaSIS ratings")

    def __str__(self):
        return f"{self.profile_id} {self.descriptor_id} = {self.value}"
