"""No one can change or delete an audit entry through the app: not the model, the queryset, or the admin."""

from __future__ import annotations

import pytest
from django.db import transaction

from careerlens.audit.models import AuditEntry
from careerlens.audit.services import record_event


@pytest.fixture
def entry(users):
    return record_event("login", actor=users["practitioner"])


def test_an_entry_cannot_be_saved_again(entry):
    entry.actor_name = "someone else"
    with pytest.raises(PermissionError, match="cannot be changed"):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).actor_name == "practitioner"


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(PermissionError, match="cannot be deleted"):
        entry.delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_queryset_refuses_update_delete_and_bulk_update(entry):
    entries = AuditEntry.objects.filter(pk=entry.pk)
    with pytest.raises(PermissionError):
        entries.update(actor_name="someone else")
    with pytest.raises(PermissionError):
        entries.delete()
    entry.actor_name = "someone else"
    with pytest.raises(PermissionError), transaction.atomic():
        AuditEntry.objects.bulk_update([entry], ["actor_name"])
    assert AuditEntry.objects.get(pk=entry.pk).actor_name == "practitioner"


def test_deleting_the_actor_keeps_their_entries(users):
    from careerlens.accounts.models import User

    leaver = User.objects.create(username="leaver", role="client")
    leaver_pk = leaver.pk
    entry = record_event("login", actor=leaver)
    leaver.delete()
    kept = AuditEntry.objects.get(pk=entry.pk)
    assert kept.actor_id == leaver_pk and kept.actor_name == "leaver"


def test_the_admin_lists_and_shows_entries_but_cannot_add_change_or_delete(client_for, entry):
    admin = client_for("administrator")
    listing = admin.get("/en/admin/audit/auditentry/")
    assert listing.status_code == 200
    assert b"/add/" not in listing.content.split(b'id="changelist"')[-1]
    shown = admin.get(f"/en/admin/audit/auditentry/{entry.pk}/change/")
    assert shown.status_code == 200
    assert b'name="_save"' not in shown.content  # read-only: no save button
    assert admin.get("/en/admin/audit/auditentry/add/").status_code == 403
    assert (
        admin.post(f"/en/admin/audit/auditentry/{entry.pk}/change/", {"actor_name": "x"}).status_code == 403
    )
    assert admin.get(f"/en/admin/audit/auditentry/{entry.pk}/delete/").status_code == 403
    assert admin.post(f"/en/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    bulk = admin.post(
        "/en/admin/audit/auditentry/", {"action": "delete_selected", "_selected_action": [entry.pk]}
    )
    assert bulk.status_code in (200, 302)
    assert AuditEntry.objects.get(pk=entry.pk).actor_name == "practitioner"
