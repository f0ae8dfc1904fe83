"""Typed reading of settings from environment variables.

Every reader names the variable in its error, so a bad value stops start-up with a message that says
which variable is wrong and what was expected.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class Env:
    """Reads typed values from a mapping (``os.environ`` by default)."""

    def __init__(self, environ: Mapping[str, str] | None = None):
        self.environ = os.environ if environ is None else environ

    def raw(self, name: str) -> str | None:
        return self.environ.get(name)

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.raw(name)
        return default if value is None else value

    def bool(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a boolean: use one of true/false, yes/no, on/off, 1/0."
        )

    def int(self, name: str, default: int, minimum: int | None = None) -> int:
        value = self.raw(name)
        if value is None:
            return default
        try:
            number = int(value.strip())
        except ValueError:
            raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
        if minimum is not None and number < minimum:
            raise ImproperlyConfigured(f"{name}={number} is below the smallest allowed value, {minimum}.")
        return number

    def decimal(self, name: str, default: str, minimum: str | None = None) -> Decimal:
        """A decimal number such as ``17.60`` (money, hours), kept exact."""
        value = self.raw(name)
        text = default if value is None else value.strip()
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ImproperlyConfigured(f"{name}={value!r} is not a number such as 17.60.") from None
        if not number.is_finite():
            raise ImproperlyConfigured(f"{name}={value!r} is not a number such as 17.60.")
        if minimum is not None and number < Decimal(minimum):
            raise ImproperlyConfigured(f"{name}={number} is below the smallest allowed value, {minimum}.")
        return number

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.raw(name)
        if value is None:
            return default
        matched = {choice.lower(): choice for choice in choices}.get(value.strip().lower())
        if matched is None:
            raise ImproperlyConfigured(f"{name}={value!r} is not one of: {', '.join(choices)}.")
        return matched

    def list(self, name: str, default: list[str]) -> list[str]:
        value = self.raw(name)
        if value is None:
            return list(default)
        items = [item.strip() for item in value.split(",")]
        if any(not item for item in items):
            raise ImproperlyConfigured(
                f"{name}={value!r} has an empty item: separate values with single commas."
            )
        return items

    def secret_key(self, debug: bool, base_dir: Path) -> str:
        """SECRET_KEY, or the contents of the file named by SECRET_KEY_FILE.

        With DEBUG on and neither set, a development key is kept in ``var/secret_key`` so that sessions
        survive a restart; without DEBUG a missing key is an error.
        """
        key = self.raw("SECRET_KEY")
        key_file = self.raw("SECRET_KEY_FILE")
        if key and key_file:
            raise ImproperlyConfigured("Set SECRET_KEY or SECRET_KEY_FILE, not both.")
        if key_file:
            path = Path(key_file)
            try:
                key = path.read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ImproperlyConfigured(
                    f"SECRET_KEY_FILE={key_file!r} cannot be read: {error.strerror}."
                ) from None
            if not key:
                raise ImproperlyConfigured(f"SECRET_KEY_FILE={key_file!r} is empty.")
        if key:
            if len(key) < 50 and not debug:
                raise ImproperlyConfigured(
                    "SECRET_KEY is shorter than 50 characters; use a long random value."
                )
            return key
        if not debug:
            raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off.")
        return _development_key(base_dir / "var" / "secret_key")

    def database(self, name: str, default: str) -> dict:
        import dj_database_url

        url = self.str(name, default)
        scheme = url.split(":", 1)[0] if ":" in url else ""
        if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
            raise ImproperlyConfigured(
                f"{name}={url!r} is not a supported database URL: use sqlite:///PATH or "
                "postgres://USER:PASSWORD@HOST:PORT/NAME."
            )
        try:
            config = dj_database_url.parse(url, conn_max_age=0)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name}={url!r} cannot be read: {error}.") from None
        if config["ENGINE"].endswith("postgresql") and not config.get("NAME"):
            raise ImproperlyConfigured(f"{name}={url!r} names no database after the last '/'.")
        if config["ENGINE"].endswith("sqlite3"):
            config.setdefault("OPTIONS", {})
            config["OPTIONS"].setdefault("timeout", 20)
            config["OPTIONS"].setdefault(
                "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
            )
        if config["ENGINE"].endswith("postgresql"):
            # PostgreSQL's JIT compiles the scoped list queries for ~100 ms to save a few: off, unless
            # the URL's own options say otherwise (?options=-c%20jit%3Don).
            config.setdefault("OPTIONS", {})
            config["OPTIONS"].setdefault("options", "-c jit=off")
        return config


def _development_key(path: Path) -> str:
    from django.core.management.utils import get_random_secret_key

    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = get_random_secret_key()
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key
