"""Consent: what is shared with whom until when; a withdrawal takes effect everywhere at once."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from careerlens.clients import services
from careerlens.clients.models import Consent, Referral
from careerlens.clients.selectors import has_consent


def test_the_office_sees_the_referral_status_while_the_consent_is_in_force(people, client_for):
    browser = client_for("caseworker")
    assert browser.get(f"/en/clients/referrals/{people.referral.pk}/").status_code == 200
    assert [item["id"] for item in browser.get("/api/v1/referrals").json()["items"]] == [people.referral.pk]


def test_a_withdrawal_takes_effect_everywhere_at_once(people, users, world, client_for):
    services.withdraw_consent(users["practitioner"], people.consent)
    browser = client_for("caseworker")
    assert browser.get(f"/en/clients/referrals/{people.referral.pk}/").status_code == 404
    assert browser.get(f"/api/v1/referrals/{people.referral.pk}").status_code == 404
    assert browser.get("/api/v1/referrals").json()["items"] == []
    assert "To Peel Careers" not in browser.get(f"/en/clients/{people.amira.pk}/").content.decode()
    assert not has_consent(people.amira, world.office, "referral_status")
    assert not Referral.objects.restrict(users["caseworker"]).exists()


def test_an_expired_consent_is_not_in_force(people, world, users):
    people.consent.until = timezone.localdate() - datetime.timedelta(days=1)
    people.consent.save()
    assert not has_consent(people.amira, world.office, "referral_status")
    assert has_consent(people.amira, world.office, "referral_status", on=people.consent.until)
    assert not Referral.objects.restrict(users["caseworker"]).exists()


def test_a_consent_for_another_topic_or_organisation_does_not_count(people, world, users):
    people.consent.topic = "plan_summary"
    people.consent.save()
    assert not Referral.objects.restrict(users["caseworker"]).exists()
    assert not has_consent(people.amira, world.other_office, "plan_summary")


def test_a_client_grants_and_withdraws_their_own_consent(people, world, client_for, entries_for):
    browser = client_for("client")
    response = browser.post(
        f"/en/clients/{people.own.pk}/consents/new/",
        {"organisation": world.provider.code, "topic": "assessment"},
    )
    assert response.status_code == 302
    consent = Consent.objects.get(client=people.own)
    assert consent.is_in_force and consent.recorded_by.username == "client"
    browser.post(f"/en/clients/{people.own.pk}/consents/{consent.pk}/withdraw/")
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and not consent.is_in_force
    assert entries_for(consent, "update").get().after.keys() == {"withdrawn_at", "withdrawn_by_id"}


def test_a_consent_cannot_end_in_the_past_or_be_withdrawn_twice(people, world, users):
    with pytest.raises(ValidationError, match="past"):
        services.grant_consent(
            users["practitioner"], people.amira, world.provider, "assessment", datetime.date(2000, 1, 1)
        )
    services.withdraw_consent(users["practitioner"], people.consent)
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.withdraw_consent(users["practitioner"], people.consent)


def test_the_api_refuses_an_unknown_organisation_with_a_reason(people, client_for):
    response = client_for("practitioner").post(
        f"/api/v1/clients/{people.amira.pk}/consents",
        data={"organisation": "nowhere", "topic": "assessment"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "organisation" in response.json()["errors"]
