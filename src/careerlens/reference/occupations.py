"""Occupations: the NOC 2021 V1.0 hierarchy, example titles, the COPS 2024–2033 outlook and the NOC 2016
V1.3 → NOC 2021 V1.0 concordance (docs/data.md says where each comes from).

Every model is public reference data: read through ``Model.objects.restrict(user, "view")``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careerlens.reference.modelbase import BilingualName, OpenReferenceQuerySet, open_scope


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class Teer(models.IntegerChoices):
    """Training, Education, Experience and Responsibilities: the second digit of a unit group's code."""

    MANAGEMENT = 0, _("TEER 0: Management occupations")
    UNIVERSITY = 1, _("TEER 1: Occupations usually require a university degree")
    COLLEGE_LONG = (
        2,
        _(
            "TEER 2: Occupations usually require a college diploma or apprenticeship training of two or more "
            "years; or supervisory occupations"
        ),
    )
    COLLEGE_SHORT = (
        3,
        _(
            "TEER 3: Occupations usually require a college diploma or apprenticeship training of less than "
            "two years; or more than six months of on-the-job training"
        ),
    )
    SECONDARY = (
        4,
        _(
            "TEER 4: Occupations usually require a secondary school diploma; or several weeks of on-the-job "
            "training"
        ),
    )
    DEMONSTRATION = (
        5,
        _("TEER 5: Occupations usually require short-term work demonstration and no formal education"),
    )


class NocLevel(models.IntegerChoices):
    BROAD_CATEGORY = 1, _("broad occupational category")
    MAJOR_GROUP = 2, _("major group")
    SUB_MAJOR_GROUP = 3, _("sub-major group")
    MINOR_GROUP = 4, _("minor group")


class NocGroup(models.Model):
    """A level of NOC 2021 above the unit group. The code's length is its level (``7``, ``72``, ``721``,
    ``7210``), so one table holds the four levels without clashing keys. English titles only."""

    code = models.CharField(_("code"), max_length=4, primary_key=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=NocLevel.choices)
    title_en = models.CharField(_("title (English)"), max_length=200)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["code"]
        verbose_name = _("NOC group")
        verbose_name_plural = _("NOC groups")

    def __str__(self):
        return f"{self.code} {self.title_en}"


class Occupation(BilingualName, models.Model):
    """A NOC 2021 V1.0 unit group: the occupation every other part of careerlens refers to."""

    code = models.CharField(_("NOC code"), max_length=5, primary_key=True)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=255, blank=True)
    teer = models.PositiveSmallIntegerField(_("TEER"), choices=Teer.choices)
    broad_category = models.ForeignKey(
        NocGroup, verbose_name=_("broad occupational category"), on_delete=models.PROTECT, related_name="+"
    )
    major_group = models.ForeignKey(
        NocGroup, verbose_name=_("major group"), on_delete=models.PROTECT, related_name="+"
    )
    sub_major_group = models.ForeignKey(
        NocGroup, verbose_name=_("sub-major group"), on_delete=models.PROTECT, related_name="+"
    )
    minor_group = models.ForeignKey(
        NocGroup, verbose_name=_("minor group"), on_delete=models.PROTECT, related_name="unit_groups"
    )
    definition_en = models.TextField(_("definition (English)"), blank=True)

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["code"]
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return self._in_language(self.title_en, self.title_fr)

    @property
    def hierarchy(self) -> list[NocGroup]:
        return [self.broad_category, self.major_group, self.sub_major_group, self.minor_group]


class ExampleTitle(models.Model):
    """A job title people use for an occupation (NOC 2021 example titles). English and French titles are
    published separately and are not translations of each other."""

    occupation = models.ForeignKey(
        Occupation,
        verbose_name=_("occupation"),
        on_delete=models.CASCADE,
        related_name="example_titles",
        db_index=False,  # the (occupation, language) index serves it
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    title = models.CharField(_("title"), max_length=255)
    search_key = models.CharField(
        _("search key"),
        max_length=255,
        help_text=_("The title in lower case, without accents or punctuation."),
    )

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["occupation", "language", "title"]
        indexes = [models.Index(fields=["occupation", "language"], name="reference_example_occ_lang")]
        verbose_name = _("example title")
        verbose_name_plural = _("example titles")

    def __str__(self):
        return self.title


class LabourMarketOutlook(models.TextChoices):
    """COPS's assessment of labour-market conditions, in five steps."""

    STRONG_SHORTAGE = "strong_shortage", _("strong shortage")
    MODERATE_SHORTAGE = "moderate_shortage", _("moderate shortage")
    BALANCE = "balance", pgettext_lazy("labour market", "balance")
    MODERATE_SURPLUS = "moderate_surplus", _("moderate surplus")
    STRONG_SURPLUS = "strong_surplus", _("strong surplus")


class Outlook(BilingualName, models.Model):
    """The national COPS 2024–2033 projection for one unit group (COPS publishes no regional figures).

    Counts are people over the ten years 2024–2033, except ``employment_2023``. ``None`` where COPS
    publishes no projection (31 unit groups, "N/A")."""

    occupation = models.OneToOneField(
        Occupation,
        verbose_name=_("occupation"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="outlook",
    )
    employment_2023 = models.IntegerField(_("employment in 2023"), null=True, blank=True)
    employment_growth = models.IntegerField(_("employment growth"), null=True, blank=True)
    retirements = models.IntegerField(_("retirements"), null=True, blank=True)
    other_replacement = models.IntegerField(_("other replacement demand"), null=True, blank=True)
    job_openings = models.IntegerField(_("job openings"), null=True, blank=True)
    school_leavers = models.IntegerField(_("school leavers"), null=True, blank=True)
    immigration = models.IntegerField(_("immigrants"), null=True, blank=True)
    other_seekers = models.IntegerField(_("other job seekers"), null=True, blank=True)
    job_seekers = models.IntegerField(_("job seekers"), null=True, blank=True)
    recent_outlook = models.CharField(
        _("recent conditions (2021–2023)"), max_length=20, choices=LabourMarketOutlook.choices, blank=True
    )
    recent_conditions_en = models.CharField(
        _("recent conditions, as published (English)"), max_length=60, blank=True
    )
    recent_conditions_fr = models.CharField(
        _("recent conditions, as published (French)"), max_length=60, blank=True
    )
    future_outlook = models.CharField(
        _("future conditions (2024–2033)"), max_length=20, choices=LabourMarketOutlook.choices, blank=True
    )
    future_conditions_en = models.CharField(
        _("future conditions, as published (English)"), max_length=60, blank=True
    )
    future_conditions_fr = models.CharField(
        _("future conditions, as published (French)"), max_length=60, blank=True
    )

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["occupation"]
        verbose_name = _("COPS outlook")
        verbose_name_plural = _("COPS outlooks")

    def __str__(self):
        return f"{self.occupation_id} {self.future_outlook or '—'}"

    @property
    def recent_conditions(self) -> str:
        return self._in_language(self.recent_conditions_en, self.recent_conditions_fr)

    @property
    def future_conditions(self) -> str:
        return self._in_language(self.future_conditions_en, self.future_conditions_fr)

    @property
    def has_projection(self) -> bool:
        return self.employment_2023 is not None


class Noc2016Concordance(models.Model):
    """One pair of Statistics Canada's NOC 2016 V1.3 → NOC 2021 V1.0 concordance. A 2016 code may map to
    several 2021 unit groups (splits) and several 2016 codes to one (mergers)."""

    noc2016_code = models.CharField(_("NOC 2016 code"), max_length=4, db_index=True)
    noc2016_title = models.CharField(_("NOC 2016 title"), max_length=200)
    occupation = models.ForeignKey(
        Occupation,
        verbose_name=_("NOC 2021 unit group"),
        on_delete=models.CASCADE,
        related_name="noc2016_codes",
    )
    noc2021_title = models.CharField(_("NOC 2021 title, as published"), max_length=200)
    change = models.CharField(_("type of change (GSIM)"), max_length=120)
    notes = models.TextField(_("notes"), blank=True)

    objects = OpenReferenceQuerySet.as_manager()
    scope = staticmethod(open_scope)

    class Meta:
        ordering = ["noc2016_code", "occupation"]
        constraints = [
            models.UniqueConstraint(
                fields=["noc2016_code", "occupation"], name="reference_noc2016_pair_unique"
            )
        ]
        verbose_name = _("NOC 2016 concordance")
        verbose_name_plural = _("NOC 2016 concordance")

    def __str__(self):
        return f"{self.noc2016_code} → {self.occupation_id}"
