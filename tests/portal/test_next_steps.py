"""The steps the person chooses after the results: save with an account, share with a provider of their
catchment (consent, then a self-referral the practitioner sees), early-warning check-ins, delete."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role
from careerlens.clients.choices import ConsentTopic, ReferralSource
from careerlens.clients.models import Client, Consent, Referral
from careerlens.portal.models import CheckUp
from careerlens.portal.reminders import REMIND_AFTER_DAYS
from careerlens.segmentation.models import EarlyWarningEnrolment
from tests.portal.conftest import ACCOUNT, SUPERVISOR, WELDER, text, walk

pytestmark = pytest.mark.django_db


def test_nothing_is_stored_before_the_person_saves(visitor, world):
    walk(visitor, SUPERVISOR)
    assert not CheckUp.objects.exists()
    assert not Client.objects.filter(user__isnull=False, registered_by__isnull=True).exists()


def test_saving_creates_a_client_account_its_record_and_the_check_up(saved):
    user = User.objects.get(username="dana.check")
    assert user.role == Role.CLIENT and user.home_catchment_id == "peel"
    client = Client.objects.get(user=user)
    assert client.registered_by is None and client.postal_code == "L5B 3C2" and client.catchment_id == "peel"
    checkup = CheckUp.objects.get(client=client)
    assert checkup.answers["occupation"]["noc"] == "62010"
    body = text(saved.get("/en/check-up/mine/"))
    assert "Retail sales supervisors" in body and "/en/check-up/mine/share/" in body


def test_saving_names_what_is_wrong_and_keeps_the_answers(visitor, world):
    walk(visitor, SUPERVISOR)
    wrong = {**ACCOUNT, "password_again": "another one", "postal_code": "L5B"}
    response = visitor.post("/en/check-up/save/", wrong)
    assert response.status_code == 400
    body = text(response)
    assert "The two passwords differ." in body and "Enter a Canadian postal code" in body
    assert 'value="Dana"' in body and 'value="dana.check"' in body
    assert not User.objects.filter(username="dana.check").exists()


def test_sharing_records_the_consent_and_a_self_referral_the_practitioner_sees(saved, world, client_for):
    page = text(saved.get("/en/check-up/mine/share/"))
    assert "Peel Careers" in page and "Toronto Jobs" not in page  # only the providers of the catchment
    provider = world.provider
    refused = saved.post("/en/check-up/mine/share/", {"provider": provider.code})
    assert refused.status_code == 400 and not Referral.objects.exists()  # no consent, no referral
    agreed = {"provider": provider.code, "consent": "on", "note": "Call me"}
    response = saved.post("/en/check-up/mine/share/", agreed)
    assert response.status_code == 302
    client = Client.objects.get(user__username="dana.check")
    referral = Referral.objects.get(client=client)
    assert referral.provider == provider and referral.source == ReferralSource.CHECKUP
    assert "Call me" in referral.note and "Retail sales supervisors (62010)" in referral.note
    consent = Consent.objects.get(client=client)
    assert consent.organisation == provider and consent.topic == ConsentTopic.ASSESSMENT
    assert consent.is_in_force
    practitioner = text(client_for("practitioner").get("/en/clients/referrals/"))
    assert "Dana" in practitioner and "Okafor" in practitioner


def test_sharing_with_a_provider_of_another_catchment_is_refused(saved, world):
    elsewhere = {"provider": world.other_provider.code, "consent": "on"}
    response = saved.post("/en/check-up/mine/share/", elsewhere)
    assert response.status_code == 400 and not Referral.objects.exists()


def test_check_ins_create_an_enrolment_with_the_consent_given(saved):
    chosen = {"reminder": str(REMIND_AFTER_DAYS), "email": "dana@example.org", "outreach": "on"}
    response = saved.post("/en/check-up/mine/check-ins/", chosen)
    assert response.status_code == 302
    enrolment = EarlyWarningEnrolment.objects.get(client__user__username="dana.check")
    assert enrolment.consent_to_contact and enrolment.occupation_id == "62010"
    assert str(enrolment.tenure_years) == "6.0" and str(enrolment.years_since_training) == "3.0"
    checkup = CheckUp.objects.get(client=enrolment.client)
    assert checkup.remind_on == timezone.localdate() + datetime.timedelta(days=REMIND_AFTER_DAYS)
    saved.post("/en/check-up/mine/check-ins/", {})
    current = EarlyWarningEnrolment.objects.filter(client=enrolment.client, withdrawn_at__isnull=True).get()
    assert not current.consent_to_contact  # the new choice replaces the old one


def test_delete_everything_keeps_the_account_unless_asked(saved):
    saved.post("/en/check-up/mine/check-ins/", {"outreach": "on"})
    response = saved.post("/en/check-up/mine/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not CheckUp.objects.exists() and not EarlyWarningEnrolment.objects.exists()
    assert User.objects.filter(username="dana.check").exists()


def test_delete_with_the_account_removes_the_account_and_the_record(saved):
    response = saved.post("/en/check-up/mine/delete/", {"confirm": "on", "account": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(username="dana.check").exists()
    assert not Client.objects.filter(last_name="Okafor").exists() and not CheckUp.objects.exists()


def test_delete_needs_the_confirmation(saved):
    response = saved.post("/en/check-up/mine/delete/", {})
    assert response.status_code == 400 and CheckUp.objects.exists()


def test_a_client_account_without_a_record_gives_the_record_only(client_for, world):
    visitor = client_for("client")
    walk(visitor, SUPERVISOR)
    form = text(visitor.get("/en/check-up/save/"))
    assert 'name="first_name"' in form and 'name="password"' not in form
    names = ("first_name", "last_name", "date_of_birth", "postal_code")
    record = {k: v for k, v in ACCOUNT.items() if k in names}
    assert visitor.post("/en/check-up/save/", record).status_code == 302
    own = Client.objects.get(user=world.users["client"])
    assert own.registered_by is None and CheckUp.objects.filter(client=own).count() == 1
    assert visitor.post("/en/check-up/save/").status_code == 302  # a second check-up joins the record
    assert CheckUp.objects.filter(client=own).count() == 2


def test_staff_cannot_save_a_check_up(client_for, world):
    visitor = client_for("practitioner")
    walk(visitor, SUPERVISOR)
    response = visitor.post("/en/check-up/save/", ACCOUNT)
    assert response.status_code == 200 and "Only a personal client account" in text(response)
    assert not CheckUp.objects.exists()


def test_the_saved_pages_need_a_client_account(client_for):
    assert client_for("anonymous").get("/en/check-up/mine/").status_code == 302
    assert client_for("practitioner").get("/en/check-up/mine/").status_code == 404
    assert client_for("client").get("/en/check-up/mine/").status_code == 200  # nothing saved yet


def test_the_ssm_of_the_catchment_sees_a_person_at_risk_who_consents_to_outreach(visitor, client_for):
    walk(visitor, {**WELDER, "place": {"postal_code": "L6P"}})  # a welder of 58 in Brampton: Peel
    born = {**ACCOUNT, "postal_code": "L6P 0A1", "date_of_birth": "1968-04-09"}
    assert visitor.post("/en/check-up/save/", born).status_code == 302
    visitor.post("/en/check-up/mine/check-ins/", {"outreach": "on"})
    assert "Okafor" in text(client_for("ssm_manager").get("/en/segmentation/outreach/"))
    visitor.post("/en/check-up/mine/check-ins/", {})  # consent withdrawn: off the list
    assert "Okafor" not in text(client_for("ssm_manager").get("/en/segmentation/outreach/"))


def test_a_person_at_low_risk_is_not_on_the_outreach_list(saved, client_for):
    saved.post("/en/check-up/mine/check-ins/", {"outreach": "on"})  # a retail supervisor of 41
    assert "Okafor" not in text(client_for("ssm_manager").get("/en/segmentation/outreach/"))
