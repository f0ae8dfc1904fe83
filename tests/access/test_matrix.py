"""Every row of every ``rows_*`` module, for every persona: the status must be the one the row expects."""

from __future__ import annotations

import pytest

from tests.access.matrix import collect_rows
from tests.personas import PERSONAS

ROWS = collect_rows()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("area", "row"), ROWS, ids=[f"{area}: {row.name}" for area, row in ROWS])
def test_persona_gets_the_expected_status(client_for, world, area, row, persona):
    response = row.send(client_for(persona), world)
    expected = row.statuses[persona]
    assert response.status_code == expected, (
        f"{row.method} {row.url(world)} as {persona}: expected {expected}, got {response.status_code}"
    )
    if response.status_code >= 500:
        pytest.fail("no page may answer with a server error")


def test_rows_are_not_repeated():
    seen = {}
    for area, row in ROWS:
        key = (row.method, row.label or row.path, repr(row.data))
        assert key not in seen, f"{row.name} is in both rows_{seen[key]} and rows_{area}"
        seen[key] = area


def test_every_area_has_rows():
    areas = {area for area, _row in ROWS}
    assert {"web", "accounts", "audit", "api"} <= areas
