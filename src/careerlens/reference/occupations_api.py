"""API routes for occupations (NOC 2021 with OaSIS and COPS), on the reference router (see ``api.py``)."""

from __future__ import annotations

from typing import Literal

from django.utils import translation
from ninja import Field, Query, Schema
from ninja.errors import HttpError

from careerlens.reference import selectors
from careerlens.reference.api import router
from careerlens.reference.modelbase import active_language
from careerlens.reference.search import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_QUERY_LENGTH,
    SearchQueryError,
    search_occupations,
)


class OccupationMatchOut(Schema):
    code: str = Field(description="NOC 2021 unit group, 5 digits.", examples=["72106"])
    title: str = Field(description="The title in the requested language.")
    title_en: str
    title_fr: str
    teer: int = Field(description="Training, education, experience and responsibilities, 0–5.")
    matched_title: str = Field(description="The unit-group or example title that matched the query best.")
    matched_language: Literal["en", "fr"]
    score: float = Field(description="Relevance; higher is better. Only the order is meaningful.")


class OccupationSearchOut(Schema):
    query: str
    language: Literal["en", "fr"]
    results: list[OccupationMatchOut]


class SearchParams(Schema):
    q: str = Field(
        description=f"A job title (English or French) or a NOC code; 1–{MAX_QUERY_LENGTH} characters."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="How many occupations at most.")
    lang: Literal["en", "fr"] | None = Field(
        None, description="Language of `title`; by default the request's language (Accept-Language)."
    )


class GroupOut(Schema):
    code: str
    level: str
    title_en: str


class ProfileOut(Schema):
    code: str = Field(description="OaSIS 2023 profile code, e.g. 72106.01.")
    label: str
    lead_statement: str
    holland_codes: str = Field(description="Top Holland (RIASEC) interest codes in order, e.g. RCI.")


class OutlookOut(Schema):
    employment_2023: int | None
    employment_growth: int | None
    retirements: int | None
    other_replacement: int | None
    job_openings: int | None
    school_leavers: int | None
    immigration: int | None
    other_seekers: int | None
    job_seekers: int | None
    recent_outlook: str = Field(description="strong_shortage … strong_surplus; empty where COPS has none.")
    recent_conditions_en: str
    recent_conditions_fr: str
    future_outlook: str
    future_conditions_en: str
    future_conditions_fr: str


class RatedDescriptorOut(Schema):
    code: str
    name: str
    mean: float = Field(description="Mean rating over the unit group's OaSIS profiles.")
    scale_max: int


class Noc2016Out(Schema):
    code: str
    title: str
    change: str


class OccupationOut(Schema):
    code: str
    title: str
    title_en: str
    title_fr: str
    teer: int
    teer_label: str
    definition_en: str
    hierarchy: list[GroupOut] = Field(description="Broad category, major, sub-major and minor group.")
    example_titles_en: list[str]
    example_titles_fr: list[str]
    profiles: list[ProfileOut]
    outlook: OutlookOut | None = Field(description="COPS 2024–2033, all of Canada (counts over ten years).")
    top_skills: list[RatedDescriptorOut]
    noc2016: list[Noc2016Out] = Field(description="NOC 2016 V1.3 codes that map to this unit group.")


@router.get(
    "/occupations",
    response=OccupationSearchOut,
    summary="Search occupations by job title or NOC code",
    description=(
        "English and French, tolerant of typos and missing accents (``weldr``, ``infirmiere``). "
        "An empty or too long query answers 422 with a reason in ``detail``."
    ),
)
def search(request, params: Query[SearchParams]):
    language = params.lang or active_language()
    with translation.override(language):
        try:
            matches = search_occupations(params.q, limit=params.limit, user=request.auth, language=language)
        except SearchQueryError as error:
            raise HttpError(422, str(error)) from None
        results = [
            {
                "code": match.code,
                "title": match.title,
                "title_en": match.occupation.title_en,
                "title_fr": match.occupation.title_fr,
                "teer": match.teer,
                "matched_title": match.matched_title,
                "matched_language": match.matched_language,
                "score": match.score,
            }
            for match in matches
        ]
    return {"query": " ".join(params.q.split()), "language": language, "results": results}


@router.get(
    "/occupations/{code}",
    response=OccupationOut,
    summary="One occupation: titles, hierarchy, OaSIS profiles, top skills, COPS outlook",
    description="404 with ``detail`` for a code that is not a NOC 2021 unit group.",
)
def get_occupation(request, code: str):
    detail = selectors.occupation_detail(request.auth, code)
    occupation = detail.occupation
    return {
        "code": occupation.code,
        "title": occupation.title,
        "title_en": occupation.title_en,
        "title_fr": occupation.title_fr,
        "teer": occupation.teer,
        "teer_label": str(occupation.get_teer_display()),
        "definition_en": occupation.definition_en,
        "hierarchy": [
            {"code": group.code, "level": group.get_level_display(), "title_en": group.title_en}
            for group in detail.hierarchy
        ],
        "example_titles_en": detail.example_titles.get("en", []),
        "example_titles_fr": detail.example_titles.get("fr", []),
        "profiles": [
            {
                "code": profile.code,
                "label": profile.label,
                "lead_statement": profile.lead_statement,
                "holland_codes": profile.holland_codes,
            }
            for profile in detail.profiles
        ],
        "outlook": detail.outlook,
        "top_skills": [
            {
                "code": item.descriptor.code,
                "name": item.descriptor.name,
                "mean": item.mean,
                "scale_max": item.descriptor.scale_max,
            }
            for item in detail.top_skills
        ],
        "noc2016": [
            {"code": pair.noc2016_code, "title": pair.noc2016_title, "change": pair.change}
            for pair in detail.noc2016
        ],
    }
