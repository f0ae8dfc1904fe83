"""Reads for the pathway API and explorer page: the engine's answers with the occupation titles of the
reference app in the requested language, and the input checks whose messages both show."""

from __future__ import annotations

import contextlib
from typing import Any

from django.utils.translation import gettext as _

from careerlens.analytics.pathways import PathwayDataError, Person, UnknownOccupation
from careerlens.pathways.services import get_engine
from careerlens.reference.modelbase import active_language
from careerlens.reference.models import EconomicRegion, Occupation
from careerlens.reference.search import SearchQueryError, search_occupations

DEFAULT_TOP = 20
MAX_TOP = 50
DEFAULT_PATHS = 5
MAX_TEER_STEP = 5  # TEER runs 0–5: a step up of 5 allows every target
MAX_TRAINING_WEEKS = 520  # ten years: longer than any estimate (a gap of 1 is 104 weeks, TEER 1 is 208)


class PathwayQueryError(ValueError):
    """A question the engine cannot answer; ``status`` is 404 (unknown occupation) or 422, ``field`` the
    parameter at fault."""

    def __init__(self, message: str, *, status: int = 422, field: str = ""):
        super().__init__(message)
        self.status = status
        self.field = field


def occupation_titles(user, codes, language: str | None = None) -> dict[str, str]:
    """NOC code → title in ``language`` (the active one by default; English where French is missing)."""
    language = language or active_language()
    rows = Occupation.objects.restrict(user, "view").filter(code__in=list(codes))
    return {
        code: (title_fr or title_en) if language == "fr" else title_en
        for code, title_en, title_fr in rows.values_list("code", "title_en", "title_fr")
    }


def occupation_code(user, raw: str | None, *, field: str = "from") -> str:
    """The 5-digit unit group for ``raw`` (``72106``; ``10`` for ``00010``); 404 naming an unknown code."""
    text = (raw or "").strip()
    if not text:
        raise PathwayQueryError(_("Give a NOC 2021 unit group code."), field=field)
    try:
        code = get_engine().codes[get_engine().index(text)]
    except UnknownOccupation:
        raise PathwayQueryError(
            _("“%(code)s” is not a NOC 2021 unit group.") % {"code": text[:20]}, status=404, field=field
        ) from None
    if not Occupation.objects.restrict(user, "view").filter(code=code).exists():
        raise PathwayQueryError(
            _("“%(code)s” is not a NOC 2021 unit group.") % {"code": code}, status=404, field=field
        )
    return code


def find_occupation(user, text: str, *, field: str, language: str | None = None) -> tuple[str, list]:
    """A code, or the best occupation-search match for a job title: (code, the other matches)."""
    text = " ".join((text or "").split())
    if text.isdigit():
        return occupation_code(user, text, field=field), []
    try:
        matches = search_occupations(text, limit=5, user=user, language=language)
    except SearchQueryError as error:
        raise PathwayQueryError(str(error), field=field) from None
    if not matches:
        raise PathwayQueryError(
            _("No occupation matches “%(query)s”. Try another job title or a NOC code.") % {"query": text},
            field=field,
        )
    return matches[0].code, matches[1:]


def check_region(user, region: str | None) -> str | None:
    if not region:
        return None
    if not EconomicRegion.objects.restrict(user, "view").filter(code=region).exists():
        raise PathwayQueryError(
            _("“%(region)s” is not an economic region code.") % {"region": region[:20]}, field="region"
        )
    return region


def _comparison_language(item: dict, language: str) -> dict:
    # OaSIS publishes no French descriptor names: the name is English, and says so.
    return {**item, "name_language": "en" if language == "fr" else language}


def _transition_dict(transition, titles: dict[str, str], language: str) -> dict[str, Any]:
    data = transition.as_dict(language)
    data["title"] = titles.get(transition.target, data["title"])
    data["strengths"] = [_comparison_language(c, language) for c in data["strengths"]]
    data["gaps"] = [_comparison_language(c, language) for c in data["gaps"]]
    return data


def _person(
    origin: str,
    max_teer_step: int | None,
    interests: str = "",
    *,
    max_training_weeks: int | None = None,
    ratings: dict[str, int] | None = None,
) -> Person:
    """The person the engine ranks for: the origin, the person's own skill ratings and Holland code (from
    their assessment or check-up), which replace the origin's, and their constraints (largest TEER step,
    longest training)."""
    return Person(
        origin,
        ratings=dict(ratings or {}),
        interests=list(interests),
        max_teer_step=max_teer_step,
        max_training_weeks=None if max_training_weeks is None else float(max_training_weeks),
    )


def parse_ratings(raw: str | None) -> dict[str, int]:
    """``F01b01=4,F01c02=3`` → {descriptor code: level}, each checked against the engine's descriptors and
    their scales; a 422 (field ``ratings``) naming the bad pair otherwise."""
    taxonomy = get_engine().taxonomy
    by_code = {d.id.lower(): d for d in taxonomy.descriptors}
    found: dict[str, int] = {}
    for item in (raw or "").split(","):
        item = item.strip()
        if not item:
            continue
        name, equals, level = (part.strip() for part in item.partition("="))
        if not equals or not name or not level:
            raise PathwayQueryError(
                _("“%(item)s” is not descriptor=level (for example F01b01=4).") % {"item": item[:40]},
                field="ratings",
            )
        descriptor = by_code.get(name.lower())
        if descriptor is None:
            raise PathwayQueryError(
                _("“%(descriptor)s” is not an OaSIS descriptor code (for example F01b01).")
                % {"descriptor": name[:20]},
                field="ratings",
            )
        top = int(descriptor.scale_max)
        if not (level.isascii() and level.isdigit()) or int(level) > top:
            raise PathwayQueryError(
                _("%(descriptor)s=%(level)s: the level must be a whole number from 0 to %(top)s.")
                % {"descriptor": descriptor.id, "level": level[:10], "top": top},
                field="ratings",
            )
        if descriptor.id in found:
            raise PathwayQueryError(
                _("%(descriptor)s is rated twice.") % {"descriptor": descriptor.id}, field="ratings"
            )
        found[descriptor.id] = int(level)
    return found


def transitions(
    user,
    origin: str,
    *,
    top: int = DEFAULT_TOP,
    feasibility_only: bool = False,
    max_teer_step: int | None = None,
    max_training_weeks: int | None = None,
    region: str | None = None,
    language: str | None = None,
    interests: str = "",
    ratings: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The best ``top`` viable targets from ``origin``, best first, as JSON-ready dicts. When none is
    viable under these conditions, the ``top`` nearest targets instead, each ``viable: false`` with what
    blocks it. Feasibility-only leaves out the personal ratings and interests, not the constraints."""
    language = language or active_language()
    person = _person(origin, max_teer_step, interests, max_training_weeks=max_training_weeks, ratings=ratings)
    try:
        found = get_engine().transitions(
            person,
            top=top,
            feasibility_only=feasibility_only,
            region=region,
            nearest_if_none=True,
            keep_constraints=True,
        )
    except PathwayDataError as error:
        raise PathwayQueryError(str(error)) from None
    titles = occupation_titles(user, [t.target for t in found], language)
    return [_transition_dict(t, titles, language) for t in found]


def explain(
    user,
    origin: str,
    target: str,
    *,
    feasibility_only: bool = False,
    region: str | None = None,
    language: str | None = None,
    person: Person | None = None,
) -> dict[str, Any]:
    """One origin → target transition, viable or not, with its gaps (the picture of the gaps), for the
    ``person`` when given (their ratings and constraints), else for the origin occupation."""
    language = language or active_language()
    try:
        found = get_engine().explain(
            person or origin,
            target,
            feasibility_only=feasibility_only,
            region=region,
            keep_constraints=True,
        )
    except PathwayDataError as error:
        raise PathwayQueryError(str(error)) from None
    return _transition_dict(found, occupation_titles(user, [target], language), language)


def paths(
    user,
    origin: str,
    goal: str,
    *,
    top: int = DEFAULT_PATHS,
    max_teer_step: int | None = None,
    max_training_weeks: int | None = None,
    language: str | None = None,
    interests: str = "",
    ratings: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """The best paths of up to three viable steps from ``origin`` to ``goal``, by total gap."""
    language = language or active_language()
    if origin == goal:
        raise PathwayQueryError(_("The goal is the origin occupation: choose another goal."), field="goal")
    person = _person(origin, max_teer_step, interests, max_training_weeks=max_training_weeks, ratings=ratings)
    try:
        found = get_engine().paths(person, goal, top=top)
    except PathwayDataError as error:
        raise PathwayQueryError(str(error)) from None
    codes = {code for path in found for code in path.occupations}
    titles = occupation_titles(user, codes, language)
    return [
        {
            "rank": rank,
            "total_gap": round(path.total_gap, 6),
            "total_training_weeks": round(path.total_training_weeks, 1),
            "occupations": [{"code": code, "title": titles.get(code, code)} for code in path.occupations],
            "steps": [
                {
                    "origin": step.origin,
                    "target": step.target,
                    "title": titles.get(step.target, step.target),
                    "gap": round(step.gap, 6),
                    "teer_step": step.teer_step,
                    "training_weeks": round(step.training_weeks, 1),
                }
                for step in path.steps
            ],
        }
        for rank, path in enumerate(found, start=1)
    ]


def gap_chart(transition: dict[str, Any], origin_title: str) -> dict[str, Any]:
    """The data of the picture of the gaps: one row per largest gap, origin and target as a share of the
    descriptor's scale (scales differ: 0–3 for knowledge, 1–5 for skills)."""
    # Short legend labels (codes); the titles are in the description and the table's caption.
    origin_label = _("Now (%(code)s)") % {"code": transition["origin"]}
    target_label = _("Needed (%(code)s)") % {"code": transition["target"]}
    values = []
    for gap in transition["gaps"]:
        for who, rating in ((origin_label, gap["origin"]), (target_label, gap["target"])):
            share = round(100 * rating / gap["scale_max"], 1) if gap["scale_max"] else 0
            values.append({"descriptor": gap["name"], "who": who, "share": share, "rating": rating})
    return {
        "values": values,
        "order": [origin_label, target_label],
        "axis": _("Rating, as a percentage of the descriptor's scale"),
        "description": _("Largest gaps from %(origin)s to %(target)s: ratings now and needed.")
        % {"origin": origin_title, "target": transition["title"]},
    }


def explorer(user, cleaned: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """Everything the explorer page shows for a valid form: transitions (or paths to the goal) and the
    picture of the gaps for the selected target (the ``target`` asked for, else the goal or the first)."""
    language = language or active_language()
    origin, goal = cleaned["origin_code"], cleaned["goal_code"]
    options = {
        "max_teer_step": cleaned.get("max_teer_step"),
        "max_training_weeks": cleaned.get("max_training_weeks"),
        "language": language,
        "interests": cleaned.get("interests", ""),
    }
    feasibility_only = bool(cleaned.get("feasibility_only"))
    found, routes = [], []
    if goal:
        routes = paths(user, origin, goal, **options)
    else:
        found = transitions(user, origin, feasibility_only=feasibility_only, **options)
    target = goal or (found[0]["target"] if found else None)
    if cleaned.get("target"):
        with contextlib.suppress(PathwayQueryError):  # a stale or edited link: the default picture
            target = occupation_code(user, cleaned["target"], field="target")
    titles = occupation_titles(user, [c for c in (origin, goal) if c], language)
    selected = chart = None
    if target and target != origin:
        person = _person(
            origin,
            options["max_teer_step"],
            options["interests"],
            max_training_weeks=options["max_training_weeks"],
        )
        selected = explain(
            user, origin, target, feasibility_only=feasibility_only, language=language, person=person
        )
        chart = gap_chart(selected, titles.get(origin, origin))
    return {
        "origin": {"code": origin, "title": titles.get(origin, origin)},
        "goal": {"code": goal, "title": titles.get(goal, goal)} if goal else None,
        "alternatives": cleaned.get("alternatives", []),
        "transitions": found,
        "none_viable": bool(found) and not any(t["viable"] for t in found),
        "paths": routes,
        "selected": selected,
        "chart": chart,
    }
