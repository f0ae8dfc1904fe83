"""Text normalisation shared by the loaders (stored search keys) and the occupation search."""

from __future__ import annotations

import re

from unidecode import unidecode

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def search_key(text: str) -> str:
    """Lower-case ASCII words, single spaces: ``"Éducateur/éducatrice"`` → ``"educateur educatrice"``.

    Apostrophes split words (``d'entretien`` → ``d entretien``), so French elisions become stop words."""
    if not text.isascii():
        text = unidecode(text)
    return _NOT_ALPHANUMERIC.sub(" ", text.lower()).strip()
