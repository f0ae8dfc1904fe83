"""Reads of reference data. Reference data is public, but reads still go through restrict()."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q
from django.http import Http404

from careerlens.accounts.scoping import get_restricted_or_404
from careerlens.reference.models import (
    Catchment,
    Descriptor,
    ExampleTitle,
    Facet,
    Noc2016Concordance,
    NocGroup,
    Occupation,
    Outlook,
    Profile,
    Rating,
    ReferenceSource,
    Scale,
)
from careerlens.reference.text import search_key


def catchments(user=None):
    return Catchment.objects.restrict(user, "view").select_related("economic_region")


def catchments_with_counts(user=None):
    return catchments(user).annotate(
        providers=Count("organisations", filter=Q(organisations__kind="provider")),
        sites=Count("organisations", filter=Q(organisations__kind="site")),
        offices=Count("organisations", filter=Q(organisations__kind__in=["ow_office", "odsp_office"])),
    )


def sources(user=None):
    return ReferenceSource.objects.restrict(user, "view")


def occupations(user=None):
    return Occupation.objects.restrict(user, "view")


@dataclass(frozen=True)
class RatedDescriptor:
    descriptor: Descriptor
    mean: float  # mean rating over the unit group's OaSIS profiles

    @property
    def share(self) -> float:
        """The mean as a share of the top of the scale (0–1), for bars."""
        return self.mean / self.descriptor.scale_max if self.descriptor.scale_max else 0.0


@dataclass(frozen=True)
class OccupationDetail:
    occupation: Occupation
    example_titles: dict[str, list[str]]  # language → titles
    profiles: list[Profile]
    outlook: Outlook | None
    top_skills: list[RatedDescriptor]
    noc2016: list[Noc2016Concordance]

    @property
    def hierarchy(self) -> list[NocGroup]:
        return self.occupation.hierarchy


def top_descriptors(occupation_code: str, facet: str, user=None, limit: int = 10) -> list[RatedDescriptor]:
    """The facet's descriptors with the highest mean rating (first scale) over the unit group's OaSIS
    profiles, best first; descriptors rated 0 (not part of the job) are left out."""
    ratings = (
        Rating.objects.restrict(user, "view")
        .filter(profile__occupation_id=occupation_code, descriptor__facet=facet, scale=Scale.FIRST)
        .values("descriptor_id")
        .annotate(mean=Avg("value"))
        .filter(mean__gt=0)
        .order_by("-mean", "descriptor_id")[:limit]
    )
    means = {row["descriptor_id"]: float(row["mean"]) for row in ratings}
    descriptors = Descriptor.objects.restrict(user, "view").in_bulk(list(means))
    return [
        RatedDescriptor(descriptors[code], round(mean, 2))
        for code, mean in means.items()
        if code in descriptors
    ]


def occupation_detail(user, code: str) -> OccupationDetail:
    """Everything the occupation page and the API show about one unit group; 404 if unknown."""
    if not (isinstance(code, str) and len(code) == 5 and code.isdigit()):
        raise Http404
    occupation = get_restricted_or_404(
        Occupation.objects.select_related("broad_category", "major_group", "sub_major_group", "minor_group"),
        user,
        "view",
        code=code,
    )
    titles: dict[str, list[str]] = {"en": [], "fr": []}
    for language, title in (
        ExampleTitle.objects.restrict(user, "view")
        .filter(occupation=occupation)
        .values_list("language", "title")
    ):
        titles.setdefault(language, []).append(title)
    for values in titles.values():
        values.sort(key=search_key)
    return OccupationDetail(
        occupation=occupation,
        example_titles=titles,
        profiles=list(Profile.objects.restrict(user, "view").filter(occupation=occupation)),
        outlook=Outlook.objects.restrict(user, "view").filter(occupation=occupation).first(),
        top_skills=top_descriptors(occupation.code, Facet.SKILLS, user),
        noc2016=list(Noc2016Concordance.objects.restrict(user, "view").filter(occupation=occupation)),
    )
