"""careerlens occupations search TEXT [--limit N] [--lang en|fr] [--format table|csv|json]"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def run(*arguments: str) -> str:
    output = StringIO()
    call_command("occupations", "search", *arguments, stdout=output, stderr=StringIO())
    return output.getvalue()


def test_a_table_by_default():
    lines = run("weldr", "--limit", "3").splitlines()
    assert lines[0].split() == ["code", "TEER", "title", "matching", "title"]
    assert len(lines) == 4
    assert lines[1].startswith("72106  2     Welders and related machine operators")
    assert lines[1].endswith("Welder")


def test_several_words_are_one_query():
    assert run("early", "childhood", "educator", "--format", "csv").splitlines()[1].startswith("42202,")


def test_csv_in_french():
    rows = list(
        csv.DictReader(StringIO(run("éducatrice", "--lang", "fr", "--format", "csv", "--limit", "2")))
    )
    assert [row["code"] for row in rows][0] == "42202"
    assert rows[0]["title"].startswith("Éducateurs/éducatrices")
    assert set(rows[0]) == {"code", "teer", "title", "matched_title", "matched_language", "score"}


def test_json():
    body = json.loads(run("infirmiere", "--format", "json", "--limit", "1"))
    assert body["query"] == "infirmiere"
    assert body["results"][0]["code"] == "31301"
    assert body["results"][0]["title"] == "Registered nurses and registered psychiatric nurses"


def test_no_results_is_said_not_failed():
    errors = StringIO()
    call_command("occupations", "search", "zqxjkvw", stdout=StringIO(), stderr=errors)
    assert errors.getvalue().strip() == "No occupation matches “zqxjkvw”."


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["  "], "Type a job title or a NOC code to search."),
        (["x" * 101], "Type at most 100 characters (you typed 101)."),
        (["welder", "--limit", "0"], "The limit must be between 1 and 50."),
    ],
)
def test_bad_input_is_an_error(arguments, message):
    with pytest.raises(CommandError) as failure:
        call_command("occupations", "search", *arguments, stdout=StringIO())
    assert str(failure.value) == message


def test_bad_input_exits_non_zero_with_the_message():
    """Through the real ``careerlens`` entry point (the query is checked before the database is read)."""
    result = subprocess.run(
        [sys.executable, "-m", "careerlens.cli", "occupations", "search", "   "],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DEBUG": "true"},
    )
    assert result.returncode == 1
    assert "Type a job title or a NOC code to search." in result.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "careerlens.cli", "occupations"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DEBUG": "true"},
    )
    assert missing.returncode == 2
    assert "the following arguments are required: ACTION" in missing.stderr


def test_headings_follow_the_language():
    heading = run("soudeur", "--lang", "fr", "--limit", "1").splitlines()[0]
    assert heading.split()[:3] == ["code", "FÉER", "titre"]
    assert heading.endswith("titre correspondant")
