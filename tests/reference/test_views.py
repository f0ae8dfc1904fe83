"""The public reference pages: occupation search and detail, catchments; both languages; accessibility."""

from __future__ import annotations

import re

import pytest

from tests.personas import PERSONAS
from tests.reference.helpers import assert_heading_order

pytestmark = pytest.mark.django_db

SEARCH = "/{lang}/reference/occupations/"
DETAIL = "/{lang}/reference/occupations/{code}/"


def html_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "path",
    [
        "/en/reference/occupations/",
        "/en/reference/occupations/?q=soudeur",
        "/fr/reference/occupations/?q=weldr",
        "/en/reference/occupations/72106/",
        "/fr/reference/occupations/31301/",
        "/en/reference/catchments/",
        "/fr/reference/catchments/peel/",
        "/en/reference/sources/",
    ],
)
def test_reference_pages_are_public(client_for, persona, path):
    assert client_for(persona).get(path).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_unknown_occupation_is_not_found(client_for, persona):
    browser = client_for(persona)
    assert browser.get("/en/reference/occupations/99999/").status_code == 404
    assert browser.get("/en/reference/occupations/welder/").status_code == 404


def test_the_search_form_is_labelled(client):
    html = html_of(client.get("/en/reference/occupations/"))
    assert (
        '<label class="ontario-label" for="id_q">Job title or NOC code, in English or French</label>' in html
    )
    assert re.search(r'<input type="search" name="q"[^>]*id="id_q"', html)
    assert 'role="search"' in html
    assert "Results for" not in html  # nothing searched yet: no results, no error
    assert "cl-error-message" not in html
    assert_heading_order(html)


def test_search_results_link_to_the_occupations(client):
    response = client.get("/en/reference/occupations/", {"q": "soudeur"})
    html = html_of(response)
    assert response.templates[0].name == "reference/occupation_search.html"
    first = html.index('href="/en/reference/occupations/72106/"')
    assert first < html.index('href="/en/reference/occupations/95101/"')  # best match first
    assert "72106 Welders and related machine operators" in html
    assert 'Matching title: <span lang="fr">Soudeur/soudeuse</span>' in html
    assert 'value="soudeur"' in html
    assert_heading_order(html)


def test_no_results_keeps_what_was_typed(client):
    html = html_of(client.get("/en/reference/occupations/", {"q": "zqxjkvw"}))
    assert "No occupation matches “zqxjkvw”." in html
    assert 'value="zqxjkvw"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a job title or a NOC code to search."),
        ("w" * 101, "Type at most 100 characters (you typed 101)."),
    ],
)
def test_a_query_that_cannot_be_searched_says_why(client, query, message):
    response = client.get("/en/reference/occupations/", {"q": query})
    html = html_of(response)
    assert response.status_code == 200
    assert f'<p class="cl-error-message" id="id_q_error">{message}</p>' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_q_help id_q_error"' in html
    assert "Results for" not in html


def test_live_results_with_htmx_return_only_the_results(client):
    response = client.get("/en/reference/occupations/", {"q": "weldr"}, headers={"HX-Request": "true"})
    html = html_of(response)
    assert "<html" not in html and "<h1" not in html
    assert 'href="/en/reference/occupations/72106/"' in html
    assert "HX-Request" in response["Vary"]
    emptied = client.get("/en/reference/occupations/", {"q": ""}, headers={"HX-Request": "true"})
    assert html_of(emptied).strip() == ""  # the box was emptied while typing: nothing, no error
    long = client.get("/en/reference/occupations/", {"q": "w" * 101}, headers={"HX-Request": "true"})
    assert "Type at most 100 characters" in html_of(long)


def test_the_search_page_in_french(client):
    response = client.get("/fr/reference/occupations/", {"q": "soudeur"})
    html = html_of(response)
    assert '<html lang="fr">' in html
    assert "<h1>Professions</h1>" in html
    assert "72106 Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser" in html
    assert 'href="/fr/reference/occupations/72106/"' in html
    assert "Résultats pour «\u00a0soudeur\u00a0»" in html
    english_match = html_of(client.get("/fr/reference/occupations/", {"q": "weldr"}))
    assert 'Titre correspondant\u00a0: <span lang="en">Welder</span>' in english_match


def test_the_occupation_page(client):
    response = client.get("/en/reference/occupations/72106/")
    html = html_of(response)
    assert "<h1>Welders and related machine operators" in html
    assert (
        '<dd lang="fr">Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser</dd>'
        in html
    )
    assert "TEER 2: Occupations usually require a college diploma" in html
    for line in (
        "Broad occupational category 7:",
        "Major group 72:",
        "Sub-major group 721:",
        "Minor group 7210:",
    ):
        assert line in html
    assert "<li>Welder</li>" in html and "<li>Soudeur/soudeuse</li>" not in html  # English titles only
    assert "Welders operate welding equipment" in html
    # COPS: 90,900 employed in 2023; moderate signs of shortage
    assert re.search(r"Employment in 2023</th><td>90,900</td>", html)
    assert "Moderate signs of Shortage" in html
    # OaSIS: two profiles, Holland codes, the top skills with a caption
    assert "72106.01" in html and "72106.02" in html
    assert "Realistic" in html and "Conventional" in html
    assert "<caption>The skills OaSIS rates highest for this occupation" in html
    assert "Equipment and Tool Selection" in html
    assert "7237" in html  # NOC 2016
    assert_heading_order(html)


def test_the_occupation_page_in_french_marks_english_text(client):
    html = html_of(client.get("/fr/reference/occupations/72106/"))
    assert '<html lang="fr">' in html
    assert "<h1>Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser" in html
    assert '<dd lang="en">Welders and related machine operators</dd>' in html
    assert '<p lang="en">Welders operate welding equipment' in html
    assert "<li>Soudeur/soudeuse</li>" in html and "<li>Welder</li>" not in html
    assert "Signes modérés de pénurie" in html
    assert re.search(r"Emploi en 2023</th><td>90\u00a0900</td>", html)
    assert "FÉER 2" in html
    assert "Principales compétences" in html
    assert_heading_order(html)


def test_an_occupation_without_a_cops_projection(client):
    from careerlens.reference.models import Outlook

    code = (
        Outlook.objects.filter(employment_2023__isnull=True).values_list("occupation_id", flat=True).first()
    )
    html = html_of(client.get(f"/en/reference/occupations/{code}/"))
    assert "publishes no projection for this occupation" in html


def test_catchment_pages_in_french(client):
    html = html_of(client.get("/fr/reference/catchments/"))
    assert "<h1>Bassins d’emploi</h1>" in html
    assert "Gestionnaire de système de services" in html
