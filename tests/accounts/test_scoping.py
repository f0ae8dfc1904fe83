"""Row-level scoping: which rows each persona may view or change, through the one restrict() mechanism."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from careerlens.accounts.models import ApiToken, Organisation, User
from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.audit.models import AuditEntry
from careerlens.audit.services import record_event
from careerlens.reference.models import Catchment
from tests.personas import PERSONAS

PEEL_NETWORK = {"test-ssm-peel", "test-provider-peel", "test-site-brampton", "test-site-mississauga"}
PEEL_PROVIDERS = {"test-provider-peel", "test-site-brampton", "test-site-mississauga"}
PEEL = PEEL_NETWORK | {"test-ow-peel"}
EVERYTHING = PEEL | {
    "test-ministry",
    "test-ssm-toronto",
    "test-provider-toronto",
    "test-site-toronto",
    "test-odsp-toronto",
}

ORGANISATIONS_VISIBLE = {
    "anonymous": set(),
    "stranger": set(),
    "client": PEEL_PROVIDERS,
    "practitioner": PEEL_NETWORK,
    "provider_manager": PEEL_NETWORK,
    "ssm_manager": PEEL,
    "caseworker": PEEL,
    "analyst": EVERYTHING,
    "administrator": EVERYTHING,
}

ALL_PEOPLE = {*PERSONAS, "other_practitioner"} - {"anonymous"}
PEOPLE_VISIBLE = {
    "anonymous": set(),
    "stranger": {"stranger"},
    "client": {"client"},
    "practitioner": {"practitioner"},
    "provider_manager": {"provider_manager", "practitioner"},
    "ssm_manager": {"ssm_manager", "provider_manager", "practitioner", "caseworker"},
    "caseworker": {"caseworker"},
    "analyst": {"analyst"},
    "administrator": ALL_PEOPLE,
}


def _user(users, persona):
    return AnonymousUser() if persona == "anonymous" else users[persona]


def _codes(queryset) -> set[str]:
    return set(queryset.filter(code__startswith="test-").values_list("code", flat=True))


def _usernames(queryset) -> set[str]:
    return set(queryset.filter(username__in=ALL_PEOPLE).values_list("username", flat=True))


@pytest.mark.parametrize("persona", PERSONAS)
def test_organisations_each_persona_may_view(users, persona):
    visible = Organisation.objects.restrict(_user(users, persona), Action.VIEW)
    assert _codes(visible) == ORGANISATIONS_VISIBLE[persona]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", [Action.CHANGE, Action.DELETE])
def test_only_administrators_change_organisations(users, persona, action):
    changeable = Organisation.objects.restrict(_user(users, persona), action)
    assert _codes(changeable) == (EVERYTHING if persona == "administrator" else set())


def test_a_client_without_a_home_catchment_sees_no_organisation(users):
    client = users["client"]
    client.home_catchment = None
    assert not Organisation.objects.restrict(client).exists()


def test_the_other_catchments_practitioner_sees_only_their_own_network(users):
    visible = _codes(Organisation.objects.restrict(users["other_practitioner"]))
    assert visible == {"test-ssm-toronto", "test-provider-toronto", "test-site-toronto"}


@pytest.mark.parametrize("persona", PERSONAS)
def test_accounts_each_persona_may_view(users, persona):
    visible = User.objects.restrict(_user(users, persona), Action.VIEW)
    assert _usernames(visible) == PEOPLE_VISIBLE[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_changes_only_their_own_account(users, persona):
    changeable = _usernames(User.objects.restrict(_user(users, persona), Action.CHANGE))
    if persona == "anonymous":
        assert changeable == set()
    elif persona == "administrator":
        assert changeable == ALL_PEOPLE
    else:
        assert changeable == {persona}


def test_an_inactive_account_sees_nothing(users):
    analyst = users["analyst"]
    analyst.is_active = False
    assert not Organisation.objects.restrict(analyst).exists()
    assert not User.objects.restrict(analyst).exists()


def test_a_superuser_without_a_role_sees_everything(users):
    root = User.objects.create(username="root", is_superuser=True, is_staff=True)
    assert _codes(Organisation.objects.restrict(root, Action.CHANGE)) == EVERYTHING


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", [Action.VIEW, Action.CHANGE])
def test_api_tokens_are_their_owners_and_the_administrators(users, persona, action):
    own = ApiToken.issue(users["practitioner"], "practitioner's")[0]
    other = ApiToken.issue(users["analyst"], "analyst's")[0]
    visible = set(ApiToken.objects.restrict(_user(users, persona), action))
    expected = {
        "practitioner": {own},
        "analyst": {other},
        "administrator": {own, other},
    }.get(persona, set())
    assert visible == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_administrators_see_and_export_the_audit_trail(users, persona):
    entry = record_event("login", actor=users["practitioner"])
    for action in (Action.VIEW, Action.EXPORT):
        found = AuditEntry.objects.restrict(_user(users, persona), action).filter(pk=entry.pk).exists()
        assert found == (persona == "administrator")
    for action in (Action.CHANGE, Action.DELETE):
        assert not AuditEntry.objects.restrict(_user(users, persona), action).exists()


def test_restrict_refuses_an_unknown_action(users):
    with pytest.raises(ValueError, match="Unknown action 'approve'"):
        Organisation.objects.restrict(users["administrator"], "approve")


def test_get_restricted_or_404_answers_404_outside_scope_and_for_bad_ids(users, world):
    practitioner = users["practitioner"]
    assert get_restricted_or_404(Organisation, practitioner, code="test-provider-peel") == world.provider
    with pytest.raises(Http404):
        get_restricted_or_404(Organisation, practitioner, code="test-provider-toronto")
    with pytest.raises(Http404):
        get_restricted_or_404(Organisation, practitioner, Action.CHANGE, code="test-provider-peel")
    with pytest.raises(Http404):
        get_restricted_or_404(AuditEntry, users["administrator"], pk="not-a-number")


def test_reference_data_is_open_to_view_and_closed_to_change(users):
    assert Catchment.objects.restrict(AnonymousUser()).filter(code="peel").exists()
    assert not Catchment.objects.restrict(users["administrator"], Action.CHANGE).exists()


@pytest.mark.parametrize(
    "url",
    ["/en/accounts/organisations/{code}/", "/api/v1/organisations/{code}"],
)
def test_outside_scope_looks_exactly_like_nowhere(client_for, url):
    """404, not 403, and the same page as for a code that does not exist: existence does not leak."""
    browser = client_for("practitioner")
    outside = browser.get(url.format(code="test-provider-toronto"))
    missing = browser.get(url.format(code="no-such-organisation"))
    assert outside.status_code == missing.status_code == 404
    assert _neutral(outside, "test-provider-toronto") == _neutral(missing, "no-such-organisation")


def _neutral(response, code: str) -> str:
    """The body with the requested code and the per-response CSRF token written out."""
    body = response.content.decode().replace(code, "CODE")
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1TOKEN", body)
