"""Administrators browse the audit trail and filter it by actor, action, record type, dates and request id."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from careerlens.audit.context import acting_as
from careerlens.audit.models import AuditEntry
from careerlens.audit.services import record_event


def _at(day: datetime.date):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def trail(users, world):
    """Four entries: two logins on different days, an organisation change and a failed login."""
    with _at(datetime.date(2025, 1, 10)), acting_as(None, source="web", request_id="req-january-0001"):
        january = record_event("login", actor=users["practitioner"])
    with _at(datetime.date(2025, 3, 5)), acting_as(None, source="web", request_id="req-march-00001"):
        march = record_event("login", actor=users["analyst"])
    with _at(datetime.date(2025, 3, 6)), acting_as(users["administrator"], request_id="req-change-0001"):
        world.site.city = "Bolton"
        world.site.save()
    change = AuditEntry.objects.get(request_id="req-change-0001")
    with _at(datetime.date(2025, 3, 7)), acting_as(None, source="web", request_id="req-failed-0001"):
        failed = record_event("login_failed", detail={"username": "mallory"})
    return {"january": january, "march": march, "change": change, "failed": failed}


def _shown(response, trail) -> set[str]:
    ids = {f'href="/en/audit/{entry.pk}/"': name for name, entry in trail.items()}
    body = response.content.decode()
    return {name for marker, name in ids.items() if marker in body}


def _browse(client_for, **query):
    return client_for("administrator").get("/en/audit/", query)


def test_the_trail_lists_every_entry_newest_first(client_for, trail):
    response = _browse(client_for, since="2025-01-01", until="2025-12-31")
    assert _shown(response, trail) == {"january", "march", "change", "failed"}
    body = response.content.decode()
    assert body.index(f"/en/audit/{trail['failed'].pk}/") < body.index(f"/en/audit/{trail['january'].pk}/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"actor": "analy"}, {"march"}),
        ({"action": "login"}, {"january", "march"}),
        ({"action": "login_failed"}, {"failed"}),
        ({"record_type": "accounts.organisation"}, {"change"}),
        ({"request_id": "req-march-00001"}, {"march"}),
        ({"since": "2025-03-01", "until": "2025-03-06"}, {"march", "change"}),
        ({"since": "2025-03-07"}, {"failed"}),
        ({"until": "2025-01-10"}, {"january"}),
        ({"action": "login", "since": "2025-02-01"}, {"march"}),
    ],
)
def test_filters(client_for, trail, query, expected):
    response = _browse(client_for, **query)
    assert response.status_code == 200
    assert _shown(response, trail) == expected


def test_a_date_range_that_ends_before_it_starts_is_a_form_error(client_for, trail):
    response = _browse(client_for, since="2025-03-01", until="2025-01-01")
    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()
    assert response.context["form"].errors["until"]
    assert _shown(response, trail) == set()


def test_a_bad_date_is_a_form_error(client_for, trail):
    response = _browse(client_for, since="last tuesday")
    assert response.context["form"].errors["since"]
    assert _shown(response, trail) == set()


def test_an_unknown_record_type_is_a_form_error(client_for, trail):
    response = _browse(client_for, record_type="auth.permission")
    assert response.context["form"].errors["record_type"]


def test_an_entry_shows_its_values_before_and_after(client_for, trail):
    response = client_for("administrator").get(f"/en/audit/{trail['change'].pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bolton" in body and "city" in body
    assert 'href="/en/audit/?request_id=req-change-0001"' in body


def test_the_audit_trail_is_in_french_too(client_for, trail):
    response = client_for("administrator").get("/fr/audit/", {"since": "2025-03-01", "until": "2025-01-01"})
    body = response.content.decode()
    assert "Journal d’audit" in body
    assert "La date de fin précède la date de début." in body
