"""The common assessment as data: a versioned instrument (modules of questions with their answer types and
English and French wording) read from ``data/instrument_v<N>.json``, the checks of an answer, and the scores
derived from a completed assessment (career management, RIASEC interests, career adaptability)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.utils.translation import get_language
from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data"
CURRENT_VERSION = 1
ANSWER_TYPES = ("choice", "scale", "number", "money", "noc", "text")
PREFER_NOT = "prefer_not"
RIASEC = "RIASEC"
ADAPTABILITY = ("concern", "control", "curiosity", "confidence")


def _in_language(item: dict, key: str = "") -> str:
    language = "fr" if (get_language() or "en").startswith("fr") else "en"
    return item[f"{key}_{language}" if key else language]


@dataclass(frozen=True)
class Question:
    id: str
    module: str
    type: str
    raw: dict

    @property
    def text(self) -> str:
        return _in_language(self.raw)

    @property
    def required(self) -> bool:
        return bool(self.raw.get("required"))

    @property
    def allows_prefer_not(self) -> bool:
        return bool(self.raw.get("prefer_not")) or any(o["value"] == PREFER_NOT for o in self.options)

    @property
    def options(self) -> list[dict]:
        return self.raw.get("options", [])

    def choices(self) -> list[tuple[str, str]]:
        return [(option["value"], _in_language(option)) for option in self.options]

    def clean(self, value):
        """The stored form of an answer (``None`` when blank), or ValueError with a message for the person."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            value = value.strip()
        if value == PREFER_NOT and self.allows_prefer_not:
            return PREFER_NOT
        if self.type == "choice":
            if value not in {option["value"] for option in self.options}:
                raise ValueError(_("Choose one of the answers offered."))
            return value
        if self.type == "text":
            return str(value)[:500]
        if self.type == "noc":
            value = str(value)
            if not (len(value) == 5 and value.isdigit()):
                raise ValueError(_("Enter a five-digit NOC 2021 code, such as 72106."))
            return value
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(_("Enter a number.")) from None
        low, high = Decimal(str(self.raw.get("min", 0))), Decimal(str(self.raw.get("max", 10**6)))
        if not number.is_finite() or not low <= number <= high:
            raise ValueError(_("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high})
        if self.type in ("scale", "number"):
            if number != number.to_integral_value():
                raise ValueError(_("Enter a whole number."))
            return int(number)
        return str(number.quantize(Decimal("0.01")))


@dataclass(frozen=True)
class Module:
    code: str
    raw: dict
    questions: tuple[Question, ...]

    @property
    def title(self) -> str:
        return _in_language(self.raw)

    @property
    def intro(self) -> str:
        return _in_language(self.raw, "intro") if "intro_en" in self.raw else ""


@dataclass(frozen=True)
class Instrument:
    code: str
    version: int
    validity_days: int
    modules: tuple[Module, ...]
    scale_labels: dict

    @property
    def title(self) -> str:
        return _("Common assessment")

    def module(self, code: str) -> Module:
        for module in self.modules:
            if module.code == code:
                return module
        raise KeyError(code)

    def questions(self) -> list[Question]:
        return [question for module in self.modules for question in module.questions]

    def next_module(self, code: str) -> str | None:
        codes = [module.code for module in self.modules]
        position = codes.index(code)
        return codes[position + 1] if position + 1 < len(codes) else None

    def missing(self, answers: dict) -> list[Question]:
        """Required questions still without an answer."""
        return [q for q in self.questions() if q.required and answers.get(q.id) in (None, "")]

    def scale_label(self, value: int) -> str:
        language = "fr" if (get_language() or "en").startswith("fr") else "en"
        return self.scale_labels[language][value - 1]


def _check(raw: dict, version: int) -> None:
    seen = set()
    for module in raw["modules"]:
        for question in module["questions"]:
            if question["id"] in seen:
                raise ValueError(f"instrument v{version}: question {question['id']} appears twice")
            if question["type"] not in ANSWER_TYPES:
                raise ValueError(f"instrument v{version}: question {question['id']} has an unknown type")
            if not (question.get("en") and question.get("fr")):
                raise ValueError(f"instrument v{version}: question {question['id']} lacks its EN or FR text")
            seen.add(question["id"])


@cache
def instrument(version: int = CURRENT_VERSION) -> Instrument:
    path = DATA / f"instrument_v{version}.json"
    if not path.exists():
        raise KeyError(f"No common assessment instrument version {version}.")
    raw = json.loads(path.read_text(encoding="utf-8"))
    _check(raw, version)
    modules = tuple(
        Module(m["code"], m, tuple(Question(q["id"], m["code"], q["type"], q) for q in m["questions"]))
        for m in raw["modules"]
    )
    return Instrument(raw["code"], raw["version"], raw["validity_days"], modules, raw["scale_labels"])


def _mean(values: list) -> float | None:
    numbers = [v for v in values if isinstance(v, int | float)]
    return round(sum(numbers) / len(numbers), 2) if numbers else None


def scores(answers: dict, version: int = CURRENT_VERSION) -> dict:
    """Career management (mean of the 11 Blueprint self-ratings), RIASEC interest scores and the
    three-letter code of the strongest, career adaptability by dimension and overall; 1–5 scales."""
    found = instrument(version)
    career = _mean([answers.get(q.id) for q in found.module("career_management").questions])
    interests = {}
    for letter in RIASEC:
        items = [q for q in found.module("interests").questions if q.raw.get("riasec") == letter]
        interests[letter] = _mean([answers.get(q.id) for q in items])
    ranked = sorted((k for k, v in interests.items() if v is not None), key=lambda k: (-interests[k], k))
    adaptability = {}
    for dimension in ADAPTABILITY:
        items = [q for q in found.module("adaptability").questions if q.raw.get("dimension") == dimension]
        adaptability[dimension] = _mean([answers.get(q.id) for q in items])
    return {
        "career_management": career,
        "interests": interests,
        "holland_code": "".join(ranked[:3]),
        "adaptability": adaptability,
        "adaptability_overall": _mean(list(adaptability.values())),
    }
