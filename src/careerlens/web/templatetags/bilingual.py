"""Template filters for engine output that carries its own English and French text."""

from django import template
from django.utils.translation import get_language

register = template.Library()


def _french() -> bool:
    return (get_language() or "en").startswith("fr")


@register.filter
def in_language(value):
    """``{"en": …, "fr": …}`` → the text in the page's language (other values unchanged)."""
    if isinstance(value, dict) and "en" in value:
        return value["fr" if _french() else "en"]
    return value


@register.filter
def percent(value, digits: int = 0):
    """0.253 → "25%" ("25 %" in French); "—" when there is no number."""
    try:
        number = float(value) * 100
    except (TypeError, ValueError):
        return "—"
    return f"{number:.{digits}f}\u00a0%" if _french() else f"{number:.{digits}f}%"


@register.filter
def get(mapping, key):
    return mapping.get(key) if isinstance(mapping, dict) else None


@register.filter
def get_index(sequence, index):
    try:
        return sequence[int(index)]
    except (TypeError, ValueError, IndexError):
        return None


@register.filter
def first_recommended(estimates, recommended):
    """The estimate of the recommended method and estimand among ``estimates`` (a subgroup's)."""
    if not recommended:
        return None
    return next(
        (
            e
            for e in estimates
            if e["method"] == recommended["method"] and e["estimand"] == recommended["estimand"]
        ),
        None,
    )
