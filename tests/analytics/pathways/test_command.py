"""careerlens pathways."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command


def run(capsys, *args):
    call_command("pathways", *args)
    return capsys.readouterr().out


def test_csv_for_one_origin(capsys):
    out = run(capsys, "--from", "72106", "--top", "20", "--feasibility-only", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["origin", "target", "rank", "score", "viable"]
    assert len(rows) == 20 and {r["origin"] for r in rows} == {"72106"}
    assert {r["viable"] for r in rows} == {"true"}
    assert [int(r["rank"]) for r in rows] == list(range(1, 21))
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)


def test_csv_for_every_origin_covers_all_516(capsys, engine):
    out = run(capsys, "--from", "all", "--top", "20", "--feasibility-only", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["origin"] for r in rows} == {str(c) for c in engine.codes}
    assert len(engine.codes) == 516
    assert len(rows) > 510 * 19
    _, targets, _ = engine.rank_all(["14110"], top=20)
    assert [r["target"] for r in rows if r["origin"] == "14110"] == [engine.codes[t] for t in targets[0]]
    # every origin with a viable target lists only viable ones; 65229, with none at the default max_gap,
    # lists its 20 nearest targets, smallest gap first, marked viable=false
    by_origin: dict[str, list[dict]] = {}
    for row in rows:
        by_origin.setdefault(row["origin"], []).append(row)
    lonely = by_origin.pop("65229")
    assert len(lonely) == 20 and {r["viable"] for r in lonely} == {"false"}
    assert [int(r["rank"]) for r in lonely] == list(range(1, 21))
    o = engine.index("65229")
    gaps = [float(engine.gap[o, engine.index(r["target"])]) for r in lonely]
    assert gaps == sorted(gaps) and gaps[0] > engine.settings.max_gap
    assert lonely[0]["target"] == "65329"
    assert all(r["viable"] == "true" for found in by_origin.values() for r in found)


def test_table_and_json_answer_an_origin_without_viable_targets(capsys):
    out = run(capsys, "--from", "65229", "--top", "3", "--format", "table")
    assert "0 viable target(s)" in out and "the nearest targets, none viable" in out
    assert out.count("[not viable: gap]") == 3
    data = json.loads(run(capsys, "--from", "65229", "--top", "3", "--format", "json"))
    assert len(data) == 3 and not any(t["viable"] for t in data)
    assert all(t["not_viable_because"] == ["gap"] for t in data)


def test_full_score_table_json_and_several_origins(capsys):
    out = run(capsys, "--from", "65100", "14110", "--top", "3", "--format", "table")
    assert "65100 Cashiers (TEER 5)" in out and "14110 Survey interviewers" in out
    data = json.loads(run(capsys, "--from", "65100", "--top", "2", "--format", "json", "--language", "fr"))
    assert len(data) == 2 and data[0]["origin"] == "65100" and data[0]["gaps"] is not None
    assert data[0]["outlook"]["source"].startswith("COPS")
    nonviable = run(capsys, "--from", "65229", "--top", "2", "--format", "table", "--include-nonviable")
    assert "[not viable: gap]" in nonviable


def test_paths(capsys):
    out = run(capsys, "--from", "65100", "--goal", "14100", "--top", "3", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3 and rows[0]["path"].startswith("65100 > ") and rows[0]["path"].endswith(" > 14100")


def test_jobbank_wages_and_another_taxonomy(capsys, tmp_path, toy_long):
    (tmp_path / "jb.csv").write_text("noc_code,economic_region,outlook\n72104,3530,1\n", encoding="utf-8")
    (tmp_path / "w.csv").write_text("noc_code,wage\n72106,30\n72104,33\n", encoding="utf-8")
    out = run(
        capsys,
        "--from",
        "72106",
        "--format",
        "json",
        "--top",
        "30",
        "--region",
        "3530",
        "--jobbank",
        str(tmp_path / "jb.csv"),
        "--wages",
        str(tmp_path / "w.csv"),
    )
    row = next(r for r in json.loads(out) if r["target"] == "72104")
    assert row["outlook"]["label"] == "Very limited" and row["earnings_ratio"] == pytest.approx(1.1)
    import pyarrow as pa
    import pyarrow.csv as pacsv

    pacsv.write_csv(pa.table(toy_long), tmp_path / "toy.csv")
    out = run(
        capsys, "--from", "A", "--format", "csv", "--ratings", str(tmp_path / "toy.csv"), "--feasibility-only"
    )
    assert out.splitlines()[1].startswith("A,B,1,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "99999", "72106", "abc"], "unknown NOC 2021 unit group code(s): 99999, abc"),
        (["--from", "all", "72106"], "cannot be combined"),
        (["--from", "72106", "--top", "0"], "--top must be at least 1"),
        (["--from", "72106", "--goal", "72106"], "is the origin"),
        (["--from", "72106", "--goal", "00000"], "'00000'"),
    ],
)
def test_bad_arguments(args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("pathways", *args)


def test_the_careerlens_command_exits_non_zero_naming_the_code():
    command = [
        str(Path(sys.executable).with_name("careerlens")),
        "pathways",
        "--from",
        "12345",
        "--format",
        "csv",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, "DEBUG": "true"}, check=False
    )
    assert done.returncode != 0 and "12345" in done.stderr and done.stdout == ""
