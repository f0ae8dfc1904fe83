"""Protected characteristics: never model inputs unless a setting (``allow_protected``) names them, and
always used in the fairness audit. A column is protected when its name is one of ``PROTECTED`` (the
characteristic itself or a column derived from it)."""

from __future__ import annotations

PROTECTED: dict[str, str] = {
    "age": "age",
    "age_band": "age",
    "age_55_plus": "age",
    "gender": "gender",
    "women_high_needs": "gender",
    "youth_high_needs": "age",
    "indigenous": "indigenous",
    "francophone": "francophone",
    "newcomer": "newcomer",
    "born_outside_canada": "newcomer",
    "years_since_arrival": "newcomer",
    "disability": "disability",
    "race": "race",
    "racialized": "race",
    "lgbtq": "sexual_orientation",
}


def is_protected(column: str) -> bool:
    return column.casefold() in PROTECTED
