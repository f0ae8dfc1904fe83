"""Duplicate detection at intake, and the person's decision: use the existing record or create anyway."""

from __future__ import annotations

import datetime

from careerlens.clients.models import Client
from careerlens.clients.selectors import find_duplicates

BIRTH = datetime.date(1990, 4, 12)
FORM = {
    "first_name": "Amíra",
    "last_name": "Hadad",
    "date_of_birth": "1990-04-12",
    "postal_code": "l6y 1n2",
    "catchment": "peel",
    "language": "fr",
}


def test_a_misspelt_accented_name_with_the_same_birth_date_is_found(people, users):
    found = find_duplicates(users["practitioner"], "Amíra", "Hadad", BIRTH, "L6Y1N2")
    assert [candidate.client for candidate in found] == [people.amira]
    assert found[0].same_birth_date and found[0].same_postal_code and found[0].score >= 90


def test_another_person_with_the_same_birth_date_is_not_a_duplicate(people, users):
    assert find_duplicates(users["practitioner"], "Olivier", "Bouchard", BIRTH, "K1A 0B1") == []


def test_a_different_birth_date_and_postal_code_is_not_a_duplicate(people, users):
    assert (
        find_duplicates(users["practitioner"], "Amira", "Haddad", datetime.date(1991, 1, 1), "K1A 0B1") == []
    )


def test_records_outside_the_scope_are_not_shown(people, users):
    assert find_duplicates(users["other_practitioner"], "Amira", "Haddad", BIRTH, "L6Y 1N2") == []


def test_the_intake_shows_duplicates_and_creates_nothing_until_a_person_decides(people, client_for):
    browser = client_for("practitioner")
    before = Client.objects.count()
    response = browser.post("/en/clients/new/", FORM)
    assert response.status_code == 200
    page = response.content.decode()
    assert "This person may already have a record" in page
    assert f'value="{people.amira.pk}"' in page
    assert 'value="Hadad"' in page  # what the person typed is kept
    assert Client.objects.count() == before


def test_choosing_the_existing_record_opens_it(people, client_for):
    response = client_for("practitioner").post("/en/clients/new/", {**FORM, "decision": str(people.amira.pk)})
    assert response.status_code == 302
    assert response["Location"] == f"/en/clients/{people.amira.pk}/"


def test_creating_anyway_makes_a_new_record_registered_by_the_provider(people, client_for, world):
    response = client_for("practitioner").post("/en/clients/new/", {**FORM, "decision": "new"})
    created = Client.objects.get(first_name="Amíra", last_name="Hadad")
    assert response["Location"] == f"/en/clients/{created.pk}/"
    assert created.registered_by == world.provider and created.postal_code == "L6Y 1N2"


def test_a_new_person_is_created_at_once(people, client_for):
    form = {**FORM, "first_name": "Olivier", "last_name": "Bouchard", "postal_code": "L6Y 2B2"}
    response = client_for("caseworker").post("/en/clients/new/", {**form, "date_of_birth": "1970-01-01"})
    assert response.status_code == 302
    assert Client.objects.filter(last_name="Bouchard").exists()


def test_a_bad_intake_shows_an_error_summary_in_french(people, client_for):
    response = client_for("practitioner").post("/fr/clients/new/", {**FORM, "postal_code": "12345"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "cl-alert--error" in page and "code postal canadien" in page
