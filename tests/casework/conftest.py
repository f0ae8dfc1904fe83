from __future__ import annotations

import pytest

from tests.audit.conftest import entries_for, new_entries  # noqa: F401  (shared audit-trail fixtures)
from tests.casework.world import build_casework


@pytest.fixture
def case(world):
    """The casework records of ``tests/casework/world.py``."""
    return build_casework(world)
