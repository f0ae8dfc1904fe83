"""Referrals: the state machine, its log, clear errors for bad moves, and the overdue list."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from careerlens.clients import services
from careerlens.clients.models import Consent, Referral
from careerlens.clients.selectors import overdue_referrals


def test_a_referral_walks_the_whole_way_and_every_move_is_logged(people, users):
    practitioner = users["practitioner"]
    for status in ("accepted", "intake_booked", "intake_done", "closed"):
        services.move_referral(practitioner, people.referral, status)
    moves = list(people.referral.transitions.values_list("from_status", "to_status", "actor__username"))
    assert moves == [
        ("", "sent", "caseworker"),
        ("sent", "accepted", "practitioner"),
        ("accepted", "intake_booked", "practitioner"),
        ("intake_booked", "intake_done", "practitioner"),
        ("intake_done", "closed", "practitioner"),
    ]
    people.referral.refresh_from_db()
    assert people.referral.status == "closed"


@pytest.mark.parametrize(
    ("steps", "target"), [((), "intake_done"), (("declined",), "accepted"), ((), "sent")]
)
def test_a_move_the_machine_does_not_allow_is_refused_with_a_clear_message(people, users, steps, target):
    for step in steps:
        services.move_referral(users["practitioner"], people.referral, step, reason="full")
    with pytest.raises(ValidationError) as raised:
        services.move_referral(users["practitioner"], people.referral, target)
    assert "cannot become" in str(raised.value)
    assert people.referral.transitions.count() == 1 + len(steps)


def test_declining_needs_a_reason(people, users):
    with pytest.raises(ValidationError, match="reason"):
        services.move_referral(users["practitioner"], people.referral, "declined", reason="  ")
    services.move_referral(users["practitioner"], people.referral, "declined", reason="No French services")
    assert people.referral.transitions.last().reason == "No French services"


def test_the_page_shows_a_bad_move_as_a_form_error(people, client_for):
    response = client_for("practitioner").post(
        f"/en/clients/referrals/{people.referral.pk}/transition/", {"to_status": "closed"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "cl-alert--error" in page and "cannot become" in page


def test_the_api_answers_422_with_the_reason(people, client_for):
    response = client_for("practitioner").post(
        f"/api/v1/referrals/{people.referral.pk}/transition",
        data={"to_status": "intake_done"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "cannot become" in response.json()["errors"]["to_status"][0]


def test_a_caseworker_refers_with_consent_to_see_the_status(people, users, world, client_for):
    response = client_for("caseworker").post(
        f"/en/clients/{people.amira.pk}/referrals/new/",
        {"provider": world.provider.code, "note": "Wants to work in logistics", "share_status": "on"},
    )
    referral = Referral.objects.exclude(pk=people.referral.pk).get(client=people.amira)
    assert response["Location"] == f"/en/clients/referrals/{referral.pk}/"
    assert referral.source == "caseworker" and referral.from_organisation == world.office
    assert Consent.objects.in_force().filter(client=people.amira, organisation=world.office).count() == 2


def test_without_consent_the_caseworker_does_not_see_the_new_referral(people, users, world):
    jean_caseworker = users["caseworker"]
    client = people.amira
    people.consent.delete()
    referral = services.create_referral(jean_caseworker, client, world.provider)
    assert referral.transitions.get().to_status == "sent"
    assert not Referral.objects.restrict(jean_caseworker).exists()


def test_a_referral_to_something_other_than_a_provider_is_refused(people, users, world):
    with pytest.raises(ValidationError, match="provider"):
        services.create_referral(users["caseworker"], people.amira, world.site)


def test_the_overdue_list_holds_referrals_waiting_too_long(people, users, settings, client_for):
    settings.REFERRAL_WAIT_DAYS = 5
    practitioner = users["practitioner"]
    assert list(overdue_referrals(practitioner)) == []
    people.referral.status_changed_at = timezone.now() - datetime.timedelta(days=6)
    people.referral.save()
    assert list(overdue_referrals(practitioner)) == [people.referral]
    page = client_for("practitioner").get("/en/clients/referrals/overdue/").content.decode()
    assert "Amira Haddad" in page and "more than 5 days" in page
    services.move_referral(practitioner, people.referral, "accepted")
    assert list(overdue_referrals(practitioner)) == []  # a move restarts the wait


def test_the_inbox_filters_by_status(people, client_for):
    browser = client_for("provider_manager")
    assert "Amira Haddad" in browser.get("/en/clients/referrals/?status=sent").content.decode()
    assert "Amira Haddad" not in browser.get("/en/clients/referrals/?status=closed").content.decode()


def test_moving_a_referral_is_audited_with_its_actor(people, client_for, entries_for):
    client_for("practitioner").post(
        f"/en/clients/referrals/{people.referral.pk}/transition/", {"to_status": "accepted"}
    )
    change = entries_for(people.referral, "update").get()
    assert change.after == {"status": "accepted"} and change.actor_name == "practitioner"


def test_start_pages_link_to_casework(people, client_for):
    assert "/en/clients/referrals/overdue/" in client_for("caseworker").get("/en/start/").content.decode()
    page = client_for("client").get("/fr/start/").content.decode()
    assert f"/fr/clients/{people.own.pk}/" in page and "Votre dossier client" in page


def test_a_client_refers_themselves_and_follows_the_status(people, world, client_for):
    browser = client_for("client")
    response = browser.post(f"/en/clients/{people.own.pk}/referrals/new/", {"provider": world.provider.code})
    referral = Referral.objects.get(client=people.own)
    assert response["Location"] == f"/en/clients/referrals/{referral.pk}/"
    assert referral.source == "client" and referral.from_organisation is None
    assert browser.get(f"/api/v1/referrals/{referral.pk}").json()["status"] == "sent"
    assert (
        browser.post(
            f"/en/clients/referrals/{referral.pk}/transition/", {"to_status": "accepted"}
        ).status_code
        == 404
    )
