"""Wording of the engine's figures on the explorer page, in the page's language with proper plurals.

``{% load pathway_text %}{{ t.teer_step|teer_step }}``: the step from the origin's TEER to the target's
(``teer_step`` = TEER(origin) − TEER(target); positive is a step up, to more education and training).
``{{ t.not_viable_because|blockers }}``: why a transition is not within reach, as one sentence part.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.filter
def teer_step(step) -> str:
    """0 → "Same TEER level"; 1 → "1 TEER level up"; 2 → "2 TEER levels up"; −1 → "1 TEER level down"."""
    try:
        step = int(step)
    except (TypeError, ValueError):
        return ""
    if step == 0:
        return gettext("Same TEER level")
    if step > 0:
        return ngettext("%(count)d TEER level up", "%(count)d TEER levels up", step) % {"count": step}
    return ngettext("%(count)d TEER level down", "%(count)d TEER levels down", -step) % {"count": -step}


def _blocker_texts() -> dict[str, str]:
    return {
        "origin": gettext("it is the same occupation"),
        "gap": gettext("the skills gap is too large for one step"),
        "teer_distance": gettext("too many TEER levels apart for one step"),
        "teer_step": gettext("a larger step up in TEER than you allow"),
        "training_weeks": gettext("longer training than you allow"),
    }


@register.filter
def blockers(reasons) -> str:
    """The engine's ``not_viable_because`` codes as words, joined by semicolons."""
    texts = _blocker_texts()
    return "; ".join(texts.get(reason, reason) for reason in reasons or ())
