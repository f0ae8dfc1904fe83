"""The "clients" file: good files in CSV and XLSX, linking instead of duplicating, every bad field named in
the report, all or nothing, and the catchment rule."""

from __future__ import annotations

import pytest

from careerlens.casework.models.external_ids import ExternalId
from careerlens.clients.models import Client
from tests.casework.imports.conftest import CLIENT_HEADER, counts, days, problems

HEADER = [*CLIENT_HEADER, "language", "email", "program", "program_start", "program_end"]
NADIA = [
    "C-1",
    "Nadia",
    "Okafor",
    "1988-06-30",
    "l6y1n2",
    "peel",
    "fr",
    "nadia@example.org",
    "ow",
    "2025-02-03",
    "",
]
LEO = ["C-2", "Léo", "Gagnon", "1975-11-02", "L5B 2C9", "peel", "", "", "", "", ""]


@pytest.mark.parametrize("as_xlsx", [False, True])
def test_a_good_file_creates_clients_ids_and_memberships(run, users, world, new_entries, as_xlsx):
    second_membership = [
        "C-1",
        "Nadia",
        "Okafor",
        "1988-06-30",
        "L6Y 1N2",
        "peel",
        "fr",
        "nadia@example.org",
        "eo",
        "2024-01-08",
        "2024-06-30",
    ]
    report = run(
        users["provider_manager"], "clients", [HEADER, NADIA, LEO, second_membership], as_xlsx=as_xlsx
    )
    assert report.accepted and report.written, [entry.line() for entry in report.problems]
    assert report.counts == {"clients_created": 2, "memberships": 2}
    nadia = Client.objects.get(external_ids__value="C-1", external_ids__system="cms")
    assert (nadia.postal_code, nadia.language, nadia.registered_by) == ("L6Y 1N2", "fr", world.provider)
    assert sorted(nadia.memberships.values_list("program", flat=True)) == ["eo", "ow"]
    assert Client.objects.get(external_ids__value="C-2").language == "en"
    created = new_entries(action="create", content_type__model="client")
    assert created.count() == 2 and {entry.actor_id for entry in created} == {users["provider_manager"].pk}


def test_a_client_already_known_is_linked_not_duplicated(run, users, case):
    amira = ["C-9", "AMIRA", "haddad", "1990-04-12", "L6Y 1N2", "peel", "", "", "eo", "2025-01-06", ""]
    before = Client.objects.count()
    report = run(users["provider_manager"], "clients", [HEADER, amira])
    assert report.accepted and report.counts == {"clients_linked": 1, "memberships": 1}
    assert Client.objects.count() == before
    assert ExternalId.objects.get(value="C-9").client == case.people.amira
    assert [(entry.row, entry.column) for entry in report.notices] == [(2, "client_id")]
    assert "same names and date of birth" in report.notices[0].messages["en"]
    again = run(users["provider_manager"], "clients", [HEADER, amira])
    assert again.accepted and again.counts == {"clients_linked": 1}  # same membership: not added twice
    assert "same client_id" in again.notices[0].messages["en"] and Client.objects.count() == before


BAD_FIELDS = [
    ("client_id", "", "required"),
    ("client_id", "x" * 101, "At most 100"),
    ("first_name", "", "required"),
    ("date_of_birth", "12/04/1990", "YYYY-MM-DD"),
    ("date_of_birth", "1890-01-01", "between 1900 and today"),
    ("date_of_birth", str(days(3)), "between 1900 and today"),
    ("postal_code", "12345", "Canadian postal code"),
    ("catchment", "atlantis", "Choose one of"),
    ("language", "de", "Choose one of: en, fr"),
    ("email", "not-an-email", "email"),
    ("program", "cpp", "Choose one of"),
    ("program_start", "2025-13-01", "YYYY-MM-DD"),
    ("program_end", "2020-01-01", "end is before the start"),
]


@pytest.mark.parametrize(
    ("column", "value", "says"), BAD_FIELDS, ids=[f"{c}:{v[:12]}" for c, v, _s in BAD_FIELDS]
)
def test_every_bad_field_is_named_and_nothing_is_written(run, users, column, value, says):
    bad = dict(zip(HEADER, NADIA, strict=True)) | {column: value}
    before = counts()
    report = run(users["provider_manager"], "clients", [HEADER, LEO, list(bad.values())])
    assert not report.accepted and not report.written
    assert problems(report) == {(3, column)}, [entry.line() for entry in report.problems]
    entry = report.problems[0]
    assert entry.value == value and says in entry.messages["en"] and entry.messages["fr"]
    assert counts() == before


def test_dates_without_program_and_a_changed_person_are_named(run, users):
    dates_only = ["C-3", "Ana", "Silva", "1999-01-01", "L6Y 1N2", "peel", "", "", "", "2025-01-01", ""]
    other_name = [*NADIA[:1], "Nadine", *NADIA[2:]]
    same_person = ["C-4", *NADIA[1:]]
    report = run(users["provider_manager"], "clients", [HEADER, NADIA, dates_only, other_name, same_person])
    assert problems(report) == {(3, "program"), (4, "first_name"), (5, "client_id")}


def test_unknown_and_missing_columns_are_file_problems(run, users):
    report = run(
        users["provider_manager"], "clients", [["client_id", "first_name", "shoe_size"], ["C-1", "A", "9"]]
    )
    assert problems(report) == {
        (None, "shoe_size"),
        (None, "last_name"),
        (None, "date_of_birth"),
        (None, "postal_code"),
        (None, "catchment"),
    }


def test_catchment_rule_provider_manager_in_own_catchment_only(run, users, world):
    toronto = ["C-5", "Marc", "Roy", "1980-01-01", "M5V 3L9", "toronto", "", "", "", "", ""]
    refused = run(users["provider_manager"], "clients", [HEADER, toronto])
    assert problems(refused) == {(2, "catchment")}
    accepted = run(users["administrator"], "clients", [HEADER, toronto])
    assert accepted.written and Client.objects.get(external_ids__value="C-5").registered_by is None


def test_dry_run_reports_but_writes_nothing(run, users):
    before = counts()
    report = run(users["provider_manager"], "clients", [HEADER, NADIA], dry_run=True)
    assert (
        report.accepted and not report.written and report.counts == {"clients_created": 1, "memberships": 1}
    )
    assert counts() == before


def test_ambiguous_and_conflicting_matches_are_named(run, users, world, case):
    amira = ["C-9", "Amira", "Haddad", "1990-04-12", "L6Y 1N2", "peel", "", "", "", "", ""]
    ExternalId.objects.create(system="cms", kind="client", value="C-8", client=case.people.amira)
    ExternalId.objects.create(system="cms", kind="client", value="T-1", client=case.people.jean)
    jean = ["T-1", "Jean", "Tremblay", "1978-02-03", "L6Y 1N2", "peel", "", "", "", "", ""]
    report = run(users["provider_manager"], "clients", [HEADER, amira, jean])
    assert problems(report) == {(2, "client_id"), (3, "client_id")}
    assert "client_id C-8" in report.problems[0].messages["en"]
    assert "may not change" in report.problems[1].messages["en"]
    twin = Client.objects.create(
        first_name="Amira",
        last_name="Haddad",
        date_of_birth=case.people.amira.date_of_birth,
        postal_code="L6Y 1N2",
        catchment_id="peel",
        registered_by=world.provider,
    )
    several = run(users["provider_manager"], "clients", [HEADER, ["C-10", *amira[1:]]])
    assert problems(several) == {(2, "first_name/last_name/date_of_birth")} and twin.pk
