"""The REST API: its schema, its errors (401, 404, 422 with reasons, JSON always) and no server errors."""

from __future__ import annotations

import json

import pytest

from careerlens.api.urls import api


def test_the_openapi_schema_is_json_listing_the_routes(client_for):
    response = client_for("anonymous").get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = json.loads(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "careerlens API"
    paths = schema["paths"]
    for path in ("/api/v1/me", "/api/v1/organisations", "/api/v1/organisations/{code}"):
        assert path in paths
    assert {"get", "patch"} <= set(paths["/api/v1/me"])
    schemes = schema["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} >= {"http", "apiKey"}


def test_the_docs_page_uses_local_assets_not_a_cdn(client_for):
    response = client_for("anonymous").get("/api/v1/docs")
    assert response.status_code == 200
    body = response.content.decode()
    assert "cdn.jsdelivr" not in body and "unpkg.com" not in body
    assert "/static/ninja/" in body


def test_anonymous_gets_401_with_a_reason(client_for):
    response = client_for("anonymous").get("/api/v1/organisations")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": "Sign in, or send an API token in the Authorization header."}


def test_outside_scope_is_a_json_404(client_for):
    response = client_for("practitioner").get("/api/v1/organisations/test-provider-toronto")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_kind_is_a_422_naming_the_parameter(client_for):
    response = client_for("analyst").get("/api/v1/organisations", {"kind": "bakery"})
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "The request is not valid."
    assert body["errors"][0]["loc"][-1] == "kind"
    assert "ministry" in body["errors"][0]["msg"]


def test_errors_come_in_the_requests_language(client_for):
    response = client_for("anonymous").get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 401
    assert (
        response.json()["detail"] == "Connectez-vous, ou envoyez un jeton d’API dans l’en-tête Authorization."
    )


def test_organisations_can_be_filtered(client_for):
    response = client_for("ssm_manager").get("/api/v1/organisations", {"kind": "site"})
    codes = {row["code"] for row in response.json()}
    assert codes == {"test-site-brampton", "test-site-mississauga"}
    provider = client_for("ssm_manager").get("/api/v1/organisations/test-provider-peel").json()
    assert provider["parent"] == "test-ssm-peel" and provider["catchment"] == "peel"


def test_me_describes_the_signed_in_account(client_for):
    body = client_for("practitioner").get("/api/v1/me").json()
    assert body == {
        "username": "practitioner",
        "first_name": "Practitioner",
        "last_name": "",
        "role": "practitioner",
        "organisation": "test-site-brampton",
        "preferred_language": "en",
    }


def test_changing_your_profile_through_the_api(client_for, users):
    browser = client_for("client")
    response = browser.patch("/api/v1/me", data='{"first_name": "Amira"}', content_type="application/json")
    assert response.status_code == 200
    users["client"].refresh_from_db()
    assert users["client"].first_name == "Amira"
    assert users["client"].preferred_language == "en"  # unset fields are left alone


def test_a_name_that_is_too_long_is_a_422(client_for):
    response = client_for("client").patch(
        "/api/v1/me", data=json.dumps({"last_name": "x" * 151}), content_type="application/json"
    )
    assert response.status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organisations/%00",
        "/api/v1/organisations/" + "x" * 5000,
        "/api/v1/organisations/%C3%A9t%C3%A9",
        "/api/v1/organisations?kind=",
        "/api/v1/organisations?catchment=%27%3B--",
        "/api/v1/organisations?kind=site&kind=ssm",
        "/api/v1/me?unexpected=1",
    ],
)
def test_odd_requests_never_cause_a_server_error(client_for, path):
    response = client_for("analyst").get(path)
    assert response.status_code < 500
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    "body", ["not json", "[]", '{"preferred_language": null}', '{"first_name": 7}', "{}"]
)
def test_odd_bodies_never_cause_a_server_error(client_for, body):
    response = client_for("analyst").patch("/api/v1/me", data=body, content_type="application/json")
    assert response.status_code in (200, 400, 422), response.content


def test_a_bug_answers_json_with_the_request_id(client_for, monkeypatch):
    from careerlens.accounts import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "visible_organisations", broken)
    response = client_for("analyst").get("/api/v1/organisations", HTTP_X_REQUEST_ID="bug-request-0001")
    assert response.status_code == 500
    assert response.json()["request_id"] == "bug-request-0001"
    assert "a bug" not in response.content.decode()


def test_every_operation_has_a_summary():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
