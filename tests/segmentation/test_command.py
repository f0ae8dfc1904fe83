"""careerlens segmentation train."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

from careerlens.analytics.segmentation import Model


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    rng = np.random.default_rng(2)
    n = 4_000
    program = rng.choice(["ontario_works", "odsp", "ei", "none"], n)
    months = rng.integers(0, 60, n)
    logit = 0.2 + 0.9 * (program == "odsp") - 0.6 * (program == "ei") + 0.03 * months - 0.9
    table = pa.table(
        {
            "client_id": np.arange(n),
            "program": program,
            "months_out_of_work": months,
            "age": rng.integers(16, 70, n),
            "long_term": rng.random(n) < 1 / (1 + np.exp(-logit)),
            "constant": ["x"] * n,
            "fraction": rng.random(n),
        }
    )
    directory = tmp_path_factory.mktemp("segmentation")
    pq.write_table(table, directory / "clients.parquet")
    pacsv.write_csv(table, directory / "clients.csv")
    (directory / "broken.parquet").write_bytes(b"not parquet")
    return directory


def run(capsys, *args):
    call_command("segmentation", "train", *args)
    return capsys.readouterr().out


def test_text_evaluation(capsys, data):
    out = run(
        capsys,
        "--data",
        str(data / "clients.parquet"),
        "--outcome",
        "long_term",
        "--features",
        "program",
        "months_out_of_work",
    )
    assert "AUC 0." in out and "calibration error (ECE) 0." in out
    assert "factors that weigh most" in out and "program" in out
    assert "protected, not used: age" in out


def test_json_and_model_file(capsys, data, tmp_path):
    out = run(
        capsys,
        "--data", str(data / "clients.csv"),
        "--outcome", "long_term",
        "--features", "program", "months_out_of_work", "age",
        "--allow-protected", "age",
        "--format", "json",
        "--out", str(tmp_path / "model.json"),
    )  # fmt: skip
    report = json.loads(out)
    assert report["auc"] > 0.6 and report["ece"] < 0.05 and "age" in report["features"]
    model = Model.from_dict(json.loads((tmp_path / "model.json").read_text(encoding="utf-8")))
    assert 0 < model.probability({"program": "odsp", "months_out_of_work": 30, "age": 40}) < 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--data", "{d}/nowhere.csv", "--outcome", "long_term"], "no such file"),
        (["--data", "{d}/broken.parquet", "--outcome", "long_term"], "cannot be read"),
        (["--data", "{d}/clients.parquet", "--outcome", "nope"], "outcome column 'nope' is not in the data"),
        (["--data", "{d}/clients.parquet", "--outcome", "program"], "not binary"),
        (["--data", "{d}/clients.parquet", "--outcome", "fraction"], "not binary"),
        (
            ["--data", "{d}/clients.parquet", "--outcome", "long_term", "--features", "constant"],
            "single value",
        ),
        (["--data", "{d}/clients.parquet", "--outcome", "long_term", "--features", "age"], "protected"),
        (["--data", "{d}/clients.parquet", "--outcome", "long_term", "--features", "zzz"], "zzz"),
    ],
)
def test_unusable_input(data, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("segmentation", "train", *[a.format(d=data) for a in args])


def test_too_few_rows_and_one_class(data, tmp_path):
    small = pq.read_table(data / "clients.parquet").slice(0, 100)
    pq.write_table(small, tmp_path / "small.parquet")
    with pytest.raises(CommandError, match="too few rows"):
        call_command(
            "segmentation", "train", "--data", str(tmp_path / "small.parquet"), "--outcome", "long_term"
        )
    same = pq.read_table(data / "clients.parquet")
    same = same.set_column(
        same.schema.get_field_index("long_term"), "long_term", pa.array([True] * same.num_rows)
    )
    pq.write_table(same, tmp_path / "same.parquet")
    with pytest.raises(CommandError, match="one class"):
        call_command(
            "segmentation", "train", "--data", str(tmp_path / "same.parquet"), "--outcome", "long_term"
        )


def test_the_careerlens_command_exits_non_zero_with_one_line(data):
    command = [
        str(Path(sys.executable).with_name("careerlens")),
        "segmentation",
        "train",
        "--data",
        str(data / "clients.parquet"),
        "--outcome",
        "missing_outcome",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "DEBUG": "true"}, check=False
    )
    assert done.returncode != 0 and done.stdout == ""
    assert "missing_outcome" in done.stderr and len(done.stderr.strip().splitlines()) == 1
