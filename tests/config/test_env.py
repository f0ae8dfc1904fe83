"""Typed reading of the environment: a bad value stops start-up with a message naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from careerlens.config.env import Env

ROOT = Path(__file__).resolve().parents[2]
LONG_KEY = "k3y-" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _refused(call, *names: str) -> str:
    with pytest.raises(ImproperlyConfigured) as caught:
        call()
    message = str(caught.value)
    for name in names:
        assert name in message
    return message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("YES", True),
        (" on ", True),
        ("1", True),
        ("false", False),
        ("no", False),
        ("0", False),
        ("", False),
    ],
)
def test_booleans(value, expected):
    assert Env({"DEBUG": value}).bool("DEBUG", default=not expected) is expected


def test_a_missing_value_takes_the_default():
    env = Env({})
    assert env.bool("DEBUG", default=True) is True
    assert env.int("LOGIN_FAILURE_LIMIT", default=5) == 5
    assert env.list("ALLOWED_HOSTS", default=["localhost"]) == ["localhost"]
    assert env.str("TIME_ZONE", "America/Toronto") == "America/Toronto"


def test_a_bad_boolean_names_the_variable():
    message = _refused(lambda: Env({"DEBUG": "maybe"}).bool("DEBUG", default=False), "DEBUG", "'maybe'")
    assert "true/false" in message


def test_a_bad_whole_number_names_the_variable():
    _refused(
        lambda: Env({"SESSION_IDLE_MINUTES": "half an hour"}).int("SESSION_IDLE_MINUTES", 30),
        "SESSION_IDLE_MINUTES",
        "whole number",
    )


def test_a_number_below_the_minimum_names_the_variable_and_the_minimum():
    _refused(
        lambda: Env({"LOGIN_FAILURE_LIMIT": "0"}).int("LOGIN_FAILURE_LIMIT", 5, minimum=1),
        "LOGIN_FAILURE_LIMIT",
        "1",
    )


def test_lists_are_comma_separated_and_refuse_empty_items():
    assert Env({"ALLOWED_HOSTS": "a.example, b.example"}).list("ALLOWED_HOSTS", []) == [
        "a.example",
        "b.example",
    ]
    _refused(
        lambda: Env({"ALLOWED_HOSTS": "a.example,,b.example"}).list("ALLOWED_HOSTS", []), "ALLOWED_HOSTS"
    )


@pytest.mark.parametrize(
    "url",
    [
        "mysql://user:pw@host/db",
        "not a url",
        "postgres://user:pw@host:5432/",
        "postgres://user:pw@host:notaport/db",
    ],
)
def test_a_bad_database_url_names_the_variable(url):
    _refused(lambda: Env({"DATABASE_URL": url}).database("DATABASE_URL", "sqlite:///x"), "DATABASE_URL")


def test_database_urls():
    env = Env({"DATABASE_URL": "postgres://careers:secret@db.example:5433/careerlens"})
    config = env.database("DATABASE_URL", "sqlite:///unused")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("careerlens", "db.example", 5433)
    assert config["OPTIONS"]["options"] == "-c jit=off"
    sqlite = Env({}).database("DATABASE_URL", "sqlite:////tmp/careerlens-test.sqlite3")
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3" and sqlite["OPTIONS"]["timeout"] == 20


def test_secret_key_and_secret_key_file_both_set_is_refused(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(LONG_KEY)
    env = Env({"SECRET_KEY": LONG_KEY, "SECRET_KEY_FILE": str(key_file)})
    _refused(lambda: env.secret_key(debug=False, base_dir=tmp_path), "SECRET_KEY", "SECRET_KEY_FILE")


def test_the_secret_key_may_come_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(LONG_KEY + "\n")
    assert Env({"SECRET_KEY_FILE": str(key_file)}).secret_key(debug=False, base_dir=tmp_path) == LONG_KEY


def test_an_unreadable_or_empty_key_file_names_the_variable(tmp_path):
    missing = Env({"SECRET_KEY_FILE": str(tmp_path / "absent")})
    _refused(lambda: missing.secret_key(debug=False, base_dir=tmp_path), "SECRET_KEY_FILE", "cannot be read")
    (tmp_path / "empty").write_text("  \n")
    empty = Env({"SECRET_KEY_FILE": str(tmp_path / "empty")})
    _refused(lambda: empty.secret_key(debug=False, base_dir=tmp_path), "SECRET_KEY_FILE", "empty")


def test_a_missing_key_without_debug_names_the_variable(tmp_path):
    _refused(lambda: Env({}).secret_key(debug=False, base_dir=tmp_path), "SECRET_KEY", "DEBUG")


def test_a_short_key_without_debug_is_refused(tmp_path):
    _refused(
        lambda: Env({"SECRET_KEY": "short"}).secret_key(debug=False, base_dir=tmp_path), "SECRET_KEY", "50"
    )


def test_with_debug_a_development_key_is_kept_under_var(tmp_path):
    first = Env({}).secret_key(debug=True, base_dir=tmp_path)
    assert len(first) >= 50
    assert Env({}).secret_key(debug=True, base_dir=tmp_path) == first
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o777 == 0o600


def _start(**variables) -> subprocess.CompletedProcess:
    """Start careerlens (``careerlens check``) in a fresh process with only these variables set."""
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-m", "careerlens.cli", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"DEBUG": "perhaps"}, "DEBUG='perhaps'"),
        ({"DEBUG": "true", "LOGIN_FAILURE_LIMIT": "five"}, "LOGIN_FAILURE_LIMIT='five'"),
        ({"DEBUG": "true", "DATABASE_URL": "mysql://x@y/z"}, "DATABASE_URL="),
        (
            {"DEBUG": "false", "ALLOWED_HOSTS": "careerlens.example"},
            "SECRET_KEY (or SECRET_KEY_FILE) must be set",
        ),
    ],
)
def test_a_bad_environment_stops_start_up_with_the_variables_name(tmp_path, variables, named):
    result = _start(CAREERLENS_VAR_DIR=str(tmp_path), **variables)
    assert result.returncode != 0
    assert named in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_a_choice_names_the_variable_and_the_choices():
    assert Env({"LOG_LEVEL": "info"}).choice("LOG_LEVEL", "WARNING", ("INFO", "WARNING")) == "INFO"
    assert Env({}).choice("LOG_LEVEL", "WARNING", ("INFO", "WARNING")) == "WARNING"
    _refused(
        lambda: Env({"LOG_LEVEL": "LOUD"}).choice("LOG_LEVEL", "WARNING", ("INFO", "WARNING")),
        "LOG_LEVEL='LOUD'",
        "INFO, WARNING",
    )


def test_decimals_are_exact_and_bad_ones_name_the_variable():
    from decimal import Decimal

    assert Env({"WAGE": " 17.60 "}).decimal("WAGE", "1") == Decimal("17.60")
    assert Env({}).decimal("WAGE", "17.60") == Decimal("17.60")
    for bad in ("lots", "NaN", "Infinity"):
        with pytest.raises(ImproperlyConfigured, match="WAGE"):
            Env({"WAGE": bad}).decimal("WAGE", "1")
    with pytest.raises(ImproperlyConfigured, match="WAGE=-1 is below the smallest allowed value, 0"):
        Env({"WAGE": "-1"}).decimal("WAGE", "1", minimum="0")
