"""API route of the career pathways: ``GET /api/v1/pathways`` (transitions, or paths to a goal)."""

from __future__ import annotations

from typing import Literal

from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from careerlens.pathways import selectors
from careerlens.reference.modelbase import active_language

router = Router(tags=["pathways"])


class ComparisonOut(Schema):
    descriptor: str = Field(description="OaSIS 2023 descriptor code, e.g. F01b01.")
    facet: str = Field(description="skills, abilities, knowledge, work_activities, personal_attributes, …")
    name: str = Field(description="The descriptor's name. OaSIS publishes English names only.")
    name_language: Literal["en", "fr"] = Field(description="The language of `name` (English on French).")
    origin: float = Field(description="The origin's rating, on the descriptor's own scale.")
    target: float = Field(description="The target's rating, on the descriptor's own scale.")
    scale_max: float


class FacetOut(Schema):
    facet: str
    weight: float
    fit: float = Field(description="0..1; higher is a better fit.")
    gap: float | None = Field(
        description="Share of what the target asks that the origin lacks; none for "
        "facets scored by agreement (work context, interests)."
    )


class OutlookOut(Schema):
    value: float | None = Field(
        description="−1 strong risk of surplus … +1 strong risk of shortage; none where unknown."
    )
    label: str
    source: str


class ExposureOut(Schema):
    measure: str = Field(description="frey_osborne, nesta or ilo_genai.")
    value: float | None = Field(description="0..1.")
    published: float | None = Field(description="The value as published (Nesta: 1–5).")
    label: str
    route: str = Field(description="The crosswalk route from NOC 2021 to the source's classification.")
    codes: list[str] = Field(description="The codes averaged at the end of the route.")


class ProgramOut(Schema):
    id: str
    name: str
    closes: list[str] = Field(description="Descriptor codes of the gaps the program could close.")


class TransitionOut(Schema):
    origin: str
    target: str = Field(description="NOC 2021 unit group.")
    title: str = Field(description="The target's title in the requested language.")
    rank: int
    score: float = Field(description="Feasibility, plus outlook and minus exposure unless feasibility only.")
    feasibility: float = Field(description="0..1, the weighted fit of the facets.")
    gap: float = Field(description="0..1, the share of what the target asks that the origin lacks.")
    viable: bool = Field(
        description="Within reach in one step under the conditions asked. False only when no target is "
        "viable: the answer is then the nearest targets."
    )
    not_viable_because: list[str] = Field(
        description="What blocks a non-viable transition: gap (larger than max_gap), teer_distance (more "
        "TEER levels apart than allowed), teer_step (a larger step up than max_teer_step), training_weeks "
        "(longer than max_training_weeks). Empty when viable."
    )
    teer_origin: int
    teer_target: int
    teer_step: int = Field(description="TEER(origin) − TEER(target): positive is a step up.")
    training_weeks: float = Field(description="Estimated weeks of training (a careerlens setting).")
    facets: list[FacetOut]
    outlook: OutlookOut | None
    earnings_ratio: float | None
    automation: ExposureOut | None
    ai_exposure: ExposureOut | None
    strengths: list[ComparisonOut] = Field(description="The strongest shared strengths.")
    gaps: list[ComparisonOut] = Field(description="The largest gaps, largest first.")
    programs: list[ProgramOut] = Field(description="Training that could close the gaps (shown, not decided).")


class PathOccupationOut(Schema):
    code: str
    title: str


class PathStepOut(Schema):
    origin: str
    target: str
    title: str
    gap: float
    teer_step: int
    training_weeks: float


class PathOut(Schema):
    rank: int
    total_gap: float = Field(description="Sum of the steps' gaps; paths are ranked by it.")
    total_training_weeks: float
    occupations: list[PathOccupationOut] = Field(description="Origin, each step's target, the goal last.")
    steps: list[PathStepOut]


class OriginOut(Schema):
    code: str
    title: str


class PathwaysOut(Schema):
    origin: OriginOut
    goal: OriginOut | None
    language: Literal["en", "fr"]
    region: str | None
    feasibility_only: bool
    max_teer_step: int | None
    max_training_weeks: int | None
    ratings: dict[str, int] = Field(description="The person's own ratings used, by descriptor code.")
    none_viable: bool = Field(
        description="True when no target is within reach under these conditions: `transitions` then holds "
        "the nearest targets (smallest gap first), each `viable: false` with `not_viable_because`."
    )
    transitions: list[TransitionOut] = Field(
        description="Without `goal`: the ranked viable transitions, or, when none is viable, the nearest "
        "targets. Never empty."
    )
    paths: list[PathOut] = Field(description="With `goal`: the best paths of up to three steps.")


class PathwaysParams(Schema):
    origin: str = Field(
        alias="from", description="The origin: a NOC 2021 unit group (`72106`; `10` for `00010`)."
    )
    goal: str | None = Field(None, description="A goal unit group: answers with paths instead.")
    region: str | None = Field(
        None, description="An economic region (e.g. 3530): its Job Bank outlooks when imported, else COPS."
    )
    top: int = Field(
        selectors.DEFAULT_TOP, ge=1, le=selectors.MAX_TOP, description="How many transitions or paths."
    )
    feasibility_only: bool = Field(False, description="Rank by feasibility alone (no outlook or exposure).")
    max_teer_step: int | None = Field(
        None, ge=0, le=selectors.MAX_TEER_STEP, description="The largest step up in TEER (0 = none)."
    )
    lang: Literal["en", "fr"] | None = Field(
        None, description="Language of titles and labels; by default the request's (Accept-Language)."
    )
    max_training_weeks: int | None = Field(
        None,
        ge=0,
        le=selectors.MAX_TRAINING_WEEKS,
        description="The longest training the person can take on, in weeks: targets whose estimated "
        "training is longer are not viable (applied to every step of a path).",
    )
    interests: str = Field(
        "",
        pattern="^[RIASECriasec]{0,3}$",
        description="The person's Holland code (up to 3 RIASEC letters, strongest first): replaces the "
        "origin's interests.",
    )
    ratings: str = Field(
        "",
        max_length=4000,
        description="The person's own ratings, `descriptor=level` pairs separated by commas (e.g. "
        "`F01b01=4,F01c02=3`): OaSIS descriptor codes, each level a whole number on that descriptor's "
        "scale (skills 0–5, knowledge 0–3). They replace the origin occupation's ratings of those "
        "descriptors. Ignored with `feasibility_only`. A bad pair answers 422 naming it.",
    )


@router.get(
    "/pathways",
    response=PathwaysOut,
    url_name="pathways",
    summary="Career pathways: skills-based transitions from an occupation, or paths to a goal",
    description=(
        "Without `goal`: the best viable target occupations, with score, gap, shared strengths, largest "
        "gaps, training programs, outlook and automation and AI exposure (with the crosswalk route). "
        "Every origin answers: when no target is viable under the conditions asked, the nearest targets "
        "(smallest gap first) come instead, marked `viable: false` and `none_viable: true`. "
        "With `goal`: the best paths of up to three viable steps, by total gap. The person's own "
        "`ratings`, `interests`, `max_teer_step` and `max_training_weeks` personalise both. An unknown "
        "NOC code answers 404 naming it; bad parameters (top, region, ratings, the goal equal to the "
        "origin) 422 with a reason in `detail`. The model is in docs/pathways.md."
    ),
)
def pathways(request, params: Query[PathwaysParams]):
    language = params.lang or active_language()
    user = request.auth
    with translation.override(language):
        try:
            origin = selectors.occupation_code(user, params.origin, field="from")
            goal = selectors.occupation_code(user, params.goal, field="goal") if params.goal else None
            region = selectors.check_region(user, params.region)
            ratings = selectors.parse_ratings(params.ratings)
            personal = {
                "max_teer_step": params.max_teer_step,
                "max_training_weeks": params.max_training_weeks,
                "interests": params.interests.upper(),
                "ratings": ratings,
            }
            paths, transitions = [], []
            if goal:
                paths = selectors.paths(
                    user,
                    origin,
                    goal,
                    top=min(params.top, 10),
                    language=language,
                    **personal,
                )
            else:
                transitions = selectors.transitions(
                    user,
                    origin,
                    top=params.top,
                    feasibility_only=params.feasibility_only,
                    region=region,
                    language=language,
                    **personal,
                )
        except selectors.PathwayQueryError as error:
            message = f"{error.field}: {error}" if error.field else str(error)
            raise HttpError(error.status, message) from None
        titles = selectors.occupation_titles(user, [c for c in (origin, goal) if c], language)
    return {
        "origin": {"code": origin, "title": titles.get(origin, origin)},
        "goal": {"code": goal, "title": titles.get(goal, goal)} if goal else None,
        "language": language,
        "region": region,
        "feasibility_only": params.feasibility_only,
        "max_teer_step": params.max_teer_step,
        "max_training_weeks": params.max_training_weeks,
        "ratings": ratings,
        "none_viable": bool(transitions) and not any(t["viable"] for t in transitions),
        "transitions": transitions,
        "paths": paths,
    }
