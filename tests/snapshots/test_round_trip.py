"""Round trip: casework loaded by the demo loader, exported, then read by the performance engine and by
segmentation; the exported counts match the database and the simulated province the casework came from."""

from __future__ import annotations

import collections
import datetime as dt

import pyarrow.compute as pc
from django.utils import timezone

from careerlens.analytics.performance import open_parquet
from careerlens.analytics.performance.report import report
from careerlens.analytics.segmentation.province import long_term_table
from careerlens.analytics.synth import simulate, writer
from careerlens.analytics.synth.schema import arrow_schema
from careerlens.casework.models import Checkpoint, Episode, Job
from careerlens.clients.models import Client
from careerlens.demo import province
from careerlens.segmentation.models import StreamDecision
from careerlens.snapshots import arrow, mapping
from careerlens.snapshots.services import export
from tests.snapshots.conftest import AS_OF, SEED, N, read

SHIFT = AS_OF - province.SIMULATED_YEAR_END


def test_counts_match_the_database(exported):
    _, tables = exported
    assert tables["clients"].num_rows == tables["episodes"].num_rows == Client.objects.count() == N
    assert pc.sum(tables["episodes"]["intake_completed"]).as_py() == Episode.objects.count() > 0
    assert tables["jobs"].num_rows == Job.objects.count() > 0
    verified = Checkpoint.objects.filter(verified_at__isnull=False).count()
    assert tables["checkpoints"].num_rows == verified > 0
    assert set(tables["checkpoints"]["job_id"].to_pylist()) <= set(tables["jobs"]["job_id"].to_pylist())


def test_columns_and_types_are_the_schemas(exported):
    _, tables = exported
    for name in arrow.TABLES:
        expected = arrow_schema(name)
        assert tables[name].schema.names == expected.names, name
        assert [f.type for f in tables[name].schema] == [f.type for f in expected], name


def test_the_export_follows_the_simulated_province(exported):
    _, tables = exported
    simulated = writer.tables(simulate(N, SEED))
    moved = lambda table, column: sorted(d + SHIFT for d in simulated[table][column].to_pylist())  # noqa: E731
    starts = [d for d in moved("jobs", "start_date") if d <= AS_OF]
    assert sorted(tables["jobs"]["start_date"].to_pylist()) == starts
    left = [d for d in moved("ow_spells", "exit_date") if d <= AS_OF]
    assert sorted(tables["ow_spells"]["exit_date"].to_pylist()) == left
    # Ontario Works and ODSP memberships run through the referral; the demo's EI claims may end before it.
    programs = collections.Counter(simulated["clients"]["program"].to_pylist())
    found = collections.Counter(tables["clients"]["program"].to_pylist())
    assert [found[p] for p in ("ontario_works", "odsp")] == [programs[p] for p in ("ontario_works", "odsp")]
    served = pc.filter(tables["clients"], tables["episodes"]["intake_completed"])
    assert pc.count(served["gender"]).as_py() == served.num_rows  # asked at intake, always answered
    assert set(tables["providers"]["provider_id"].to_pylist()) >= set(
        tables["episodes"]["provider_id"].to_pylist()
    )


def _province(result, indicator: str) -> int:
    rows = result.filter(
        (pc.field("breakdown") == "province") & (pc.field("indicator") == indicator)
    ).to_pylist()
    assert len(rows) == 1, indicator
    return rows[0]["numerator"]


def test_the_performance_report_reads_the_export(exported):
    directory, _ = exported
    result = report(open_parquet(directory), by_quarter=False)
    assert _province(result, "referred") == Client.objects.count()
    assert _province(result, "intake_completed") == Episode.objects.count()
    assert not pc.all(result["suppressed"]).as_py()


def test_segmentation_builds_its_table_from_the_export(exported):
    _, tables = exported
    table = long_term_table(tables)
    assert table.num_rows == Episode.objects.count()
    assert 0 < pc.sum(table["long_term_unemployed"]).as_py() < table.num_rows


def test_only_what_the_app_does_not_record_is_always_null(exported):
    _, tables = exported
    empty = {
        (name, column)
        for name, table in tables.items()
        for column in table.column_names
        if table[column].null_count == table.num_rows
    }
    coded = {(table, column) for table, columns in mapping.NOT_RECORDED.items() for column in columns}
    assert coded <= empty
    assert empty - coded == {("episodes", "risk_score")}  # the demo loader makes no stream decisions


def test_the_stream_decision_by_the_as_of_date_gives_the_risk_score(loaded, tmp_path):
    episode = Episode.objects.filter(closed_on__isnull=True).order_by("pk").first()
    at_intake = timezone.make_aware(dt.datetime.combine(episode.opened_on, dt.time(12)))
    for risk, stream, decided in ((0.25, "A", at_intake), (0.9, "C", timezone.now())):  # the 2nd is later
        StreamDecision.objects.create(
            client=episode.client, episode=episode, risk=risk, final_stream=stream, decided_at=decided
        )
    target = tmp_path / "snapshot"
    export(target, AS_OF)
    rows = read(target)["episodes"].filter(pc.field("risk_score").is_valid()).to_pylist()
    assert [(round(r["risk_score"], 4), r["stream"]) for r in rows] == [(0.25, "A")]
