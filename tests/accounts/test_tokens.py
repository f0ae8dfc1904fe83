"""API tokens: issued by a command that prints the key once, kept hashed, refused when revoked or expired."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from careerlens.accounts.models import ApiToken
from careerlens.cli import command_line


def _issue(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("issue_token", *args, stdout=out, stderr=err, **options)
    return out.getvalue().strip(), err.getvalue()


def _me(key: str):
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_command_prints_the_key_once_and_keeps_only_its_hash(users):
    key, message = _issue("analyst", name="Data warehouse", days=30)
    assert key.startswith("cl_") and len(key) > 40
    assert "shown only once" in message and key not in message
    token = ApiToken.objects.get(user=users["analyst"])
    assert token.name == "Data warehouse"
    assert token.key_hash == ApiToken.hash_key(key) and key not in token.key_hash
    assert token.prefix == key[:10]
    assert not ApiToken.objects.filter(key_hash=key).exists()
    expected = timezone.now() + datetime.timedelta(days=30)
    assert abs(token.expires_at - expected) < datetime.timedelta(minutes=1)
    assert _me(key).json()["username"] == "analyst"


def test_a_token_without_days_never_expires(users):
    key, message = _issue("analyst", name="Nightly export")
    assert ApiToken.objects.get(user=users["analyst"]).expires_at is None
    assert "never expires" in message


def test_the_careerlens_command_takes_hyphens(users, capsys):
    argv = command_line(["/usr/bin/careerlens", "issue-token", "practitioner", "--name", "Case system"])
    assert argv[:2] == ["careerlens", "issue_token"]
    call_command(*argv[1:], "--days", "7")
    key = capsys.readouterr().out.strip()
    assert _me(key).json()["username"] == "practitioner"


@pytest.mark.parametrize(
    ("args", "options", "message"),
    [
        (["nobody"], {"name": "x"}, "There is no account with the username 'nobody'."),
        (["analyst"], {"name": "x", "days": 0}, "A token must last at least one day."),
        (["analyst"], {"name": "   "}, "A token needs a name"),
    ],
)
def test_the_command_refuses_bad_input(users, args, options, message):
    with pytest.raises(CommandError, match=message):
        _issue(*args, **options)
    assert not ApiToken.objects.exists()


def test_an_inactive_account_gets_no_token(users):
    users["analyst"].is_active = False
    users["analyst"].save()
    with pytest.raises(CommandError, match="inactive"):
        _issue("analyst", name="x")


def test_a_working_token_records_when_it_was_last_used(users):
    token, key = ApiToken.issue(users["analyst"], "warehouse")
    assert token.last_used_at is None
    assert _me(key).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("state", ["revoked", "expired", "inactive account", "unknown key", "not bearer"])
def test_unusable_tokens_get_401(users, state):
    token, key = ApiToken.issue(users["analyst"], "warehouse")
    header = f"Bearer {key}"
    if state == "revoked":
        token.revoked = True
        token.save()
    elif state == "expired":
        token.expires_at = timezone.now() - datetime.timedelta(seconds=1)
        token.save()
    elif state == "inactive account":
        users["analyst"].is_active = False
        users["analyst"].save()
    elif state == "unknown key":
        header = "Bearer cl_" + "x" * 43
    else:
        header = f"Token {key}"
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["detail"] == "Sign in, or send an API token in the Authorization header."


def test_revoke_token_is_limited_to_the_tokens_one_may_change(users):
    from django.http import Http404

    from careerlens.accounts.services import revoke_token

    token, key = ApiToken.issue(users["analyst"], "warehouse")
    with pytest.raises(Http404):
        revoke_token(users["practitioner"], token.pk)
    revoke_token(users["analyst"], token.pk)
    assert _me(key).status_code == 401


def test_a_token_write_is_attributed_to_its_account_in_the_audit(users, entries_for):
    analyst = users["analyst"]
    _token, key = ApiToken.issue(analyst, "profile sync")
    response = Client().patch(
        "/api/v1/me",
        data='{"preferred_language": "fr", "last_name": "Gagnon"}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        HTTP_X_REQUEST_ID="token-write-0001",
    )
    assert response.status_code == 200, response.content
    assert response.json()["preferred_language"] == "fr"
    entry = entries_for(analyst, "update").get()
    assert entry.actor == analyst and entry.actor_name == "analyst"
    assert entry.source == "api"
    assert entry.request_id == "token-write-0001"
    assert entry.after == {"last_name": "Gagnon", "preferred_language": "fr"}


def test_a_token_write_needs_no_csrf_but_a_session_write_does(users):
    _token, key = ApiToken.issue(users["analyst"], "profile sync")
    browser = Client(enforce_csrf_checks=True)
    body = '{"preferred_language": "fr"}'
    token_write = browser.patch(
        "/api/v1/me", data=body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert token_write.status_code == 200
    browser.force_login(users["practitioner"])
    session_write = browser.patch("/api/v1/me", data=body, content_type="application/json")
    assert session_write.status_code == 403
    users["practitioner"].refresh_from_db()
    assert users["practitioner"].preferred_language == "en"


def test_an_anonymous_write_is_401_not_a_csrf_failure(db):
    response = Client(enforce_csrf_checks=True).patch(
        "/api/v1/me", data="{}", content_type="application/json"
    )
    assert response.status_code == 401
