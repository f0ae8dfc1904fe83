"""The caseload: who is on it, its filters, and a fixed number of queries however many clients."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from careerlens.casework import selectors
from careerlens.casework.models import CaseTask, Episode
from careerlens.clients.models import Client
from careerlens.network.models import Assignment

ASSIGNED_SUBQUERY = 'IN (SELECT U0."client_id" AS "client_id" FROM "network_assignment"'


def _names(queryset):
    return {client.last_name for client in queryset}


def test_the_practitioner_sees_their_assigned_clients_with_what_is_due(case, world):
    found = selectors.caseload(world.users["practitioner"])
    assert _names(found) == {"Haddad"}
    amira = found.get()
    assert amira.stream == "B" and amira.checkpoints_due == 2 and amira.tasks_due == 1
    assert amira.practitioner_last == world.users["practitioner"].last_name


def test_filters(case, world):
    practitioner = world.users["practitioner"]
    assert not selectors.caseload(practitioner, stream="A").exists()
    assert selectors.caseload(practitioner, stream="B", due_only=True).exists()
    assert not selectors.caseload(practitioner, status="closed").exists()
    Episode.objects.filter(pk=case.amira.episode.pk).update(
        closed_on=timezone.localdate(), exit_reason="employed"
    )
    assert selectors.caseload(practitioner, status="closed").exists()
    assert selectors.caseload(practitioner, status="all").exists()


def test_other_roles_have_no_caseload(case, world):
    for persona in ("caseworker", "ssm_manager", "analyst", "client", "stranger"):
        assert not selectors.caseload(world.users[persona]).exists()
    assert _names(selectors.caseload(world.users["other_practitioner"])) == {"Tremblay"}
    assert _names(selectors.caseload(world.users["provider_manager"])) == {"Haddad"}


def _add_clients(world, count: int) -> None:
    practitioner = world.users["practitioner"]
    start = Client.objects.count()
    Client.objects.bulk_create(
        Client(
            first_name=f"Test{i}",
            last_name=f"Client{i:05d}",
            date_of_birth=datetime.date(1980, 1, 1),
            postal_code="L6Y 1N2",
            catchment_id="peel",
            registered_by=world.provider,
        )
        for i in range(start, start + count)
    )
    new = list(Client.objects.filter(first_name__startswith="Test"))
    Assignment.objects.bulk_create(
        Assignment(client=c, practitioner=practitioner, provider=world.provider)
        for c in new
        if not Assignment.objects.filter(client=c).exists()
    )
    Episode.objects.bulk_create(
        Episode(client=c, provider=world.provider, stream="C")
        for c in new
        if not Episode.objects.filter(client=c).exists()
    )
    CaseTask.objects.bulk_create(
        CaseTask(client=c, title="Call", due_on=timezone.localdate()) for c in new[:50]
    )


def _page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/casework/?status=all")
    assert response.status_code == 200
    return len(queries)


def test_the_caseload_page_keeps_a_fixed_number_of_queries(case, world, client_for):
    browser = client_for("practitioner")
    _add_clients(world, 10)
    _page_queries(browser)  # the first request renews the session (a write once a minute)
    few = _page_queries(browser)
    _add_clients(world, 990)
    assert selectors.caseload(world.users["practitioner"], status="all").count() == 1001
    assert _page_queries(browser) == few
    response = browser.get("/en/casework/?status=all&due=on")
    assert response.context["page"].paginator.count == 51


def test_a_large_caseload_reads_its_clients_through_a_subquery_with_the_same_answer(case, world, monkeypatch):
    manager = world.users["provider_manager"]
    _add_clients(world, 5)
    by_key = selectors.caseload(manager, status="all", due_only=True)
    assert ASSIGNED_SUBQUERY not in str(by_key.query)
    monkeypatch.setattr(selectors, "ASSIGNED_BY_KEY", 2)
    through_subquery = selectors.caseload(manager, status="all", due_only=True)
    assert ASSIGNED_SUBQUERY in str(through_subquery.query)
    keys = list(by_key.values_list("pk", flat=True))
    assert list(through_subquery.values_list("pk", flat=True)) == keys and len(keys) == 6
