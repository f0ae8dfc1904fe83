"""The audit trail: administrators only; everyone else gets 404, as if it did not exist."""

from tests.access.matrix import TO_SIGN_IN, Row, expect, only

ADMIN_ONLY = only(("administrator",), 200, otherwise=404, anonymous=TO_SIGN_IN)


def _latest_entry(world) -> str:
    from careerlens.audit.models import AuditEntry
    from careerlens.audit.services import record_event

    entry = AuditEntry.objects.first() or record_event("login", actor=world.users["administrator"])
    return f"/en/audit/{entry.pk}/"


ROWS = [
    Row("/en/audit/", ADMIN_ONLY),
    Row("/en/audit/?action=create&record_type=accounts.organisation&since=2024-01-01", ADMIN_ONLY),
    Row("/en/audit/?since=2025-02-01&until=2025-01-01", ADMIN_ONLY),  # the form shows the error
    Row("/en/audit/", expect(405, anonymous=TO_SIGN_IN), method="POST"),  # the trail is read-only
    Row(_latest_entry, ADMIN_ONLY, label="/en/audit/<latest entry>/"),
    Row("/en/audit/999999999/", expect(404, anonymous=TO_SIGN_IN)),
]
