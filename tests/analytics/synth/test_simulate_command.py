"""The ``careerlens simulate`` management command."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerlens.analytics.synth import writer


def test_it_writes_the_province_and_reports_calibration(tmp_path, capsys):
    call_command("simulate", clients=2000, seed=4, out=str(tmp_path / "new" / "dir"))
    written = {p.name for p in (tmp_path / "new" / "dir").iterdir()}
    assert written == set(writer.FILES)
    out = capsys.readouterr().out
    assert "Simulated 2,000 clients (seed 4)" in out and "clients.parquet" in out and "stream_c" in out
    truth = json.loads((tmp_path / "new" / "dir" / "truth.json").read_text())
    assert truth["clients"] == 2000 and truth["seed"] == 4


def test_the_minimum_wage_option(tmp_path):
    call_command("simulate", clients=500, seed=4, out=str(tmp_path), min_wage=19.5)
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert truth["settings"]["min_wage"] == 19.5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"clients": 0}, "--clients must be at least 1"),
        ({"clients": -3}, "--clients must be at least 1"),
        ({"clients": 10**9}, "--clients must be at most"),
        ({"seed": -1}, "--seed must be zero or more"),
        ({"min_wage": 0.0}, "--min-wage must be more than 0"),
    ],
)
def test_bad_arguments_are_refused(tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("simulate", **{"clients": 10, "out": str(tmp_path), **options})
    assert not any(tmp_path.iterdir())


def test_an_output_path_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "file"
    target.write_text("")
    with pytest.raises(CommandError, match="exists and is not a directory"):
        call_command("simulate", clients=10, out=str(target))
    with pytest.raises(CommandError, match="cannot create the directory"):
        call_command("simulate", clients=10, out=str(target / "below"))


def test_the_careerlens_command_exits_non_zero_on_bad_arguments(tmp_path):
    command = [
        str(Path(sys.executable).with_name("careerlens")),
        "simulate",
        "--clients",
        "0",
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "DEBUG": "true"}, check=False
    )
    assert done.returncode != 0
    assert "--clients must be at least 1" in done.stderr
    not_a_number = subprocess.run(
        [*command[:3], "many", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "true"},
        check=False,
    )
    assert not_a_number.returncode == 2 and "invalid int value" in not_a_number.stderr
