"""The pathway selectors and the per-process engine."""

from __future__ import annotations

import threading

import pytest

from careerlens.pathways import selectors, services

pytestmark = pytest.mark.django_db


def test_the_engine_is_built_once_per_process():
    services.clear_engine()
    built = []

    def build():
        built.append(services.get_engine())

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(engine) for engine in built}) == 1
    assert services.get_engine() is built[0]
    assert len(built[0].codes) == 516


def test_titles_in_the_active_or_requested_language():
    assert selectors.occupation_titles(None, ["72106"], "en") == {
        "72106": "Welders and related machine operators"
    }
    french = selectors.occupation_titles(None, ["72106"], "fr")["72106"]
    assert french.startswith("Soudeurs")


def test_occupation_code_pads_and_names_the_unknown():
    assert selectors.occupation_code(None, " 10 ") == "00010"
    with pytest.raises(selectors.PathwayQueryError) as error:
        selectors.occupation_code(None, "99999", field="goal")
    assert error.value.status == 404 and error.value.field == "goal" and "99999" in str(error.value)


def test_find_occupation_by_title():
    code, others = selectors.find_occupation(None, "weldr", field="origin", language="en")
    assert code == "72106"
    assert all(match.code != "72106" for match in others)


def test_teer_step_is_honoured_with_feasibility_only():
    found = selectors.transitions(None, "65100", feasibility_only=True, max_teer_step=0, language="en")
    assert found and all(t["teer_step"] <= 0 for t in found)
    assert [t["rank"] for t in found] == list(range(1, len(found) + 1))
    scores = [t["score"] for t in found]
    assert scores == sorted(scores, reverse=True)


def test_no_age_or_personal_data_reduces_options():
    # the same options for everyone from one occupation: nothing about the person but their constraints
    assert len(selectors.transitions(None, "72106", top=20, language="en")) == 20


def test_the_gap_chart_has_two_bars_per_gap():
    transition = selectors.explain(None, "72106", "72310", language="en")
    chart = selectors.gap_chart(transition, "Welders")
    assert len(chart["values"]) == 2 * len(transition["gaps"]) > 0
    assert all(0 <= row["share"] <= 100 for row in chart["values"])
    assert chart["order"][0].startswith("Now")


def test_same_origin_and_goal():
    with pytest.raises(selectors.PathwayQueryError):
        selectors.paths(None, "72106", "72106")
