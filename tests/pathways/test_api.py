"""GET /api/v1/pathways: transitions and paths, in English and French; 4xx with a reason, never 5xx."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/pathways"


@pytest.fixture
def api(client_for):
    return client_for("practitioner")


def test_the_api_needs_an_account(client_for):
    assert client_for("anonymous").get(URL, {"from": "72106"}).status_code == 401


def test_transitions_from_welders_include_related_trades(api):
    response = api.get(URL, {"from": "72106", "top": 10})
    assert response.status_code == 200
    body = response.json()
    assert body["origin"] == {"code": "72106", "title": "Welders and related machine operators"}
    assert body["paths"] == [] and body["goal"] is None
    found = body["transitions"]
    assert len(found) == 10
    assert [t["rank"] for t in found] == list(range(1, 11))
    targets = [t["target"] for t in found]
    assert {"72104", "72102"} & set(targets[:5])  # structural metal fabricators, sheet metal workers
    assert all(t["viable"] for t in found)
    first = found[0]
    assert first["gaps"] and first["strengths"]
    assert {"descriptor", "facet", "name", "name_language", "origin", "target", "scale_max"} <= set(
        first["gaps"][0]
    )
    assert first["automation"]["route"]
    assert first["outlook"]["source"]


def test_french_titles_and_english_descriptor_names(api):
    body = api.get(URL, {"from": "72106", "top": 3, "lang": "fr"}).json()
    assert body["language"] == "fr"
    assert body["origin"]["title"].startswith("Soudeurs")
    assert body["transitions"][0]["gaps"][0]["name_language"] == "en"


def test_feasibility_only_and_teer_step(api):
    body = api.get(URL, {"from": "65100", "feasibility_only": "true", "max_teer_step": 0, "top": 20}).json()
    assert body["feasibility_only"] is True
    assert body["transitions"]
    assert all(t["teer_step"] <= 0 for t in body["transitions"])
    assert all(t["score"] == pytest.approx(t["feasibility"], abs=1e-6) for t in body["transitions"])


def test_paths_to_a_goal(api):
    body = api.get(URL, {"from": "72106", "goal": "72310"}).json()
    assert body["goal"] == {"code": "72310", "title": "Carpenters"}
    assert body["transitions"] == []
    assert body["paths"]
    for path in body["paths"]:
        assert 1 <= len(path["steps"]) <= 3
        assert path["occupations"][0]["code"] == "72106"
        assert path["occupations"][-1]["code"] == "72310"
    gaps = [path["total_gap"] for path in body["paths"]]
    assert gaps == sorted(gaps)


def test_no_path_is_an_empty_list_not_an_error(api):
    response = api.get(URL, {"from": "65100", "goal": "32101"})
    assert response.status_code == 200
    assert response.json()["paths"] == []


def test_short_codes_are_padded(api):
    assert api.get(URL, {"from": "10", "top": 1}).json()["origin"]["code"] == "00010"


@pytest.mark.parametrize(
    ("params", "status", "named"),
    [
        ({"from": "99999"}, 404, "99999"),
        ({"from": "welder"}, 404, "welder"),
        ({"from": "72106", "goal": "88888"}, 404, "88888"),
        ({"from": "72106", "goal": "72106"}, 422, "goal"),
        ({"from": "72106", "top": 0}, 422, "top"),
        ({"from": "72106", "top": 51}, 422, "top"),
        ({"from": "72106", "top": "many"}, 422, "top"),
        ({"from": "72106", "max_teer_step": -1}, 422, "max_teer_step"),
        ({"from": "72106", "region": "9999"}, 422, "9999"),
        ({"from": "72106", "lang": "de"}, 422, "lang"),
        ({}, 422, "from"),
    ],
)
def test_bad_requests_answer_4xx_with_a_reason(api, params, status, named):
    response = api.get(URL, params)
    assert response.status_code == status
    assert named in str(response.json())  # "detail", and for a malformed parameter "errors" too


def test_a_known_region_is_accepted(api):
    assert api.get(URL, {"from": "72106", "region": "3530", "top": 1}).status_code == 200


def test_openapi_documents_the_route(api):
    schema = api.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/pathways"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert {"from", "goal", "region", "top", "feasibility_only", "max_teer_step", "lang"} <= names
    assert "TransitionOut" in schema["components"]["schemas"]


def test_the_persons_holland_code_replaces_the_origins_interests(client_for):
    browser = client_for("practitioner")
    plain = browser.get("/api/v1/pathways?from=72106&top=20").json()["transitions"]
    social = browser.get("/api/v1/pathways?from=72106&top=20&interests=SEC").json()["transitions"]
    assert [t["target"] for t in plain] != [t["target"] for t in social]
    bad = browser.get("/api/v1/pathways?from=72106&interests=SSE")
    assert bad.status_code == 422 and "interests" in bad.json()["detail"]


def test_every_unit_group_answers_with_a_non_empty_result(api):
    """All 516 NOC 2021 unit groups: 200 and at least one transition. 65229, with no viable target at the
    default max_gap, answers with its nearest targets, each marked not viable."""
    from careerlens.reference.models import Occupation

    codes = list(Occupation.objects.values_list("code", flat=True))
    assert len(codes) == 516
    none_viable = []
    for code in codes:
        response = api.get(URL, {"from": code})
        assert response.status_code == 200, (code, response.content[:200])
        body = response.json()
        assert body["transitions"], code
        assert body["origin"]["code"] == code
        if body["none_viable"]:
            none_viable.append(code)
            assert not any(t["viable"] for t in body["transitions"])
        else:
            assert all(t["viable"] for t in body["transitions"])
    assert none_viable == ["65229"]


def test_an_origin_without_viable_targets_gets_the_nearest_marked_not_viable(api):
    body = api.get(URL, {"from": "65229", "top": 5}).json()
    assert body["none_viable"] is True
    found = body["transitions"]
    assert len(found) == 5 and [t["rank"] for t in found] == [1, 2, 3, 4, 5]
    assert all(t["viable"] is False and t["not_viable_because"] == ["gap"] for t in found)
    assert [t["gap"] for t in found] == sorted(t["gap"] for t in found)  # nearest first
    assert found[0]["target"] == "65329" and found[0]["gaps"]
    viable = api.get(URL, {"from": "72106", "top": 3}).json()
    assert viable["none_viable"] is False
    assert all(t["not_viable_because"] == [] for t in viable["transitions"])


def test_longest_training_limits_the_targets(api):
    plain = api.get(URL, {"from": "65100", "top": 50}).json()["transitions"]
    assert any(t["training_weeks"] > 26 for t in plain)
    short = api.get(URL, {"from": "65100", "top": 50, "max_training_weeks": 26}).json()
    assert short["max_training_weeks"] == 26 and short["none_viable"] is False
    assert short["transitions"] and all(t["training_weeks"] <= 26 for t in short["transitions"])
    # kept with feasibility only, and applied to every step of a path
    skills = api.get(URL, {"from": "65100", "max_training_weeks": 26, "feasibility_only": "true"}).json()
    assert all(t["training_weeks"] <= 26 for t in skills["transitions"])
    paths = api.get(URL, {"from": "72106", "goal": "72310", "max_training_weeks": 26}).json()["paths"]
    assert paths and all(s["training_weeks"] <= 26 for p in paths for s in p["steps"])
    # nothing within 0 weeks from a cashier: the nearest, each blocked by the training limit
    none = api.get(URL, {"from": "65100", "top": 3, "max_training_weeks": 0}).json()
    assert none["none_viable"] is True
    assert all("training_weeks" in t["not_viable_because"] for t in none["transitions"])


def test_the_persons_skill_ratings_replace_the_origins(api):
    plain = api.get(URL, {"from": "65100", "top": 20}).json()
    rated = api.get(URL, {"from": "65100", "top": 20, "ratings": "F01c02=5, f01b01=5,F04b05=4"}).json()
    assert rated["ratings"] == {"F01c02": 5, "F01b01": 5, "F04b05": 4}
    assert plain["ratings"] == {}
    assert [t["target"] for t in rated["transitions"]] != [t["target"] for t in plain["transitions"]]
    # the person's rating is the "now" of the explanation
    explained = api.get(URL, {"from": "65100", "top": 50, "ratings": "F01b01=0"}).json()["transitions"]
    for t in explained:
        for item in t["strengths"] + t["gaps"]:
            if item["descriptor"] == "F01b01":
                assert item["origin"] == 0
    goal = api.get(URL, {"from": "65100", "goal": "14110", "ratings": "F01b01=5"})
    assert goal.status_code == 200


@pytest.mark.parametrize(
    ("ratings", "named"),
    [
        ("F99z99=3", "F99z99"),
        ("F01b01=6", "F01b01=6"),  # skills run 0–5
        ("F01b01=-1", "F01b01=-1"),
        ("F01b01=2.5", "F01b01=2.5"),
        ("F01b01=four", "F01b01=four"),
        ("F01b01", "F01b01"),
        ("=3", "=3"),
        ("F01b01=3,F01b01=4", "F01b01 is rated twice"),
    ],
)
def test_bad_ratings_answer_422_naming_the_pair(api, ratings, named):
    response = api.get(URL, {"from": "72106", "ratings": ratings})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail.startswith("ratings: ") and named in detail


@pytest.mark.parametrize("weeks", ["-1", "521", "soon"])
def test_bad_training_weeks_answer_422(api, weeks):
    response = api.get(URL, {"from": "72106", "max_training_weeks": weeks})
    assert response.status_code == 422 and "max_training_weeks" in str(response.json())


def test_a_bad_rating_is_explained_in_french(api):
    response = api.get(URL, {"from": "72106", "ratings": "F01b01=9", "lang": "fr"})
    assert response.status_code == 422 and "nombre entier de 0 à 5" in response.json()["detail"]
