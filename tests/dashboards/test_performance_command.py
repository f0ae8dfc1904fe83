"""The ``careerlens performance`` management command: report and open-data export from a snapshot."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careerlens.analytics.synth import simulate, writer


@pytest.fixture(scope="module")
def snapshot_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("snapshot")
    writer.write(simulate(3_000, 2), directory)
    return directory


def test_the_json_report_has_every_table(snapshot_dir, capsys):
    call_command("performance", "report", "--data", str(snapshot_dir))
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"indicators", "adjustment", "payments_provider", "payments_ssm", "creaming"}
    province = [r for r in payload["indicators"] if r["breakdown"] == "province" and r["quarter"] == "all"]
    assert {r["indicator"] for r in province} >= {"referred", "outcome_3m", "ow_return_12m"}


def test_csv_tables_and_the_comparison_go_to_the_output_directory(snapshot_dir, tmp_path, capsys):
    from careerlens.analytics.performance import rules

    call_command(
        "performance",
        "report",
        "--data",
        str(snapshot_dir),
        "--compare",
        str(rules.shipped("alternative")),
        "--format",
        "csv",
        "--out",
        str(tmp_path / "out"),
    )
    written = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"indicators.csv", "comparison.csv", "creaming_compare.csv"} <= written


def test_the_open_data_export_writes_the_dictionary(snapshot_dir, tmp_path, capsys):
    call_command("performance", "export", "--data", str(snapshot_dir), "--out", str(tmp_path))
    assert "Wrote 8 files" in capsys.readouterr().out
    assert (tmp_path / "data_dictionary.csv").read_text(encoding="utf-8").startswith("table,table_en")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing-dir", "not a directory"),
        ("missing-table", "lacks jobs.parquet"),
        ("bad-rules", "unknown key operational.bonus"),
    ],
)
def test_bad_input_is_refused_with_a_reason(snapshot_dir, tmp_path, change, message):
    data = snapshot_dir
    options = []
    if change == "missing-dir":
        data = tmp_path / "nowhere"
    elif change == "missing-table":
        data = tmp_path / "partial"
        data.mkdir()
        for path in snapshot_dir.glob("*.parquet"):
            if path.name != "jobs.parquet":
                (data / path.name).symlink_to(path)
    else:
        rules = tmp_path / "rules.toml"
        from careerlens.analytics.performance import rules as shipped

        rules.write_text(
            shipped.shipped("default").read_text().replace("[operational]", "[operational]\nbonus = 1")
        )
        options = ["--rules", str(rules)]
    with pytest.raises(CommandError, match=message):
        call_command("performance", "report", "--data", str(data), *options)


def test_the_careerlens_command_exits_non_zero_with_one_line(tmp_path):
    command = [
        str(Path(sys.executable).with_name("careerlens")),
        "performance",
        "report",
        "--data",
        str(tmp_path / "x"),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "DEBUG": "true"}, check=False
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [f"CommandError: --data {tmp_path / 'x'}: not a directory"]
