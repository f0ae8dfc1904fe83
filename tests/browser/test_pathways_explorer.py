"""Someone just laid off opens the pathway explorer without an account, types their occupation, and sees
where their skills can take them and a picture of the gaps; in French and in English, axe-core clean."""

import re

import pytest

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser

CASES = [
    ("fr", "soudeur", "Cheminements de carrière", "Voir les cheminements", "Depuis 72106"),
    ("en", "welder", "Career pathways", "Show pathways", "From 72106"),
]


@pytest.mark.parametrize(("language", "origin", "heading", "button", "found"), CASES)
def test_explorer_shows_pathways_and_the_picture_of_the_gaps(page, language, origin, heading, button, found):
    page.goto(f"/{language}/pathways/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == heading
    assert_accessible(page)

    page.locator("#id_origin").fill(origin)
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(rf"/{language}/pathways/\?origin={origin}"))
    assert found in page.locator("#results-heading").inner_text()
    rows = page.locator("#pathways-results tbody tr")
    assert rows.count() >= 10
    assert "72104" in page.locator("#pathways-results").inner_text()

    chart = page.locator("#gap-chart[data-rendered=true] svg")
    chart.wait_for()
    assert page.locator("#gap-chart svg .mark-rect path, #gap-chart svg path").count() > 0
    assert page.locator("#gaps-table tbody tr").count() > 0
    if language == "fr":
        assert page.locator("#gaps-table tbody th[lang=en]").count() > 0
    assert_accessible(page)

    # Keep what was typed when something is wrong, and say what.
    page.locator("#id_origin").fill("99999")
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"origin=99999"))
    assert page.locator("#form-errors").is_visible()
    assert page.locator("#id_origin").input_value() == "99999"
    assert_accessible(page)


NEAREST = [
    ("fr", "Voir les cheminements", "Aucune profession n’est à portée", "Hors de portée", "Même niveau FEER"),
    ("en", "Show pathways", "No occupation is within reach", "Not within reach", "Same TEER level"),
]


@pytest.mark.parametrize(("language", "button", "note", "marked", "same_level"), NEAREST)
def test_an_origin_with_no_viable_target_shows_the_nearest_with_a_note(
    page, language, button, note, marked, same_level
):
    page.goto(f"/{language}/pathways/")
    page.locator("#id_origin").fill("65229")
    page.locator("#id_max_training_weeks").select_option("104")
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"origin=65229"))
    assert page.locator("#id_max_training_weeks").input_value() == "104"
    assert note in page.locator("#none-viable").inner_text()
    rows = page.locator("#pathways-results tbody tr")
    assert rows.count() == 20
    assert page.locator("#pathways-results .cl-not-viable").count() == 20
    assert marked in rows.first.inner_text() and same_level in rows.first.inner_text()
    page.locator("#gap-chart[data-rendered=true] svg").wait_for()
    assert_accessible(page)
