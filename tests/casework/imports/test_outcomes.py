"""The "outcomes" file: checkpoints of imported jobs verified through the service (the IES rule decides the
outcome), every bad field named, and all or nothing."""

from __future__ import annotations

import pytest

from careerlens.casework.models.external_ids import ExternalId
from tests.casework.imports.conftest import counts, problems

HEADER = ["job_id", "months", "employed", "hours_per_week", "hourly_wage", "evidence"]


@pytest.fixture
def amira_job(case):
    """Amira's job (started four months ago: its 1- and 3-month checkpoints are due) under job_id J-1."""
    job = case.amira.job
    ExternalId.objects.create(system="cms", kind="job", value="J-1", client=job.client, job=job)
    return job


@pytest.mark.parametrize("as_xlsx", [False, True])
def test_a_good_file_verifies_checkpoints(run, users, amira_job, as_xlsx):
    rows = [HEADER, ["J-1", "1", "yes", "37.5", "26", "pay_stub"], ["J-1", "3", "no", "", "", "self_report"]]
    report = run(users["provider_manager"], "outcomes", rows, as_xlsx=as_xlsx)
    assert report.written and report.counts == {"checkpoints": 2}, [e.line() for e in report.problems]
    one, three = amira_job.checkpoints.get(months=1), amira_job.checkpoints.get(months=3)
    assert (one.employed, one.outcome_met, one.verified_by) == (True, True, users["provider_manager"])
    assert (three.employed, three.outcome_met, three.hours_per_week) == (False, False, None)


BAD_FIELDS = [
    ("job_id", "J-404", "No job with this job_id"),
    ("months", "2", "Choose one of: 1, 3, 6, 12"),
    ("months", "6", "not due yet"),
    ("employed", "", "required"),
    ("hours_per_week", "", "required"),
    ("hourly_wage", "-3", "more than 0"),
    ("evidence", "phone_call", "Choose one of"),
]


@pytest.mark.parametrize(("column", "value", "says"), BAD_FIELDS, ids=[f"{c}:{v}" for c, v, _s in BAD_FIELDS])
def test_every_bad_field_is_named_and_nothing_is_written(run, users, amira_job, column, value, says):
    bad = dict(zip(HEADER, ["J-1", "3", "yes", "37.5", "26", "pay_stub"], strict=True)) | {column: value}
    before = counts()
    report = run(
        users["provider_manager"],
        "outcomes",
        [HEADER, ["J-1", "1", "yes", "37.5", "26", "pay_stub"], list(bad.values())],
    )
    assert problems(report) == {(3, column)}, [entry.line() for entry in report.problems]
    assert says in report.problems[0].messages["en"]
    assert counts() == before


def test_a_checkpoint_is_verified_once(run, users, amira_job):
    row = ["J-1", "1", "yes", "37.5", "26", "employer_letter"]
    twice = run(users["provider_manager"], "outcomes", [HEADER, row, row])
    assert problems(twice) == {(3, "months")}
    assert run(users["provider_manager"], "outcomes", [HEADER, row]).written
    assert (
        "already verified"
        in run(users["provider_manager"], "outcomes", [HEADER, row]).problems[0].messages["en"]
    )


def test_a_job_outside_the_importers_scope_is_not_found(run, amira_job, toronto_manager):
    report = run(toronto_manager, "outcomes", [HEADER, ["J-1", "1", "yes", "37.5", "26", "pay_stub"]])
    assert problems(report) == {(2, "job_id")}
