"""docs/clients.md documents every field of every model of the clients app."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps

DOC = Path(__file__).resolve().parents[2] / "docs" / "clients.md"


def test_every_field_is_documented():
    text = DOC.read_text(encoding="utf-8")
    missing = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_app_config("clients").get_models()
        for field in model._meta.concrete_fields
        if field.name != "id" and f"`{field.name}`" not in text
    ]
    assert not missing, f"Document these fields in docs/clients.md: {missing}"
    assert "`REFERRAL_WAIT_DAYS`" in text
