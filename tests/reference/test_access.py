"""The reference rows of the persona access matrix (``access_rows.py``), for every persona."""

from __future__ import annotations

import pytest

from tests.personas import PERSONAS
from tests.reference.access_rows import ROWS


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_persona_gets_the_expected_status(client_for, world, row, persona):
    response = row.send(client_for(persona), world)
    expected = row.statuses[persona]
    assert response.status_code == expected, (
        f"{row.method} {row.url(world)} as {persona}: expected {expected}, got {response.status_code}"
    )
