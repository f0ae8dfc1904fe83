"""The check-up's steps in order, and the answers kept in the visitor's session (Django's database session)
until the person chooses to save: nothing identifying is stored before that."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SESSION_KEY = "portal_checkup"
STEPS = (
    ("situation", _("Your situation")),
    ("occupation", _("Your work")),
    ("wants", _("What you want from work")),
    ("interests", _("Your interests")),
    ("adaptability", _("Ready for change")),
    ("skills", _("Your skills")),
    ("place", _("Where you live")),
)
CODES = tuple(code for code, _label in STEPS)


def answers(session) -> dict:
    """Every answer given so far, by step: ``{"situation": {...}, ...}``."""
    return session.get(SESSION_KEY, {})


def keep(session, step: str, values: dict) -> None:
    stored = dict(answers(session))
    stored[step] = values
    if step == "occupation" and stored.get("skills", {}).get("_origin") != values.get("noc"):
        stored.pop("skills", None)  # the skills asked depend on the occupation
    session[SESSION_KEY] = stored


def restore(session, saved: dict) -> None:
    """Start again from a saved check-up's answers (the person changes only what changed)."""
    session[SESSION_KEY] = {step: value for step, value in saved.items() if step in CODES}


def forget(session) -> None:
    session.pop(SESSION_KEY, None)


def position(step: str) -> int:
    return CODES.index(step) + 1


def previous(step: str) -> str | None:
    at = CODES.index(step)
    return CODES[at - 1] if at else None


def following(step: str) -> str | None:
    at = CODES.index(step)
    return CODES[at + 1] if at + 1 < len(CODES) else None


def first_missing(session) -> str | None:
    """The first step not answered yet (``None`` when the check-up is complete)."""
    given = answers(session)
    return next((code for code in CODES if code not in given), None)
