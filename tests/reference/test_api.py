"""The occupations API: search and detail; authentication required; never a 5xx on bad input."""

from __future__ import annotations

import pytest

from careerlens.accounts.models import ApiToken
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

SIGNED_IN = [persona for persona in PERSONAS if persona != "anonymous"]


@pytest.mark.parametrize(
    "path", ["/api/v1/occupations?q=welder", "/api/v1/occupations/72106", "/api/v1/catchments"]
)
def test_the_api_needs_an_account(client_for, path):
    response = client_for("anonymous").get(path)
    assert response.status_code == 401
    assert response.json() == {"detail": "Sign in, or send an API token in the Authorization header."}


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_every_account_may_read_occupations(client_for, persona):
    browser = client_for(persona)
    assert browser.get("/api/v1/occupations?q=welder").status_code == 200
    assert browser.get("/api/v1/occupations/72106").status_code == 200


def test_a_bearer_token_works(client, users):
    _token, key = ApiToken.issue(users["analyst"], "test")
    response = client.get("/api/v1/occupations?q=weldr&limit=1", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    assert response.json()["results"][0]["code"] == "72106"


def test_search(client_for):
    response = client_for("practitioner").get("/api/v1/occupations", {"q": "  weldr ", "limit": 3})
    body = response.json()
    assert response.status_code == 200
    assert body["query"] == "weldr" and body["language"] == "en"
    assert len(body["results"]) == 3
    best = body["results"][0]
    assert best == {
        "code": "72106",
        "title": "Welders and related machine operators",
        "title_en": "Welders and related machine operators",
        "title_fr": "Soudeurs/soudeuses et opérateurs/opératrices de machines à souder et à braser",
        "teer": 2,
        "matched_title": "Welder",
        "matched_language": "en",
        "score": best["score"],
    }
    scores = [result["score"] for result in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_in_french(client_for):
    body = client_for("client").get("/api/v1/occupations", {"q": "éducatrice", "lang": "fr"}).json()
    assert body["language"] == "fr"
    assert body["results"][0]["code"] == "42202"
    assert body["results"][0]["title"].startswith("Éducateurs/éducatrices")
    by_header = client_for("client").get(
        "/api/v1/occupations?q=infirmiere", headers={"Accept-Language": "fr"}
    )
    assert by_header.json()["results"][0]["code"] == "31301"


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("q=", "Type a job title or a NOC code to search."),
        ("q=%20%20", "Type a job title or a NOC code to search."),
        ("q=" + "a" * 101, "Type at most 100 characters (you typed 101)."),
        ("q=%01%02", "Type at least one letter or digit."),
    ],
)
def test_unsearchable_queries_answer_422_with_a_reason(client_for, query, detail):
    response = client_for("practitioner").get(f"/api/v1/occupations?{query}")
    assert response.status_code == 422
    assert response.json() == {"detail": detail}


def test_a_nul_character_is_refused_before_the_search(client_for):
    response = client_for("practitioner").get("/api/v1/occupations?q=%00weld")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize(
    "query", ["", "limit=3", "q=weld&limit=0", "q=weld&limit=51", "q=weld&limit=many", "q=weld&lang=de"]
)
def test_invalid_parameters_answer_422(client_for, query):
    response = client_for("practitioner").get(f"/api/v1/occupations?{query}")
    assert response.status_code == 422
    assert response.json()["detail"] == "The request is not valid."


def test_detail(client_for):
    response = client_for("analyst").get("/api/v1/occupations/72106")
    body = response.json()
    assert response.status_code == 200
    assert body["code"] == "72106" and body["teer"] == 2
    assert body["title_fr"].startswith("Soudeurs/soudeuses")
    assert [group["code"] for group in body["hierarchy"]] == ["7", "72", "721", "7210"]
    assert "Welder" in body["example_titles_en"] and "Soudeur/soudeuse" in body["example_titles_fr"]
    assert [profile["code"] for profile in body["profiles"]] == ["72106.01", "72106.02"]
    assert body["profiles"][0]["holland_codes"] == "RCI"
    assert body["outlook"]["employment_2023"] == 90900
    assert body["outlook"]["recent_outlook"] == "moderate_shortage"
    assert body["outlook"]["future_conditions_fr"] == "Risque modéré de pénurie"
    means = [skill["mean"] for skill in body["top_skills"]]
    assert means and means == sorted(means, reverse=True)
    assert body["top_skills"][0]["scale_max"] == 5
    assert body["noc2016"] == [
        {
            "code": "7237",
            "title": "Welders and related machine operators",
            "change": "VC1 - Code Change, VC2 - Name Change",
        }
    ]


@pytest.mark.parametrize("code", ["99999", "7210", "abcde", "721060", "72106.01"])
def test_an_unknown_occupation_answers_404_json(client_for, code):
    response = client_for("practitioner").get(f"/api/v1/occupations/{code}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_operations_are_documented(client_for):
    schema = client_for("practitioner").get("/api/v1/openapi.json").json()
    search = schema["paths"]["/api/v1/occupations"]["get"]
    assert search["summary"] == "Search occupations by job title or NOC code"
    assert {parameter["name"] for parameter in search["parameters"]} == {"q", "limit", "lang"}
    assert "/api/v1/occupations/{code}" in schema["paths"]
    assert "OccupationOut" in schema["components"]["schemas"]
