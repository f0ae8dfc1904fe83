"""The explorer's wording of TEER steps and of what blocks a transition, in English and French."""

from __future__ import annotations

import pytest
from django.utils import translation

from careerlens.pathways.templatetags.pathway_text import blockers, teer_step


@pytest.mark.parametrize(
    ("step", "english", "french"),
    [
        (0, "Same TEER level", "Même niveau FEER"),
        (1, "1 TEER level up", "1 niveau FEER de plus"),
        (2, "2 TEER levels up", "2 niveaux FEER de plus"),
        (-1, "1 TEER level down", "1 niveau FEER de moins"),
        (-3, "3 TEER levels down", "3 niveaux FEER de moins"),
        ("2", "2 TEER levels up", "2 niveaux FEER de plus"),
        (None, "", ""),
    ],
)
def test_teer_steps_have_proper_plurals(step, english, french):
    with translation.override("en"):
        assert teer_step(step) == english
    with translation.override("fr"):
        assert teer_step(step) == french


def test_blockers_in_words():
    with translation.override("en"):
        assert blockers(["gap", "teer_step"]) == (
            "the skills gap is too large for one step; a larger step up in TEER than you allow"
        )
        assert blockers([]) == ""
    with translation.override("fr"):
        assert blockers(["training_weeks"]) == "une formation plus longue que ce que vous acceptez"
