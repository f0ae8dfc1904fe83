"""Who may import: provider managers (for their provider) and administrators; nobody else."""

from __future__ import annotations

import pytest

from careerlens.casework.imports import NotAllowed, may_import, run_import
from tests.casework.imports.conftest import CLIENT_HEADER, counts, csv_bytes

FILE = csv_bytes([CLIENT_HEADER, ["C-1", "Nadia", "Okafor", "1988-06-30", "L6Y 1N2", "peel"]])


@pytest.mark.parametrize(
    "persona", ["stranger", "client", "practitioner", "ssm_manager", "caseworker", "analyst"]
)
def test_only_provider_managers_and_administrators_may_import(users, persona):
    assert not may_import(users[persona])
    before = counts()
    with pytest.raises(NotAllowed):
        run_import(users[persona], "clients", FILE, "x.csv")
    assert counts() == before


def test_provider_managers_and_administrators_may(users):
    assert may_import(users["provider_manager"]) and may_import(users["administrator"])


def test_an_inactive_account_may_not(users):
    manager = users["provider_manager"]
    manager.is_active = False
    assert not may_import(manager)


def test_a_bad_system_name_is_named(users):
    report = run_import(users["provider_manager"], "clients", FILE, "x.csv", system="My CMS!")
    assert [(entry.row, entry.column) for entry in report.problems] == [(None, "system")]
