"""docs/casework.md documents every field of every model of the casework and network apps, and the
settings casework uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps

from careerlens.casework.instrument import instrument

DOC = Path(__file__).resolve().parents[2] / "docs" / "casework.md"


@pytest.mark.parametrize("app", ["casework", "network"])
def test_every_field_is_documented(app):
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config(app).get_models()
        for field in model._meta.concrete_fields
        if field.name != "id" and f"`{field.name}`" not in text
    ]
    assert not missing, f"Document these fields in docs/casework.md: {missing}"


def test_the_settings_and_the_modules_are_documented():
    text = DOC.read_text(encoding="utf-8")
    for name in ("IES_MIN_HOURS", "IES_MIN_HOURLY_WAGE", "CHECKPOINT_MONTHS"):
        assert f"`{name}`" in text
    for module in instrument().modules:
        assert f"`{module.code}`" in text
