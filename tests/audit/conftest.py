"""Fixtures for looking at the audit trail a test produced (the session's persona world is audited too)."""

from __future__ import annotations

import pytest

from careerlens.audit.models import AuditEntry


@pytest.fixture
def new_entries(world):
    """``new_entries(action="login")``: entries made since the test began, filtered."""
    first = (AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1

    def find(**filters):
        return AuditEntry.objects.filter(pk__gte=first, **filters)

    return find


@pytest.fixture
def entries_for(new_entries):
    """``entries_for(instance, "update")``: this test's entries about one record."""

    def find(instance, action=None):
        entries = new_entries(
            content_type__app_label=instance._meta.app_label,
            content_type__model=instance._meta.model_name,
            object_id=str(instance.pk),
        )
        return entries.filter(action=action) if action else entries

    return find
