"""Production settings pass Django's deployment checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _production_env(tmp_path: Path, **extra) -> dict:
    env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(48)[:64],
        ALLOWED_HOSTS="careerlens.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        CAREERLENS_VAR_DIR=str(tmp_path),
    )
    env.update(extra)
    return env


def _check_deploy(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "careerlens.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    env = _production_env(tmp_path)
    assert len(env["SECRET_KEY"]) == 64
    result = _check_deploy(env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_https_is_switched_off(tmp_path):
    """The check above can fail: without HTTPS the deployment checks warn, and WARNING fails the run."""
    result = _check_deploy(_production_env(tmp_path, HTTPS_ONLY="false"))
    assert result.returncode != 0
    assert "security.W008" in result.stderr or "security.W012" in result.stderr
