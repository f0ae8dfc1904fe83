"""Sign-ins, sign-outs, failed sign-ins and reads of sensitive records go to the audit trail."""

from __future__ import annotations

from django.test import Client

from careerlens.audit.context import acting_as
from careerlens.audit.models import AuditEntry
from careerlens.audit.services import log_read
from tests.personas import PASSWORD


def _sign_in(browser: Client, username: str, password: str):
    return browser.post(
        "/en/accounts/login/",
        {"username": username, "password": password},
        HTTP_X_REQUEST_ID="sign-in-request-01",
    )


def test_sign_in_and_sign_out_are_recorded(users, new_entries):
    user = users["caseworker"]
    user.set_password(PASSWORD)
    user.save()
    browser = Client()
    assert _sign_in(browser, "caseworker", PASSWORD).status_code == 302
    login = new_entries(action="login").get()
    assert login.actor == user and login.request_id == "sign-in-request-01" and login.source == "web"
    assert browser.post("/en/accounts/logout/").status_code == 302
    logout = new_entries(action="logout").get()
    assert logout.actor == user and logout.actor_name == "caseworker"


def test_a_failed_sign_in_is_recorded_with_the_name_tried_but_not_the_password(users, new_entries):
    _sign_in(Client(), "caseworker", "a wrong password")
    failed = new_entries(action="login_failed").get()
    assert failed.detail == {"username": "caseworker"}
    assert failed.actor is None
    assert "a wrong password" not in str(failed.detail)


def test_log_read_records_who_opened_which_record_and_why(users, world, new_entries):
    ssm_manager = users["ssm_manager"]
    with acting_as(ssm_manager, source="web", request_id="read-request-0001"):
        entry = log_read(ssm_manager, world.provider, reason="Reviewing a complaint")
    assert entry == new_entries(action="read").get()
    assert entry.actor == ssm_manager
    assert entry.content_type.model == "organisation"
    assert entry.object_id == str(world.provider.pk)
    assert entry.object_repr == "Peel Careers"
    assert entry.detail == {"reason": "Reviewing a complaint"}
    assert entry.request_id == "read-request-0001"
    assert entry.get_action_display() == "Viewed a sensitive record"


def test_log_read_without_a_reason_keeps_no_detail(users, world):
    entry = log_read(users["practitioner"], world.site)
    assert entry.detail is None
    assert AuditEntry.objects.filter(pk=entry.pk, action="read", actor=users["practitioner"]).exists()
