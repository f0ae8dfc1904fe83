"""Who sees which client records and referrals, and that opening a record is logged."""

from __future__ import annotations

import pytest

from careerlens.accounts.scoping import Action
from careerlens.clients.models import (
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    changes_what_it_sees,
    provider_of,
)

SEES = {
    "client": {"Casey"},
    "practitioner": {"Amira", "Casey"},
    "provider_manager": {"Amira", "Casey"},
    "caseworker": {"Amira"},
    "ssm_manager": set(),
    "analyst": set(),
    "stranger": set(),
    "other_practitioner": {"Jean"},
}


@pytest.mark.parametrize(("persona", "names"), SEES.items())
def test_each_role_sees_its_clients_only(people, users, persona, names):
    seen = set(Client.objects.restrict(users[persona], Action.VIEW).values_list("first_name", flat=True))
    assert seen == names


@pytest.mark.parametrize("persona", [*SEES, "administrator"])
def test_who_changes_what_it_sees_changes_exactly_the_clients_it_sees(people, users, persona):
    """The case file skips the CHANGE query for these users: hold the shortcut to the rule it stands for."""
    user = users[persona]
    seen = set(Client.objects.restrict(user, Action.VIEW).values_list("pk", flat=True))
    changed = set(Client.objects.restrict(user, Action.CHANGE).values_list("pk", flat=True))
    if changes_what_it_sees(user):
        assert changed == seen
    else:
        assert persona not in ("practitioner", "provider_manager", "other_practitioner", "administrator")


def test_the_provider_is_read_with_its_site_in_one_query(users, django_assert_num_queries):
    practitioner = type(users["practitioner"]).objects.get(pk=users["practitioner"].pk)
    with django_assert_num_queries(1):
        first = provider_of(practitioner)
    with django_assert_num_queries(0):
        assert provider_of(practitioner) == first
    assert first is not None and first.kind != "site"


def test_administrators_see_every_client(people, users):
    assert Client.objects.restrict(users["administrator"]).count() == Client.objects.count()


def test_nobody_but_administrators_deletes_or_exports(people, users):
    for persona in ("practitioner", "provider_manager", "caseworker", "client"):
        assert not Client.objects.restrict(users[persona], Action.DELETE).exists()
        assert not Client.objects.restrict(users[persona], Action.EXPORT).exists()


def test_records_of_a_client_follow_the_client(people, users):
    for model in (ProgramMembership, AssistanceSpell, Consent):
        assert model.objects.restrict(users["practitioner"]).filter(client=people.amira).exists()
        assert not model.objects.restrict(users["ssm_manager"]).exists()
        assert not model.objects.restrict(users["other_practitioner"]).filter(client=people.amira).exists()


def test_a_client_changes_only_their_own_consents(people, users):
    mine = Consent.objects.create(
        client=people.own, organisation=people.amira.registered_by, topic="assessment"
    )
    changeable = Consent.objects.restrict(users["client"], Action.CHANGE)
    assert list(changeable) == [mine]


def test_caseworkers_see_but_do_not_move_referrals(people, users):
    caseworker = users["caseworker"]
    assert list(Referral.objects.restrict(caseworker, Action.VIEW)) == [people.referral]
    assert not Referral.objects.restrict(caseworker, Action.CHANGE).exists()


def test_opening_a_record_is_logged(people, client_for, new_entries):
    response = client_for("practitioner").get(f"/en/clients/{people.amira.pk}/")
    assert response.status_code == 200
    reads = new_entries(action="read", object_id=str(people.amira.pk), content_type__model="client")
    assert [entry.actor_name for entry in reads] == ["practitioner"]


def test_outside_the_scope_is_404_in_the_api_too(people, client_for):
    assert client_for("other_practitioner").get(f"/api/v1/clients/{people.amira.pk}").status_code == 404
    assert client_for("ssm_manager").get("/api/v1/clients").json() == {"items": [], "count": 0}
