"""Job Bank regional outlooks: the import is all or nothing, and once imported, queries with a region use
them there instead of COPS."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from careerlens.pathways.services import clear_engine


@pytest.fixture
def jobbank(settings, tmp_path):
    settings.JOBBANK_OUTLOOKS_FILE = tmp_path / "var" / "jobbank-outlooks.csv"
    clear_engine()
    yield settings.JOBBANK_OUTLOOKS_FILE
    clear_engine()


def _file(tmp_path, text: str):
    path = tmp_path / "jobbank.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_bad_file_imports_nothing(jobbank, tmp_path, db):
    bad = _file(tmp_path, "noc_code,economic_region,outlook\n72106,3530,5\n72106,3530,Good\n")
    with pytest.raises(CommandError, match="line 3"):
        call_command("load_jobbank", bad)
    assert not jobbank.exists()
    with pytest.raises(CommandError, match="99999"):
        call_command("load_jobbank", _file(tmp_path, "noc_code,economic_region,outlook\n99999,3530,5\n"))


def test_imported_outlooks_replace_cops_in_their_region(jobbank, tmp_path, client_for):
    browser = client_for("practitioner")
    explain = "/api/v1/pathways?from=72106&top=40&region=3530"
    cops = {t["target"]: t["outlook"] for t in browser.get(explain).json()["transitions"]}
    target = next(code for code, outlook in cops.items() if outlook and outlook["value"] < 1)
    rows = f"noc_code,economic_region,outlook\n{target},3530,Very good\n{target},3550,Très limitées\n"
    call_command("load_jobbank", _file(tmp_path, rows))
    assert jobbank.exists()
    after = {t["target"]: t["outlook"] for t in browser.get(explain).json()["transitions"]}
    assert (
        after[target]["value"] == 1.0 and "Job Bank" in after[target]["source"]
    )  # a better outlook keeps it
    elsewhere = browser.get("/api/v1/pathways?from=72106&top=40&region=3510").json()["transitions"]
    assert all("Job Bank" not in (t["outlook"] or {}).get("source", "") for t in elsewhere)
