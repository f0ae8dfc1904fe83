"""The Competency Framework for Career Development Professionals as data (``data/cdp_framework.json``): its
four categories and the areas practitioners record on their profiles and interventions require."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

PATH = Path(__file__).resolve().parent / "data" / "cdp_framework.json"


@cache
def framework() -> dict:
    raw = json.loads(PATH.read_text(encoding="utf-8"))
    categories = {c["code"] for c in raw["categories"]}
    for area in raw["areas"]:
        if area["category"] not in categories:
            raise ValueError(f"CDP area {area['code']} names an unknown category {area['category']}")
    return raw


def area_codes() -> set[str]:
    return {area["code"] for area in framework()["areas"]}


def _pick(item: dict) -> str:
    return item["fr" if (get_language() or "en").startswith("fr") else "en"]


def area_name(code: str) -> str:
    for area in framework()["areas"]:
        if area["code"] == code:
            return _pick(area)
    return code


def area_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Areas grouped by category, for a form's grouped choices."""
    grouped = []
    for category in framework()["categories"]:
        areas = [(a["code"], _pick(a)) for a in framework()["areas"] if a["category"] == category["code"]]
        grouped.append((_pick(category), areas))
    return grouped
