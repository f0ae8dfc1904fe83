from __future__ import annotations

import pytest

from tests.audit.conftest import entries_for, new_entries  # noqa: F401  (shared audit-trail fixtures)
from tests.clients.world import build_clients


@pytest.fixture
def people(world):
    """The clients and referrals of ``tests/clients/world.py``."""
    return build_clients(world)
