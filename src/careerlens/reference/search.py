"""Occupation search over NOC 2021 unit-group titles and example titles, in English and French.

Tolerant of accents (``infirmiere`` finds ``infirmière``), typos (``weldr`` finds ``welder``), word
beginnings (``soud`` finds ``soudeur``) and gendered French forms (``éducatrice``). The index lives in
memory, is built lazily from the database on the first search, and is rebuilt when the checksums of the
NOC sources change (a new load). One index per process; building it takes well under a second.

Scoring, per title: how much of the query the title covers (each query word scores its best-matching
word of the title: 1 for the same word, less for a word beginning or a typo), and how much of the title
the query covers (so "Welder" beats "Welder-fitter apprentice"). An occupation scores its best title,
plus a small bonus for its own unit-group title and for the number of its titles that match about as well.
"""

from __future__ import annotations

import bisect
import math
import threading
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rapidfuzz import fuzz, process

from careerlens.reference.modelbase import active_language
from careerlens.reference.models import ExampleTitle, Occupation, ReferenceSource
from careerlens.reference.text import search_key

MAX_QUERY_LENGTH = 100
MAX_LIMIT = 50
DEFAULT_LIMIT = 10
MAX_QUERY_WORDS = 8
# The sources the index is built from: a new checksum for any of them rebuilds it.
INDEX_SOURCES = ("noc2021_structure", "noc2021_unit_groups", "noc2021_example_titles")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "the",
        "in",
        "on",
        "for",
        "to",
        "with",
        "at",
        "by",
        "from",
        "other",
        "except",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "un",
        "une",
        "dans",
        "pour",
        "par",
        "sur",
        "avec",
        "sauf",
        "autre",
        "autres",
    ]
)
STEM = 5  # words sharing their first five letters are one word of a title: soudeur/soudeuse
EXACT, PLURAL, PREFIX, TYPO = 1.0, 0.98, 0.9, 0.95  # a typo's similarity is TYPO × rapidfuzz ratio
OWN_TITLE_BONUS = 6.0  # the occupation's own unit-group title matches the query
EVIDENCE_BONUS = 4.0  # × log10(number of the occupation's titles that match about as well as its best)


class SearchQueryError(ValueError):
    """The query cannot be searched (empty, too long, or a bad limit); the message says why."""


@dataclass(frozen=True)
class OccupationMatch:
    occupation: Occupation
    title: str  # in the language of the search
    score: float
    matched_title: str
    matched_language: str
    matched_unit_group: bool  # the match is the unit group's own title, not an example title

    @property
    def code(self) -> str:
        return self.occupation.code

    @property
    def teer(self) -> int:
        return self.occupation.teer


def clean_query(query: str | None) -> str:
    """The query with spaces tidied; ``SearchQueryError`` if it is empty or too long."""
    text = " ".join((query or "").split())
    if not text:
        raise SearchQueryError(_("Type a job title or a NOC code to search."))
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchQueryError(
            ngettext(
                "Type at most %(max)d character (you typed %(count)d).",
                "Type at most %(max)d characters (you typed %(count)d).",
                MAX_QUERY_LENGTH,
            )
            % {"max": MAX_QUERY_LENGTH, "count": len(text)}
        )
    if not search_key(text):
        raise SearchQueryError(_("Type at least one letter or digit."))
    return text


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchQueryError(_("The limit must be between 1 and %(max)d.") % {"max": MAX_LIMIT})
    return limit


def _words(key: str) -> list[str]:
    return [word for word in dict.fromkeys(key.split()) if word not in STOP_WORDS]


def _length(words: list[str]) -> int:
    """How many distinct words a title has, counting gendered pairs (soudeur/soudeuse) once."""
    stems = {word[:STEM] for word in words}
    return max(1, len(stems))


class SearchIndex:
    def __init__(self, entries: list[tuple[str, str, str, bool, str]]):
        """``entries``: (occupation code, language, title, is the unit group's own title, search key)."""
        self.codes = [entry[0] for entry in entries]
        self.languages = [entry[1] for entry in entries]
        self.titles = [entry[2] for entry in entries]
        self.unit_group = np.array([entry[3] for entry in entries], dtype=bool)
        postings: dict[str, list[int]] = {}
        lengths = np.empty(len(entries), dtype=np.float32)
        for number, entry in enumerate(entries):
            words = _words(entry[4])
            lengths[number] = _length(words)
            for word in words:
                postings.setdefault(word, []).append(number)
        self.lengths = lengths
        self.vocabulary = sorted(postings)
        self.postings = {word: np.array(numbers, dtype=np.int32) for word, numbers in postings.items()}
        self.code_list = sorted(set(self.codes))
        self.own_title = {
            (code, language): number
            for number, (code, language, _title, unit_group, _key) in enumerate(entries)
            if unit_group
        }

    def __len__(self):
        return len(self.titles)

    def similar_words(self, word: str) -> dict[str, float]:
        """Indexed words like ``word``, with a similarity in (0, 1]."""
        found: dict[str, float] = {}
        if word in self.postings:
            found[word] = EXACT
        for other in (word + "s", word + "x", word[:-1] if word[-1:] in "sx" else None):
            if other and other != word and other in self.postings:
                found[other] = PLURAL
        if len(word) >= 3:  # word beginnings: "soud" → soudeur, soudeuse, soudage
            start = bisect.bisect_left(self.vocabulary, word)
            for candidate in self.vocabulary[start:]:
                if not candidate.startswith(word):
                    break
                found.setdefault(candidate, PREFIX)
        if len(word) >= 4 and not word.isdigit():  # typos
            cutoff = 80 if len(word) <= 5 else 75
            for candidate, score, _index in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=60
            ):
                found[candidate] = max(found.get(candidate, 0.0), TYPO * score / 100)
        return found

    def scores(self, key: str) -> np.ndarray:
        """A score per entry (0 where the entry does not match)."""
        words = _words(key)[:MAX_QUERY_WORDS] or key.split()[:MAX_QUERY_WORDS]
        covered = np.zeros(len(self), dtype=np.float32)  # sum of the query words' best similarities
        matched_words = np.zeros(len(self), dtype=np.float32)  # number of query words found
        for word in words:
            best = np.zeros(len(self), dtype=np.float32)
            for candidate, similarity in self.similar_words(word).items():
                numbers = self.postings.get(candidate)
                if numbers is not None:
                    best[numbers] = np.maximum(best[numbers], similarity)
            covered += best
            matched_words += best > 0
        enough = 0.99 if len(words) == 1 else 0.5  # every word of a one-word query; half of a longer one
        title_coverage = np.minimum(1.0, covered / self.lengths)  # a typo covers less than the exact word
        score = 100 * (0.7 * covered / len(words) + 0.3 * title_coverage)
        score[(covered <= 0) | (matched_words < enough * len(words))] = 0
        return score

    def search(self, query: str, limit: int, language: str) -> list[tuple[str, float, int]]:
        """(occupation code, score, entry number of the best title), best first."""
        key = search_key(query)
        if key.replace(" ", "").isdigit():
            return self._by_code(key.replace(" ", ""), limit, language)
        score = self.scores(key)
        candidates = np.flatnonzero(score)
        best: dict[str, tuple[float, int]] = {}
        counts: dict[str, int] = {}
        own_title: set[str] = set()
        for number in candidates[np.argsort(-score[candidates], kind="stable")]:
            code, value = self.codes[number], float(score[number])
            if self.unit_group[number]:
                own_title.add(code)
            if code not in best:
                best[code] = (value, number)
            elif self.languages[number] == language and value >= best[code][0] - 0.5:
                current = best[code][1]
                if self.languages[current] != language:  # an equally good title in the reader's language
                    best[code] = (best[code][0], number)
            if value >= best[code][0] - 10:
                counts[code] = counts.get(code, 0) + 1
        ranked = [
            (
                code,
                value + EVIDENCE_BONUS * math.log10(counts[code]) + OWN_TITLE_BONUS * (code in own_title),
                number,
            )
            for code, (value, number) in best.items()
        ]
        ranked.sort(key=lambda item: (-item[1], item[0]))
        return ranked[:limit]

    def _by_code(self, digits: str, limit: int, language: str) -> list[tuple[str, float, int]]:
        """Unit groups whose code begins with ``digits`` (``721`` → 72100 … 72199), in code order."""
        start = bisect.bisect_left(self.code_list, digits)
        found = []
        for code in self.code_list[start : start + limit]:
            if not code.startswith(digits):
                break
            number = self.own_title.get((code, language), self.own_title.get((code, "en")))
            found.append((code, 100.0, number))
        return found


_lock = threading.Lock()
_cache: dict[str, object] = {"version": None, "index": None}


def _version() -> tuple:
    return tuple(
        ReferenceSource.objects.filter(key__in=INDEX_SOURCES)
        .order_by("key")
        .values_list("key", "sha256", "version")
    )


def build_index() -> SearchIndex:
    entries: list[tuple[str, str, str, bool, str]] = []
    for code, title_en, title_fr in Occupation.objects.values_list("code", "title_en", "title_fr"):
        entries.append((code, "en", title_en, True, search_key(title_en)))
        if title_fr:
            entries.append((code, "fr", title_fr, True, search_key(title_fr)))
    rows = ExampleTitle.objects.order_by().values_list("occupation_id", "language", "title", "search_key")
    entries.extend((code, language, title, False, key) for code, language, title, key in rows.iterator(5000))
    return SearchIndex(entries)


def get_index() -> SearchIndex:
    """The process's index, rebuilt when the NOC sources were reloaded with new content."""
    version = _version()
    with _lock:
        if _cache["index"] is None or _cache["version"] != version:
            _cache["index"] = build_index()
            _cache["version"] = version
        return _cache["index"]


def clear_index() -> None:
    with _lock:
        _cache["index"] = _cache["version"] = None


def search_occupations(
    query: str | None, *, limit: int = DEFAULT_LIMIT, user=None, language: str | None = None
) -> list[OccupationMatch]:
    """Occupations matching ``query``, best first; ``SearchQueryError`` for an empty or too long query or a
    limit outside 1–50. Occupations are read through ``restrict(user, "view")``."""
    text = clean_query(query)
    check_limit(limit)
    language = language or active_language()
    index = get_index()
    ranked = index.search(text, limit, language)
    occupations = Occupation.objects.restrict(user, "view").in_bulk(
        [code for code, _score, _number in ranked]
    )
    return [
        OccupationMatch(
            occupation=occupations[code],
            title=(occupations[code].title_fr or occupations[code].title_en)
            if language == "fr"
            else occupations[code].title_en,
            score=round(score, 1),
            matched_title=index.titles[number],
            matched_language=index.languages[number],
            matched_unit_group=bool(index.unit_group[number]),
        )
        for code, score, number in ranked
        if code in occupations
    ]
