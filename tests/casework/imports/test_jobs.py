"""The "jobs" file: jobs for clients named by client_id or by names and date of birth, NOC 2016 codes
converted with the concordance (one-to-one, and the ambiguous case), scope, and all or nothing."""

from __future__ import annotations

import pytest

from careerlens.casework.models import Job
from careerlens.casework.models.external_ids import ExternalId
from tests.casework.imports.conftest import counts, days, problems

HEADER = ["job_id", "client_id", "first_name", "last_name", "date_of_birth", "employer", "noc2021", "noc2016"]
HEADER += ["hours_per_week", "hourly_wage", "start_date", "end_date", "subsidised", "subsidy_end_date"]
START = str(days(-130))


def job(
    job_id="J-1", client_id="", names=("Amira", "Haddad", "1990-04-12"), noc2021="72106", noc2016="", **more
):
    values = dict(zip(HEADER, [job_id, client_id, *names, "Northern Steel", noc2021, noc2016], strict=False))
    values |= {"hours_per_week": "37.5", "hourly_wage": "27.50", "start_date": START, "end_date": ""}
    values |= {"subsidised": "no", "subsidy_end_date": ""} | more
    return [values[column] for column in HEADER]


@pytest.mark.parametrize("as_xlsx", [False, True])
def test_a_good_file_records_jobs_and_schedules_checkpoints(run, users, case, as_xlsx):
    subsidised = job("J-2", subsidised="yes", subsidy_end_date=str(days(-40)))
    report = run(users["provider_manager"], "jobs", [HEADER, job(), subsidised], as_xlsx=as_xlsx)
    assert report.written, [entry.line() for entry in report.problems]
    assert report.counts == {"jobs": 2}
    recorded = Job.objects.get(external_ids__value="J-1")
    assert recorded.client == case.people.amira and recorded.occupation_id == "72106"
    assert recorded.recorded_by == users["provider_manager"] and recorded.episode == case.amira.episode
    assert sorted(recorded.checkpoints.values_list("months", flat=True)) == [1, 3, 6, 12]
    assert Job.objects.get(external_ids__value="J-2").subsidised


def test_a_client_id_imported_before_names_the_client(run, users, case):
    ExternalId.objects.create(system="cms", kind="client", value="C-7", client=case.people.amira)
    report = run(users["provider_manager"], "jobs", [HEADER, job(client_id="C-7", names=("", "", ""))])
    assert report.written and Job.objects.get(external_ids__value="J-1").client == case.people.amira


def test_noc2016_one_to_one_is_converted(run, users):
    report = run(users["provider_manager"], "jobs", [HEADER, job(noc2021="", noc2016="7237")])
    assert report.written and Job.objects.get(external_ids__value="J-1").occupation_id == "72106"


def test_noc2016_that_maps_to_several_unit_groups_needs_the_2021_code(run, users):
    ambiguous = run(users["provider_manager"], "jobs", [HEADER, job(noc2021="", noc2016="0431")])
    assert problems(ambiguous) == {(2, "noc2016")}
    assert "40040, 41310" in ambiguous.problems[0].messages["en"]
    mismatched = run(users["provider_manager"], "jobs", [HEADER, job(noc2021="72106", noc2016="431")])
    assert problems(mismatched) == {(2, "noc2021")}
    given = run(users["provider_manager"], "jobs", [HEADER, job(noc2021="41310", noc2016="431")])
    assert given.written and Job.objects.get(external_ids__value="J-1").occupation_id == "41310"


BAD_FIELDS = [
    ("job_id", "", "required"),
    ("client_id", "C-404", "No client with this client_id"),
    ("employer", "", "required"),
    ("noc2021", "", "Give a NOC 2021 code"),
    ("noc2021", "99999", "No NOC 2021 unit group"),
    ("noc2021", "7210A", "5 digits"),
    ("noc2016", "9999", "not a NOC 2016 unit group"),
    ("hours_per_week", "0", "more than 0"),
    ("hours_per_week", "forty", "Write a number"),
    ("hourly_wage", "1000.01", "at most 1000"),
    ("hourly_wage", "27.555", "decimal places"),
    ("start_date", "", "required"),
    ("start_date", str(days(120)), "more than 90 days"),
    ("end_date", "2001-01-01", "end is before the start"),
    ("subsidised", "maybe", "yes or no"),
    ("subsidy_end_date", str(days(-10)), "only for a subsidised placement"),
]


@pytest.mark.parametrize(("column", "value", "says"), BAD_FIELDS, ids=[f"{c}:{v}" for c, v, _s in BAD_FIELDS])
def test_every_bad_field_is_named_and_nothing_is_written(run, users, column, value, says):
    bad = dict(zip(HEADER, job("J-9"), strict=True)) | {column: value}
    if column == "noc2016":
        bad["noc2021"] = ""
    before = counts()
    report = run(users["provider_manager"], "jobs", [HEADER, job(), list(bad.values())])
    assert problems(report) == {(3, column)}, [entry.line() for entry in report.problems]
    assert says in report.problems[0].messages["en"]
    assert counts() == before


def test_client_not_found_by_names_and_repeated_job_ids(run, users):
    stranger = job("J-3", names=("Nobody", "Known", "2000-01-01"))
    no_client = job("J-4", names=("Amira", "", ""))
    report = run(users["provider_manager"], "jobs", [HEADER, job(), job(), stranger, no_client])
    assert problems(report) == {(3, "job_id"), (4, "first_name/last_name/date_of_birth"), (5, "client_id")}
    run(users["provider_manager"], "jobs", [HEADER, job()])
    assert problems(run(users["provider_manager"], "jobs", [HEADER, job()])) == {(2, "job_id")}


def test_a_toronto_provider_manager_cannot_attach_jobs_to_a_peel_client(run, users, case, toronto_manager):
    ExternalId.objects.create(system="cms", kind="client", value="C-7", client=case.people.amira)
    by_id = run(toronto_manager, "jobs", [HEADER, job(client_id="C-7", names=("", "", ""))])
    by_names = run(toronto_manager, "jobs", [HEADER, job()])
    assert problems(by_id) == {(2, "client_id")}
    assert problems(by_names) == {(2, "first_name/last_name/date_of_birth")}
    jean = run(toronto_manager, "jobs", [HEADER, job(names=("Jean", "Tremblay", "1978-02-03"))])
    assert jean.written and Job.objects.get(external_ids__value="J-1").client == case.people.jean
