"""What every reference model shares: open read access through ``restrict()`` and bilingual names.

Kept apart from ``models.py`` so that the occupational modules (``occupations.py``, ``oasis.py``) can use it
without importing ``models.py`` (which imports them).
"""

from __future__ import annotations

from django.utils.translation import get_language

from careerlens.accounts.scoping import RestrictedQuerySet


class OpenReferenceQuerySet(RestrictedQuerySet):
    """Reference data is public: anyone may view it, only administrators change it (by the loader)."""


def open_scope(user, action: str):
    return action == "view"


def active_language() -> str:
    return "fr" if (get_language() or "en").startswith("fr") else "en"


class BilingualName:
    """``name``/``title`` in the active language, falling back to English."""

    def _in_language(self, english: str, french: str) -> str:
        if active_language() == "fr" and french:
            return french
        return english
