"""The case file's reads: what it shows, and the reads it skips (bench/caseload.py measures the page)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerlens.casework import selectors
from careerlens.casework.models import Job


def _read(user, client):
    with CaptureQueriesContext(connection) as queries:
        found = selectors.case_file(user, client)
    return found, [query["sql"] for query in queries.captured_queries]


def test_checkpoints_are_read_through_the_jobs_and_not_at_all_without_one(case, world):
    practitioner, amira = world.users["practitioner"], case.people.amira
    selectors.case_file(practitioner, amira)  # the reader's organisation, read once a request
    found, queries = _read(practitioner, amira)
    assert found["checkpoints"] and {c.job_id for c in found["checkpoints"]} == {case.amira.job.pk}
    assert any("casework_checkpoint" in sql for sql in queries)
    Job.objects.filter(client=amira).delete()
    found, fewer = _read(practitioner, amira)
    assert found["jobs"] == [] and found["checkpoints"] == []
    assert not any("casework_checkpoint" in sql for sql in fewer) and len(fewer) == len(queries) - 1


def test_a_job_outside_the_readers_scope_shows_no_checkpoint(case, world):
    found, _ = _read(world.users["practitioner"], case.people.jean)
    assert found["jobs"] == [] and found["checkpoints"] == []
