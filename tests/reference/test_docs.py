"""docs/data.md lists every reference file with its checksum, and every loaded source."""

from __future__ import annotations

import csv
from pathlib import Path

from careerlens.reference.loaders import LOADERS
from careerlens.reference.loaders.base import sha256_of
from tests.reference.helpers import data_file

DOC = Path(__file__).resolve().parents[2] / "docs" / "data.md"


def test_every_copied_file_is_documented_with_its_checksum_and_commit():
    text = DOC.read_text(encoding="utf-8")
    with data_file("PROVENANCE.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 43
    for row in rows:
        assert f"`{row['path']}`" in text, row["path"]
        assert row["sha256"] in text, row["path"]
        assert row["source_commit"] in text, row["path"]
        assert sha256_of(data_file(row["path"])) == row["sha256"], (
            f"{row['path']} differs from PROVENANCE.csv"
        )


def test_every_loaded_source_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for source, _load in LOADERS:
        assert f"`{source.path}`" in text, source.path
        assert source.version in text, source.key
    for path in ("ontario/economic_regions.csv", "ontario/catchments.csv"):
        assert sha256_of(data_file(path)) in text, path
