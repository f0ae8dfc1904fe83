from __future__ import annotations

import pytest

from tests.segmentation.world import build_segmentation


@pytest.fixture
def seg(world):
    """The segmentation records of ``tests/segmentation/world.py``."""
    return build_segmentation(world)
