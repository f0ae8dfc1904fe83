"""Opening a snapshot: a missing file, column or catchment is refused naming it."""

import shutil

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from careerlens.analytics.performance import PerformanceError, model, open_parquet


def copy_snapshot(source, target):
    target.mkdir()
    for path in source.glob("*.parquet"):
        shutil.copy(path, target / path.name)
    return target


def test_a_missing_column_is_named(snapshot_dir, tmp_path):
    data = copy_snapshot(snapshot_dir, tmp_path / "s")
    episodes = pq.read_table(data / "episodes.parquet").drop_columns(["stream"])
    pq.write_table(episodes, data / "episodes.parquet")
    with pytest.raises(PerformanceError, match="table episodes lacks column"):
        open_parquet(data)


def test_a_file_that_is_not_parquet_is_named(snapshot_dir, tmp_path):
    data = copy_snapshot(snapshot_dir, tmp_path / "s")
    (data / "jobs.parquet").write_text("not parquet")
    with pytest.raises(PerformanceError, match="jobs.parquet: not a readable Parquet file"):
        open_parquet(data)


def test_a_catchment_without_a_labour_market_rate_is_found():
    clients = ibis.memtable(pa.table({"catchment": ["toronto", "atlantis", "peel", "atlantis"]}))
    assert model.unknown_catchments(clients) == ["atlantis"]
