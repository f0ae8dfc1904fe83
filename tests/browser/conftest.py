"""Browser tests: the real app served by a subprocess, driven by Debian's Chromium through Playwright.

The served app has its own database (a SQLite file, or a new database on the PostgreSQL server the run
uses), prepared exactly as `make demo` prepares it: migrations, reference data, demo network, accounts.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "build" / "test-assets" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _app_database(tmp: Path) -> tuple[str, callable]:
    """A database URL for the served app, and how to remove it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"careerlens_browser_{os.getpid()}"
        admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))

        def run(sql: str) -> None:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(sql)

        run(f'DROP DATABASE IF EXISTS "{name}"')
        run(f'CREATE DATABASE "{name}"')
        return urlunsplit(parts._replace(path=f"/{name}")), lambda: run(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )
    return f"sqlite:///{tmp / 'browser.sqlite3'}", lambda: None


# The served app's command and environment, for tests that run one of its commands (such as the worker).
SERVED: dict = {}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("served-app")
    database_url, drop = _app_database(tmp)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "HTTPS_ONLY": "false",
        "STATIC_FROM_FINDERS": "true",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CAREERLENS_VAR_DIR": str(tmp),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "browser-tests-" + "x" * 60,
        "EVALUATION_BOOTSTRAP": "40",  # quicker intervals for the evaluation pages
    }
    command = [sys.executable, "-m", "careerlens.cli"]
    SERVED.update(command=command, env=env)
    subprocess.run([*command, "demo", "--no-serve"], env=env, check=True, capture_output=True, timeout=600)
    port = _free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen(
        [*command, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            log.close()
            raise RuntimeError(f"The app did not start: {(tmp / 'server.log').read_text()[-2000:]}")
        time.sleep(0.3)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()
    drop()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not executable:
        pytest.fail("Chromium is not installed: the test run installs Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, app_url):
    context = chromium.new_context(base_url=app_url, locale="en-CA")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations of the current page, whatever their impact (minor included): a
    violation of a success criterion fails the criterion, however axe grades its impact."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}: {violations}"


def sign_in(page, username: str, password: str, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.get_by_label("Username" if language == "en" else "Nom d’utilisateur").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("main button[type=submit]").click()
