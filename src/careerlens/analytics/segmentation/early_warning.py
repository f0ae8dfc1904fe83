"""Early warning for employed people who opt in: a transparent points score of the risk of a career
interruption, from the occupation's COPS 2024-2033 outlook, its automation and generative-AI exposure
(the pathway engine's loaders), the person's age, tenure in the job and how current their skills are.

Each factor is scored 0..1 and weighted (``EarlyWarningSettings``); the score is the weighted sum (0..1)
and its level is ``high``, ``moderate`` or ``low`` at the settings' cut-offs. Nothing is learned from data:
the rule is the documentation (docs/segmentation.md). The outreach list for a catchment's SSM holds only
people who opted in and consented to be contacted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

import numpy as np

from careerlens.analytics.pathways import exposure, labour, oasis

from .errors import SegmentationDataError


@dataclass(frozen=True)
class EarlyWarningSettings:
    weight_outlook: float = 0.25
    weight_automation: float = 0.20
    weight_ai: float = 0.15
    weight_age: float = 0.15
    weight_tenure: float = 0.10
    weight_skills: float = 0.15
    moderate_from: float = 0.40
    high_from: float = 0.60

    def __post_init__(self) -> None:
        total = sum(getattr(self, f.name) for f in dataclasses.fields(self) if f.name.startswith("weight_"))
        if abs(total - 1.0) > 1e-9:
            raise SegmentationDataError(f"early-warning weights must add up to 1, not {total:g}.")

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


TEXT = {
    "outlook": {"en": "Outlook of the occupation: {label}", "fr": "Perspectives de la profession : {label}"},
    "automation": {
        "en": "Share of the occupation's tasks open to automation: {value:.0%}",
        "fr": "Part des tâches de la profession automatisables : {value:.0%}",
    },
    "ai": {
        "en": "Exposure of the occupation to generative AI: {value:.0%}",
        "fr": "Exposition de la profession à l'IA générative : {value:.0%}",
    },
    "age": {"en": "Age {value}: {band}", "fr": "Âge {value} : {band}"},
    "tenure": {"en": "Years in the current job: {value:g}", "fr": "Années dans l'emploi actuel : {value:g}"},
    "skills": {
        "en": "Years since the last training or upgrade: {value:g}",
        "fr": "Années depuis la dernière formation ou mise à niveau : {value:g}",
    },
}
AGE_BANDS = {
    1.0: {
        "en": "a displaced worker of 55+ looks for work longest",
        "fr": "à 55 ans et plus, la recherche d'emploi est la plus longue",
    },
    0.5: {"en": "job searches get longer from 45", "fr": "la recherche d'emploi s'allonge dès 45 ans"},
    0.0: {"en": "no added risk from age", "fr": "aucun risque ajouté lié à l'âge"},
}
LEVELS = {
    "high": {"en": "High risk of a career interruption", "fr": "Risque élevé d'interruption de carrière"},
    "moderate": {
        "en": "Moderate risk of a career interruption",
        "fr": "Risque modéré d'interruption de carrière",
    },
    "low": {"en": "Low risk of a career interruption", "fr": "Faible risque d'interruption de carrière"},
}
UNKNOWN = {"en": "unknown", "fr": "inconnues"}


@dataclass(frozen=True)
class Occupation:
    outlook: float | None  # -1 strong surplus .. +1 strong shortage
    outlook_label: dict
    automation: float | None  # Frey & Osborne probability 0..1
    ai: float | None  # ILO 2023 generative-AI exposure 0..1


@cache
def occupations() -> dict[str, Occupation]:
    """NOC 2021 unit group → its outlook and exposure (reference files, read once)."""
    codes = np.asarray(oasis.read_unit_groups().column("occupation").to_pylist(), dtype=object)
    outlooks = labour.read_cops(codes)
    table = exposure.build(codes)
    out = {}
    for i, code in enumerate(codes):
        frey = table.by_measure["frey_osborne"][i].value
        ilo = table.by_measure["ilo_genai"][i].value
        value = float(outlooks.value[i])
        out[str(code)] = Occupation(
            None if np.isnan(value) else value,
            {"en": outlooks.label_en[i] or UNKNOWN["en"], "fr": outlooks.label_fr[i] or UNKNOWN["fr"]},
            frey,
            ilo,
        )
    return out


def _band(value: float, low: float, high: float) -> float:
    return 1.0 if value >= high else 0.5 if value >= low else 0.0


def score(
    noc: str,
    age: int,
    tenure_years: float,
    years_since_training: float,
    settings: EarlyWarningSettings | None = None,
) -> dict:
    """The score (0..1), its level and every factor with its points and reason in English and French."""
    settings = settings or EarlyWarningSettings()
    occupation = occupations().get(str(noc).strip().zfill(5))
    if occupation is None:
        raise SegmentationDataError(f"unknown NOC 2021 unit group {noc!r}.")
    if not 14 <= age <= 90:
        raise SegmentationDataError(f"age must be 14-90, not {age}.")
    if tenure_years < 0 or years_since_training < 0:
        raise SegmentationDataError("tenure and years since training cannot be negative.")
    outlook = 0.5 if occupation.outlook is None else (1.0 - occupation.outlook) / 2
    automation = 0.5 if occupation.automation is None else occupation.automation
    ai = 0.5 if occupation.ai is None else occupation.ai
    age_part = _band(age, 45, 55)
    tenure = 1.0 if tenure_years < 1 else 0.5 if tenure_years < 3 else 0.0
    skills = _band(years_since_training, 2, 5)
    factors = [
        ("outlook", outlook, settings.weight_outlook, {"label": None}),
        ("automation", automation, settings.weight_automation, {"value": automation}),
        ("ai", ai, settings.weight_ai, {"value": ai}),
        ("age", age_part, settings.weight_age, {"value": age}),
        ("tenure", tenure, settings.weight_tenure, {"value": tenure_years}),
        ("skills", skills, settings.weight_skills, {"value": years_since_training}),
    ]
    reasons = []
    for name, part, weight, values in factors:
        text = {}
        for lang in ("en", "fr"):
            fill = dict(values)
            if name == "outlook":
                fill["label"] = occupation.outlook_label[lang]
            if name == "age":
                fill["band"] = AGE_BANDS[age_part][lang]
            text[lang] = TEXT[name][lang].format(**fill)
        reasons.append(
            {"factor": name, "score": part, "weight": weight, "points": part * weight, "text": text}
        )
    total = float(sum(r["points"] for r in reasons))
    level = (
        "high" if total >= settings.high_from else "moderate" if total >= settings.moderate_from else "low"
    )
    reasons.sort(key=lambda r: -r["points"])
    return {"score": total, "level": level, "label": LEVELS[level], "reasons": reasons}


def outreach(people: list[dict], catchment: str, settings: EarlyWarningSettings | None = None) -> list[dict]:
    """The SSM's outreach list for ``catchment``: people who opted in (``opted_in``) and consented to be
    contacted (``consent_to_contact``), at moderate or high risk, highest score first. Each person is a
    dict with ``person_id``, ``catchment``, ``noc``, ``age``, ``tenure_years``, ``years_since_training``."""
    settings = settings or EarlyWarningSettings()
    rows = []
    for person in people:
        if (
            person.get("catchment") != catchment
            or not person.get("opted_in")
            or not person.get("consent_to_contact")
        ):
            continue
        result = score(
            person["noc"], person["age"], person["tenure_years"], person["years_since_training"], settings
        )
        if result["level"] != "low":
            rows.append({"person_id": person["person_id"], **result})
    return sorted(rows, key=lambda r: (-r["score"], str(r["person_id"])))
