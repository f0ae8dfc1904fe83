"""Merging a duplicate record: only by a person allowed to, everything moves, the record stays, audited."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from careerlens.clients import services
from careerlens.clients.models import Client


@pytest.fixture
def duplicate(people, world):
    return Client.objects.create(
        first_name="Amyra",
        last_name="Haddad",
        date_of_birth=datetime.date(1990, 4, 12),
        postal_code="L6Y 1N2",
        catchment_id="peel",
        registered_by=world.provider,
    )


def test_a_merge_moves_everything_and_keeps_the_merged_record(people, users, duplicate, entries_for):
    keep = people.amira
    services.add_membership(
        users["practitioner"], duplicate, program="ei", start_date=datetime.date(2025, 3, 1)
    )
    moved = duplicate.memberships.get()
    services.merge_clients(users["provider_manager"], people.amira, duplicate)
    keep.refresh_from_db()
    assert keep.merged_into == duplicate
    assert set(duplicate.memberships.values_list("program", flat=True)) == {"ow", "ei"}
    assert duplicate.referrals.get() == people.referral and duplicate.consents.count() == 1
    assert duplicate.spells.count() == 1 and not keep.memberships.exists()
    assert [entry.after for entry in entries_for(keep, "update")] == [{"merged_into_id": duplicate.pk}]
    assert entries_for(moved, "create").exists()
    assert entries_for(people.referral, "update").get().after == {"client_id": duplicate.pk}


def test_merged_records_leave_the_lists_but_still_open(people, users, duplicate, client_for):
    services.merge_clients(users["administrator"], duplicate, people.amira)
    browser = client_for("practitioner")
    assert "Amyra" not in browser.get("/en/clients/").content.decode()
    page = browser.get(f"/en/clients/{duplicate.pk}/").content.decode()
    assert "This record was merged into another one" in page


def test_practitioners_may_not_merge(people, users, duplicate, client_for):
    with pytest.raises(Http404):
        services.merge_clients(users["practitioner"], duplicate, people.amira)
    assert client_for("practitioner").get(f"/en/clients/{duplicate.pk}/merge/").status_code == 404


def test_a_record_outside_the_scope_cannot_be_merged(people, users, duplicate):
    with pytest.raises(Http404):
        services.merge_clients(users["provider_manager"], duplicate, people.jean)


def test_a_record_is_not_merged_twice_or_into_itself(people, users, duplicate):
    manager = users["provider_manager"]
    with pytest.raises(ValidationError, match="into itself"):
        services.merge_clients(manager, duplicate, duplicate)
    services.merge_clients(manager, duplicate, people.amira)
    with pytest.raises(ValidationError, match="already merged"):
        services.merge_clients(manager, duplicate, people.amira)


def test_the_merge_page_merges(people, duplicate, client_for):
    response = client_for("provider_manager").post(
        f"/en/clients/{duplicate.pk}/merge/", {"keep": people.amira.pk}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == people.amira


def test_the_linked_account_moves_to_the_kept_record(people, users, duplicate):
    services.merge_clients(users["administrator"], people.own, duplicate)
    duplicate.refresh_from_db()
    assert duplicate.user == users["client"]
