"""Occupation search: English and French, typos, accents, codes; clear errors."""

from __future__ import annotations

import pytest
from django.utils import translation

from careerlens.reference import search
from careerlens.reference.models import ReferenceSource
from careerlens.reference.search import SearchQueryError, search_occupations

pytestmark = pytest.mark.django_db


def first(query: str, **options) -> str:
    results = search_occupations(query, **options)
    assert results, f"no result for {query!r}"
    return results[0].code


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("soudeur", "72106"),  # French example title
        ("weldr", "72106"),  # a typo
        ("Welder", "72106"),
        ("infirmiere", "31301"),  # no accent
        ("Infirmière", "31301"),
        ("éducatrice", "42202"),  # feminine form
        ("educatrice", "42202"),
        ("early childhood educator", "42202"),
        ("registered nurse", "31301"),
        ("nurse", "31301"),
        ("truck driver", "73300"),
        ("camionneuse", "73300"),
        ("electrcian", "72200"),
        ("plombier", "72300"),
        ("software developer", "21232"),
        ("career counsellor", "41321"),
        ("comptable", "11100"),
    ],
)
def test_finds_the_occupation_first(query, code):
    assert first(query) == code


def test_a_result_says_which_title_matched():
    best = search_occupations("weldr")[0]
    assert best.occupation.title_en == "Welders and related machine operators"
    assert best.teer == 2
    assert (best.matched_title, best.matched_language, best.matched_unit_group) == ("Welder", "en", False)
    french = search_occupations("soudeur")[0]
    assert (french.matched_title, french.matched_language) == ("Soudeur/soudeuse", "fr")


def test_titles_come_in_the_active_language():
    with translation.override("fr"):
        best = search_occupations("welder")[0]
    assert best.title == "Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser"
    with translation.override("en"):
        assert search_occupations("soudeur")[0].title == "Welders and related machine operators"


def test_results_are_ranked_and_limited():
    results = search_occupations("nurse", limit=4)
    assert len(results) == 4
    scores = [result.score for result in results]
    assert scores == sorted(scores, reverse=True)
    assert len({result.code for result in results}) == 4
    assert len(search_occupations("manager", limit=50)) == 50


def test_a_noc_code_or_its_beginning():
    assert [result.code for result in search_occupations("72106")] == ["72106"]
    codes = [result.code for result in search_occupations("7210", limit=50)]
    assert codes == ["72100", "72101", "72102", "72103", "72104", "72105", "72106"]
    assert search_occupations("99999") == []


def test_nonsense_finds_nothing():
    assert search_occupations("zqxjkvw") == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a job title or a NOC code to search."),
        ("   ", "Type a job title or a NOC code to search."),
        (None, "Type a job title or a NOC code to search."),
        ("x" * 101, "Type at most 100 characters (you typed 101)."),
        ("?!", "Type at least one letter or digit."),
    ],
)
def test_queries_that_cannot_be_searched(query, message):
    with pytest.raises(SearchQueryError) as failure:
        search_occupations(query)
    assert str(failure.value) == message


def test_a_query_of_exactly_the_maximum_length_is_searched():
    assert isinstance(search_occupations("welder " + "x" * 93), list)


@pytest.mark.parametrize("limit", [0, -1, 51])
def test_limits_outside_one_to_fifty(limit):
    with pytest.raises(SearchQueryError, match="The limit must be between 1 and 50."):
        search_occupations("welder", limit=limit)


def test_errors_are_translated():
    with translation.override("fr"), pytest.raises(SearchQueryError) as failure:
        search_occupations("  ")
    assert str(failure.value) == "Tapez une appellation d’emploi ou un code de la CNP pour chercher."


def test_the_index_is_cached_and_rebuilt_when_the_sources_change():
    index = search.get_index()
    assert search.get_index() is index
    assert len(index) == 57708 + 516 * 2
    ReferenceSource.objects.filter(key="noc2021_example_titles").update(sha256="0" * 64)
    rebuilt = search.get_index()
    assert rebuilt is not index
    assert search.get_index() is rebuilt
