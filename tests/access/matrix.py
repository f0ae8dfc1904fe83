"""The persona access matrix: rows of (request) × persona → expected status.

Each area adds its rows in its own module, ``tests/access/rows_<area>.py``, as a list named ``ROWS``;
``test_matrix.py`` collects every such module. A row names every persona in ``tests.personas.PERSONAS``
(use :func:`expect` to write a default and the exceptions). ``test_coverage.py`` fails when a URL pattern
or API operation of the project has no row.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace

from tests.personas import PERSONAS

SIGNED_IN = tuple(persona for persona in PERSONAS if persona != "anonymous")
STAFF = ("practitioner", "provider_manager", "ssm_manager", "caseworker", "analyst", "administrator")

# The status an anonymous visitor gets from a page that needs an account: sent to sign in.
TO_SIGN_IN = 302


def expect(default: int, **exceptions: int) -> dict[str, int]:
    """Every persona gets ``default`` except those named: ``expect(200, anonymous=302)``."""
    unknown = set(exceptions) - set(PERSONAS)
    if unknown:
        raise ValueError(f"Unknown personas: {', '.join(sorted(unknown))}")
    return {persona: exceptions.get(persona, default) for persona in PERSONAS}


def only(personas: tuple[str, ...], status: int, otherwise: int, **exceptions: int) -> dict[str, int]:
    """``status`` for the named personas, ``otherwise`` for the others, then any ``exceptions``.

    ``only(("analyst", "administrator"), 200, otherwise=404, anonymous=302)``.
    """
    unknown = (set(personas) | set(exceptions)) - set(PERSONAS)
    if unknown:
        raise ValueError(f"Unknown personas: {', '.join(sorted(unknown))}")
    statuses = {persona: status if persona in personas else otherwise for persona in PERSONAS}
    statuses.update(exceptions)
    return statuses


@dataclass(frozen=True)
class Row:
    """One request and the status each persona must get.

    ``path`` is a path with its query (``/en/start/?q=1``), or a function of the test world that returns
    one (for ids known only at run time; give such a row a ``label``).
    """

    path: str | Callable[[SimpleNamespace], str]
    statuses: Mapping[str, int]
    method: str = "GET"
    data: dict | None = None
    as_json: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)
    label: str = ""

    def __post_init__(self):
        missing = set(PERSONAS) - set(self.statuses)
        extra = set(self.statuses) - set(PERSONAS)
        if missing or extra:
            raise ValueError(
                f"Row {self.name}: statuses must name exactly the personas "
                f"(missing {sorted(missing)}, unknown {sorted(extra)})."
            )
        if callable(self.path) and not self.label:
            raise ValueError("A row whose path is computed needs a label.")

    @property
    def name(self) -> str:
        return f"{self.method} {self.label or self.path}"

    def url(self, world) -> str:
        return self.path(world) if callable(self.path) else self.path

    def send(self, client, world):
        url = self.url(world)
        send = getattr(client, self.method.lower())
        extra = {f"HTTP_{key.upper().replace('-', '_')}": value for key, value in self.headers.items()}
        if self.as_json:
            return send(url, data=json.dumps(self.data or {}), content_type="application/json", **extra)
        if self.data is not None:
            return send(url, data=self.data, **extra)
        return send(url, **extra)


def row_modules() -> list[str]:
    """The names of the ``rows_*`` modules in this package."""
    import tests.access as package

    return sorted(
        info.name for info in pkgutil.iter_modules(package.__path__) if info.name.startswith("rows_")
    )


def collect_rows() -> list[tuple[str, Row]]:
    """Every row of every ``rows_*`` module, with the module's area (``rows_accounts`` → ``accounts``)."""
    rows = []
    for module_name in row_modules():
        module = importlib.import_module(f"tests.access.{module_name}")
        area = module_name.removeprefix("rows_")
        rows.extend((area, row) for row in module.ROWS)
    return rows
