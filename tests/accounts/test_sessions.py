"""Idle sessions expire: the session lives SESSION_IDLE_MINUTES past the last request, renewed at most once
a minute (SessionRenewalMiddleware)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from careerlens.accounts.middleware import RENEW_EVERY_SECONDS, RENEWED_AT


def _session_row(browser: Client) -> Session:
    return Session.objects.get(session_key=browser.session.session_key)


def test_the_idle_limit_comes_from_the_environment_setting():
    assert settings.SESSION_COOKIE_AGE == 30 * 60  # SESSION_IDLE_MINUTES defaults to 30
    assert "careerlens.accounts.middleware.SessionRenewalMiddleware" in settings.MIDDLEWARE


def _renewed_long_ago(browser: Client, seconds: int) -> None:
    """Pretend the session was last renewed ``seconds`` ago."""
    session = browser.session
    session[RENEWED_AT] = session[RENEWED_AT] - seconds
    session.save()


def test_each_request_renews_the_session(users):
    browser = Client()
    browser.force_login(users["practitioner"])
    Session.objects.filter(session_key=browser.session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(minutes=1)
    )
    assert browser.get("/en/start/").status_code == 200
    renewed = _session_row(browser).expire_date - timezone.now()
    assert renewed > datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_a_request_within_the_minute_writes_nothing(users):
    browser = Client()
    browser.force_login(users["practitioner"])
    assert browser.get("/en/start/").status_code == 200
    soon = timezone.now() + datetime.timedelta(minutes=5)
    Session.objects.filter(session_key=browser.session.session_key).update(expire_date=soon)
    assert browser.get("/en/start/").status_code == 200
    assert _session_row(browser).expire_date == soon  # not saved again: reading a page writes nothing


def test_a_request_a_minute_after_the_last_renewal_renews(users):
    browser = Client()
    browser.force_login(users["practitioner"])
    assert browser.get("/en/start/").status_code == 200
    _renewed_long_ago(browser, RENEW_EVERY_SECONDS)
    soon = timezone.now() + datetime.timedelta(minutes=5)
    Session.objects.filter(session_key=browser.session.session_key).update(expire_date=soon)
    assert browser.get("/en/start/").status_code == 200
    renewed = _session_row(browser).expire_date - timezone.now()
    assert renewed > datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)


def test_an_anonymous_visit_creates_no_session(db):
    browser = Client()
    assert browser.get("/en/").status_code == 200
    assert not Session.objects.exists()


def test_a_session_idle_past_the_limit_is_signed_out(users):
    browser = Client()
    browser.force_login(users["practitioner"])
    assert browser.get("/en/start/").status_code == 200
    # The last request was SESSION_IDLE_MINUTES and one more minute ago.
    last_request = timezone.now() - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)
    Session.objects.filter(session_key=browser.session.session_key).update(
        expire_date=last_request + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    )
    response = browser.get("/en/start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_session_just_inside_the_limit_is_kept(users):
    browser = Client()
    browser.force_login(users["practitioner"])
    Session.objects.filter(session_key=browser.session.session_key).update(
        expire_date=timezone.now() + datetime.timedelta(seconds=30)
    )
    assert browser.get("/en/start/").status_code == 200
