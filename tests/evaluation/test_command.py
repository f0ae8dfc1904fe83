"""careerlens evaluate: on an outside CSV and on a simulated province's directory."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

from careerlens.analytics.synth import simulate, writer
from tests.analytics.evaluation.toy import EFFECT, confounded

FAST = ["--bootstrap", "30", "--seed", "2"]
KEYS = {"method", "estimand", "estimate", "ci_low", "ci_high", "n_treated", "n_control", "n_trimmed"}


@pytest.fixture(scope="module")
def outside_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("outside") / "programme.csv"
    pacsv.write_csv(confounded(2000), path)
    return path


@pytest.fixture(scope="module")
def province_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("province")
    writer.write(simulate(6000, 5), directory)
    return directory


def run(capsys, *args):
    call_command("evaluate", *args)
    return capsys.readouterr().out


def test_json_on_an_outside_csv(capsys, outside_csv):
    out = run(
        capsys,
        *("--data", str(outside_csv), "--treatment", "treated", "--outcome", "outcome"),
        *("--covariates", "score", "region", "--pre-outcome", "before", "--by", "region", "--format", "json"),
        *FAST,
    )
    data = json.loads(out)
    assert all(set(row) == KEYS for row in data["methods"])
    methods = {row["method"] for row in data["methods"]}
    assert methods >= {"naive", "regression", "matching_replacement", "ipw", "doubly_robust", "did"}
    assert data["recommended"] == {"method": "doubly_robust", "estimand": "ATT"}
    chosen = next(
        row for row in data["methods"] if (row["method"], row["estimand"]) == ("doubly_robust", "ATT")
    )
    assert chosen["ci_low"] <= EFFECT <= chosen["ci_high"]
    assert next(row for row in data["estimates"] if row["recommended"])["estimate"] == chosen["estimate"]
    assert [g["value"] for g in data["subgroups"]] == ["a", "b", "c"]


def test_text_in_french(capsys, outside_csv):
    out = run(
        capsys,
        *(
            "--data",
            str(outside_csv),
            "--treatment",
            "treated",
            "--outcome",
            "outcome",
            "--covariates",
            "score",
        ),
        *("--language", "fr", "--no-specification-checks"),
        *FAST,
    )
    assert " * Estimateur doublement robuste" in out and "Effet sur les personnes" in out


def test_a_province_directory_with_default_covariates_and_its_table(capsys, province_dir, tmp_path):
    out = run(
        capsys,
        *("--data", str(province_dir), "--treatment", "work_placement", "--outcome", "job_12m"),
        *("--by", "age_band", "--format", "json", "--no-specification-checks"),
        *FAST,
    )
    data = json.loads(out)
    assert "rest_of_plan_work_placement" in data["covariates"] and "provider_id" in data["covariates"]
    assert {g["value"] for g in data["subgroups"]} == {"16-29", "30-44", "45-54", "55+"}
    program = json.loads(
        run(
            capsys,
            *("--data", str(province_dir), "--treatment", "program=ontario_works", "--outcome", "job_12m"),
            *("--format", "json", "--no-specification-checks", "--bootstrap", "0"),
        )
    )
    assert "program" not in program["covariates"] and program["estimates"][0]["n_treated"] > 500
    earnings = json.loads(
        run(
            capsys,
            *("--data", str(province_dir), "--treatment", "skills_training", "--outcome", "earnings_12m"),
            *("--by", "francophone", "--format", "json", "--no-specification-checks"),
            *FAST,
        )
    )
    assert earnings["outcome"] == "earnings_12m" and earnings["rows"] == data["rows"]
    assert all(row["ci_low"] < row["ci_high"] for row in earnings["methods"])
    assert {g["value"] for g in earnings["subgroups"]} == {"true", "false"}
    target = tmp_path / "evaluation.parquet"
    call_command("evaluate", "--data", str(province_dir), "--write-table", str(target))
    assert pq.read_table(target).num_rows == data["rows"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--treatment", "treated", "--outcome", "outcome", "--covariates", "nope"], "not in the data: nope"),
        (["--treatment", "region", "--outcome", "outcome", "--covariates", "score"], "must be binary"),
        (
            ["--treatment", "treated", "--outcome", "region", "--covariates", "score"],
            "outcome column 'region'",
        ),
        (["--treatment", "treated", "--outcome", "outcome"], "--covariates is required"),
        (["--outcome", "outcome", "--covariates", "score"], "--treatment and --outcome are required"),
        (
            ["--treatment", "treated", "--outcome", "outcome", "--covariates", "score", "--bootstrap", "-1"],
            "bootstrap must be zero or more",
        ),
        (["--write-table", "out.xlsx"], "must end in .parquet or .csv"),
    ],
)
def test_bad_arguments(outside_csv, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("evaluate", "--data", str(outside_csv), *args)


def test_the_careerlens_command_exits_non_zero_with_one_line(tmp_path):
    command = [
        str(Path(sys.executable).with_name("careerlens")),
        "evaluate",
        *("--data", str(tmp_path / "absent.csv"), "--treatment", "t", "--outcome", "y", "--covariates", "x"),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "DEBUG": "true"}, check=False
    )
    assert done.returncode != 0 and done.stdout == ""
    assert "absent.csv" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
