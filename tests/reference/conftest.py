"""Fixtures of the reference tests: a writable copy of the reference data, for corrupting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


@pytest.fixture
def data_copy(tmp_path, settings):
    """A copy of the reference data; ``settings.REFERENCE_DATA_DIR`` points to it for this test."""
    target = tmp_path / "data"
    shutil.copytree(Path(settings.REFERENCE_DATA_DIR), target, ignore=shutil.ignore_patterns("automation"))
    settings.REFERENCE_DATA_DIR = target
    return target
