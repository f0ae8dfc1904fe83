"""Plain-language explanations: the factors that weigh most for one person, worded in English and French
from ``data/labels.csv`` (feature, level, en, fr; an empty level labels the feature itself, ``*`` gives
wording for any feature's level). A numeric bin reads as its range; an unknown feature falls back to its
column name, so that explanations work for any trained table."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from .encoding import NUMERIC
from .model import Factor, Model

LABELS = Path(__file__).with_name("data") / "labels.csv"
CATCHMENTS = Path(__file__).resolve().parents[2] / "reference" / "data" / "ontario" / "catchments.csv"
LANGUAGES = ("en", "fr")
DIRECTION = {
    "up": {"en": "raises the risk", "fr": "augmente le risque"},
    "down": {"en": "lowers the risk", "fr": "réduit le risque"},
}
RANGE = {
    "below": {"en": "under {high}", "fr": "moins de {high}"},
    "from": {"en": "{low} or more", "fr": "{low} ou plus"},
    "between": {"en": "{low} to under {high}", "fr": "de {low} à moins de {high}"},
}


@cache
def labels() -> dict[tuple[str, str], dict[str, str]]:
    """(feature, level) → {"en", "fr"}: the labels file, and the catchments' names from the reference
    data (read directly: analytics code does not use the database)."""
    found = {}
    with CATCHMENTS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[("catchment", row["code"])] = {"en": row["name_en"], "fr": row["name_fr"]}
    with LABELS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found[(row["feature"], row["level"])] = {"en": row["en"], "fr": row["fr"]}
    return found


def feature_label(feature: str) -> dict[str, str]:
    return labels().get((feature, ""), {"en": feature, "fr": feature})


def _number(value: float, language: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if language == "fr" else text


def level_label(model: Model, feature: str, level: str) -> dict[str, str]:
    known = labels()
    found = known.get((feature, level)) or known.get(("*", level))
    if found:
        return found
    spec = next((f for f in model.features if f.name == feature), None)
    if spec is not None and spec.kind == NUMERIC and level in spec.levels:
        low, high = spec.level_range(spec.levels.index(level))
        key = "below" if low is None else "from" if high is None else "between"
        return {
            lang: RANGE[key][lang].format(low=_number(low or 0, lang), high=_number(high or 0, lang))
            for lang in LANGUAGES
        }
    return {"en": level, "fr": level}


def explain(model: Model, answers: dict, top: int = 5) -> list[dict]:
    """The ``top`` factors for one person, each with its contribution (log-odds against an average client)
    and a sentence in English and French."""
    return [describe(model, factor) for factor in model.factors(answers)[:top]]


def describe(model: Model, factor: Factor) -> dict:
    name = feature_label(factor.feature)
    level = level_label(model, factor.feature, factor.level)
    direction = DIRECTION["up" if factor.contribution > 0 else "down"]
    return {
        "feature": factor.feature,
        "level": factor.level,
        "contribution": round(factor.contribution, 4),
        "text": {
            lang: f"{name[lang]} : {level[lang]} ({direction[lang]})"
            if lang == "fr"
            else f"{name[lang]}: {level[lang]} ({direction[lang]})"
            for lang in LANGUAGES
        },
    }
