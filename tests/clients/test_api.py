"""The clients API: lists within scope, creation answers 201, bad input 422 with the reason, never 5xx."""

from __future__ import annotations

from careerlens.clients.models import Referral


def _post(browser, url, data):
    return browser.post(url, data=data, content_type="application/json")


def test_the_list_searches_and_pages_within_the_scope(people, client_for):
    browser = client_for("practitioner")
    body = browser.get("/api/v1/clients?q=hadd").json()
    assert body["count"] == 1 and body["items"][0]["postal_code"] == "L6Y 1N2"
    assert browser.get("/api/v1/clients?limit=1").json()["count"] == 2
    assert (
        client_for("administrator").get("/api/v1/clients?q=tremblay").json()["items"][0]["language"] == "fr"
    )


def test_opening_a_client_through_the_api_is_logged(people, client_for, new_entries):
    assert client_for("caseworker").get(f"/api/v1/clients/{people.amira.pk}").status_code == 200
    assert new_entries(action="read", object_id=str(people.amira.pk)).get().actor_name == "caseworker"


def test_a_caseworker_refers_through_the_api(people, client_for):
    response = _post(
        client_for("caseworker"),
        "/api/v1/referrals",
        {"client": people.amira.pk, "provider": "test-provider-peel", "share_status": True},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "sent" and body["from_organisation"] == "test-ow-peel"
    assert [move["to_status"] for move in body["transitions"]] == ["sent"]
    assert Referral.objects.filter(client=people.amira).count() == 2


def test_a_referral_to_a_site_is_refused_with_the_field_named(people, client_for):
    response = _post(
        client_for("caseworker"),
        "/api/v1/referrals",
        {"client": people.amira.pk, "provider": "test-site-brampton"},
    )
    assert response.status_code == 422
    assert "provider" in response.json()["errors"]


def test_moves_through_the_api_are_logged(people, client_for):
    browser = client_for("provider_manager")
    url = f"/api/v1/referrals/{people.referral.pk}/transition"
    assert _post(browser, url, {"to_status": "declined"}).json()["errors"]["reason"]
    body = _post(browser, url, {"to_status": "declined", "reason": "Outside our area"}).json()
    assert body["status"] == "declined" and body["transitions"][-1]["reason"] == "Outside our area"
