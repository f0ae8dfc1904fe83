"""Career indicators measured again at exit: each career measure of the common assessment at intake and at
exit, and the change (after the CCDF Common Indicators: learning, in career management, and personal
attributes, in career adaptability). Works on assessments already read for the case file."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from careerlens.casework.choices import AssessmentStatus, Occasion

# (key in Assessment.scores, a dimension of scores["adaptability"] or None, label)
INDICATORS = (
    ("career_management", None, _("Career management (the 11 Blueprint competencies)")),
    ("adaptability_overall", None, _("Career adaptability, overall")),
    ("adaptability", "concern", _("Adaptability: concern")),
    ("adaptability", "control", _("Adaptability: control")),
    ("adaptability", "curiosity", _("Adaptability: curiosity")),
    ("adaptability", "confidence", _("Adaptability: confidence")),
)


@dataclass(frozen=True)
class IndicatorChange:
    label: str
    intake: float | None
    exit: float | None

    @property
    def change(self) -> float | None:
        if self.intake is None or self.exit is None:
            return None
        return round(self.exit - self.intake, 2)


def _value(scores: dict, key: str, dimension: str | None) -> float | None:
    value = scores.get(key)
    if dimension is not None:
        value = (value or {}).get(dimension)
    return round(float(value), 2) if isinstance(value, int | float) else None


def _completed(assessments, occasion: str) -> list:
    return sorted(
        (
            a
            for a in assessments
            if a.occasion == occasion and a.status == AssessmentStatus.COMPLETED and a.completed_at
        ),
        key=lambda a: a.completed_at,
    )


def measured(assessments) -> tuple:
    """The latest completed intake assessment and the latest completed exit assessment after it (either may
    be None)."""
    intakes = _completed(assessments, Occasion.INTAKE)
    intake = intakes[-1] if intakes else None
    exits = [
        a
        for a in _completed(assessments, Occasion.EXIT)
        if intake is None or a.completed_at > intake.completed_at
    ]
    return intake, (exits[-1] if exits else None)


def change(assessments) -> list[IndicatorChange]:
    """Each career indicator at intake and at exit, with the change; empty without both assessments."""
    intake, exit_ = measured(assessments)
    if intake is None or exit_ is None:
        return []
    return [
        IndicatorChange(str(label), _value(intake.scores, key, dim), _value(exit_.scores, key, dim))
        for key, dim, label in INDICATORS
    ]


def exit_measure_due(episodes, assessments) -> bool:
    """True when a service episode has closed after the intake assessment and the career indicators have not
    been measured again since (no completed exit assessment after the intake)."""
    intake, exit_ = measured(assessments)
    if intake is None or exit_ is not None:
        return False
    return any(e.closed_on and e.closed_on >= intake.completed_at.date() for e in episodes)
