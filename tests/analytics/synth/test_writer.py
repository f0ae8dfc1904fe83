import hashlib

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from careerlens.analytics.synth import schema, simulate, writer

from .conftest import column


def _digests(directory):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def small_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism")
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        writer.write(simulate(3000, seed), root / name)
    return root


def test_the_same_seed_gives_identical_bytes(small_runs):
    a, b = _digests(small_runs / "a"), _digests(small_runs / "b")
    assert set(a) == set(writer.FILES)
    assert a == b


def test_another_seed_gives_other_data(small_runs):
    a, c = _digests(small_runs / "a"), _digests(small_runs / "c")
    assert all(a[name] != c[name] for name in a if name.endswith(".parquet") and name != "providers.parquet")


def test_files_match_the_documented_schema(output):
    for table in schema.TABLES:
        written = pq.read_schema(output / f"{table}.parquet")
        expected = schema.arrow_schema(table)
        assert written.names == expected.names, table
        assert [f.type for f in written] == [f.type for f in expected], table


def test_ids_are_unique_and_references_resolve(tables):
    clients = column(tables["clients"], "client_id")
    assert np.array_equal(clients, np.arange(1, len(clients) + 1))
    for table, key in (("jobs", "job_id"), ("interventions", "intervention_id"), ("events", "event_id")):
        ids = column(tables[table], key)
        assert len(np.unique(ids)) == len(ids), table
    assert np.isin(column(tables["checkpoints"], "job_id"), column(tables["jobs"], "job_id")).all()
    assert np.isin(column(tables["ow_spells"], "job_id"), column(tables["jobs"], "job_id")).all()
    practitioners = column(tables["practitioners"], "practitioner_id")
    assigned = column(tables["episodes"], "practitioner_id")
    assert np.isin(assigned[assigned != None], practitioners).all()  # noqa: E711
    providers = column(tables["providers"], "provider_id")
    assert np.isin(column(tables["episodes"], "provider_id"), providers).all()


def test_no_nan_only_nulls(tables):
    for name, table in tables.items():
        for field in table.schema:
            if pa.types.is_floating(field.type):
                values = table.column(field.name).to_numpy(zero_copy_only=False)
                nulls = table.column(field.name).is_null().to_numpy(zero_copy_only=False)
                assert not np.isnan(values[~nulls]).any(), (name, field.name)


def test_without_intake_the_common_assessment_is_null(tables):
    clients, episodes = tables["clients"], tables["episodes"]
    no_intake = ~column(episodes, "intake_completed")
    assert no_intake.any()
    for name in ("gender", "disability", "education", "declined_any"):
        assert clients.column(name).is_null().to_numpy(zero_copy_only=False)[no_intake].all(), name
        assert not clients.column(name).is_null().to_numpy(zero_copy_only=False)[~no_intake].any(), name


def test_writing_again_replaces_the_files_whole(tmp_path):
    writer.write(simulate(300, 1), tmp_path)
    (tmp_path / "other.txt").write_text("kept")
    rows = writer.write(simulate(400, 1), tmp_path)
    assert rows["clients"] == 400 and pq.read_metadata(tmp_path / "clients.parquet").num_rows == 400
    assert (tmp_path / "other.txt").read_text() == "kept"
    assert not list(tmp_path.glob(".*partial"))
