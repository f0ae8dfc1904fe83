"""Signing in: argon2 hashes, lock-out after repeated failures (django-axes), the password change page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from careerlens.accounts.models import User
from tests.personas import PASSWORD


@pytest.fixture
def practitioner(users) -> User:
    user = users["practitioner"]
    user.set_password(PASSWORD)
    user.save()
    return user


def _sign_in(browser, username="practitioner", password=PASSWORD, **extra):
    return browser.post("/en/accounts/login/", {"username": username, "password": password, **extra})


def test_passwords_are_hashed_with_argon2(practitioner):
    assert practitioner.password.startswith("argon2$argon2id$")
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_signing_in_through_the_form_lands_on_the_start_page(practitioner):
    browser = Client()
    response = _sign_in(browser)
    assert response.status_code == 302
    assert response["Location"] == "/en/start/"
    start = browser.get("/en/start/")
    assert "web/start/practitioner.html" in [template.name for template in start.templates]


def test_signing_in_follows_a_safe_next_address_only(practitioner):
    assert _sign_in(Client(), next="/en/accounts/organisations/")["Location"] == "/en/accounts/organisations/"
    assert _sign_in(Client(), next="https://evil.example/")["Location"] == "/en/start/"


def test_a_pbkdf2_hash_is_upgraded_to_argon2_at_sign_in(practitioner):
    from django.contrib.auth.hashers import make_password

    User.objects.filter(pk=practitioner.pk).update(password=make_password(PASSWORD, hasher="pbkdf2_sha256"))
    assert _sign_in(Client()).status_code == 302
    practitioner.refresh_from_db()
    assert practitioner.password.startswith("argon2$")


def test_a_wrong_password_shows_the_form_again_with_a_message(practitioner):
    response = _sign_in(Client(), password="not it")
    assert response.status_code == 200
    assert "do not match an active account" in response.content.decode()


def test_an_inactive_account_cannot_sign_in(practitioner):
    practitioner.is_active = False
    practitioner.save()
    response = _sign_in(Client())
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session


def test_repeated_failures_lock_the_account_out(practitioner):
    limit = settings.AXES_FAILURE_LIMIT
    browser = Client()
    for _attempt in range(limit - 1):
        assert _sign_in(browser, password="wrong").status_code == 200
    locked = _sign_in(browser, password="wrong")
    assert locked.status_code == 429
    assert "accounts/locked_out.html" in [template.name for template in locked.templates]
    assert "Too many failed sign-in attempts" in locked.content.decode()
    # Even the right password is refused while the lock lasts.
    again = _sign_in(browser)
    assert again.status_code == 429
    assert "_auth_user_id" not in browser.session


def test_the_lock_is_per_account_so_others_can_still_sign_in(practitioner, users):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(Client(), password="wrong")
    analyst = users["analyst"]
    analyst.set_password(PASSWORD)
    analyst.save()
    assert _sign_in(Client(), username="analyst").status_code == 302


def test_a_success_before_the_limit_resets_the_count(practitioner):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        _sign_in(Client(), password="wrong")
    assert _sign_in(Client()).status_code == 302
    for _attempt in range(limit - 1):
        assert _sign_in(Client(), password="wrong").status_code == 200


def test_the_locked_out_page_is_in_french_on_french_pages(practitioner):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = Client().post("/fr/accounts/login/", {"username": "practitioner", "password": "wrong"})
    assert response.status_code == 429
    assert '<html lang="fr">' in response.content.decode()
    assert "Compte verrouillé" in response.content.decode()


def test_changing_your_password(practitioner):
    browser = Client()
    _sign_in(browser)
    new = "a completely new passphrase 99"
    response = browser.post(
        "/en/accounts/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response["Location"] == "/en/start/"
    assert browser.get("/en/start/").status_code == 200  # still signed in after the change
    practitioner.refresh_from_db()
    assert practitioner.check_password(new)


def test_a_short_new_password_is_refused(practitioner):
    browser = Client()
    _sign_in(browser)
    response = browser.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
