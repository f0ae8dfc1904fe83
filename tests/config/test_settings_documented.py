"""Every environment variable careerlens reads is documented in docs/settings.md, and nothing more."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "careerlens"
DOCS = ROOT / "docs" / "settings.md"
READERS = {"str", "bool", "int", "decimal", "list", "choice", "database", "raw"}


def variables_read(source: str) -> set[str]:
    """Names passed as literals to an Env reader (``env.int("X", …)``, ``self.raw("X")``) or to os.environ."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            owner = ast.unparse(func.value)
            reader = func.attr in READERS and owner in ("env", "self", "Env()")
            environ = func.attr in ("get", "setdefault", "getenv") and owner in ("os.environ", "os")
            if reader or environ:
                names.add(first.value)
    return names


def all_variables_read() -> dict[str, str]:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for name in variables_read(path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def documented() -> set[str]:
    return set(
        re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)
    )


def test_the_scanner_finds_readers():
    sample = 'env.int("A", 1)\nenv.bool("B", default=False)\nself.raw("C")\nos.environ.get("D")\nx.get("E")\n'
    assert variables_read(sample) == {"A", "B", "C", "D"}


def test_the_scanner_sees_the_settings():
    read = all_variables_read()
    assert {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "DATABASE_URL", "SESSION_IDLE_MINUTES"} <= set(read)


def test_every_variable_read_is_documented():
    missing = {name: where for name, where in all_variables_read().items() if name not in documented()}
    assert not missing, f"Document these in docs/settings.md (| `NAME` | type | default | what |): {missing}"


def test_every_documented_variable_is_read():
    stale = documented() - set(all_variables_read())
    assert not stale, f"docs/settings.md documents variables nothing reads: {sorted(stale)}"
