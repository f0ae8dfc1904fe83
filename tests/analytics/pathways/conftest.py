"""One engine over the shipped reference files, built once for the pathway tests (about a second)."""

from __future__ import annotations

import pytest

from careerlens.analytics.pathways import Engine, oasis


@pytest.fixture(scope="session")
def engine():
    return Engine.from_reference()


@pytest.fixture(scope="session")
def profiles():
    return oasis.load_profiles()


@pytest.fixture(scope="session")
def toy_long():
    """A tiny taxonomy in the long format: 4 occupations, 2 facets, no TEER."""
    rows = []
    levels = {
        "A": {"s1": 5, "s2": 4, "s3": 1, "k1": 3},
        "B": {"s1": 5, "s2": 4, "s3": 2, "k1": 3},
        "C": {"s1": 1, "s2": 1, "s3": 5, "k1": 0},
        "D": {"s1": 2, "s2": 1, "s3": 1, "k1": 1},
    }
    for occupation, ratings in levels.items():
        for descriptor, value in ratings.items():
            facet = "skills" if descriptor.startswith("s") else "knowledge"
            rows.append((occupation, facet, descriptor, value, 5 if facet == "skills" else 3))
    return {
        name: [r[i] for r in rows]
        for i, name in enumerate(("occupation", "facet", "descriptor", "value", "scale_max"))
    }
