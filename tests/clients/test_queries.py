"""List pages run a fixed number of queries, however many rows they show."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerlens.clients.models import Client, Referral


def _add(world, count: int, start: int) -> None:
    for number in range(start, start + count):
        client = Client.objects.create(
            first_name=f"Person{number}",
            last_name="Sample",
            date_of_birth=datetime.date(1980, 1, 1) + datetime.timedelta(days=number),
            postal_code="L6Y 1N2",
            catchment_id="peel",
            registered_by=world.provider,
        )
        Referral.objects.create(client=client, provider=world.provider, source="provider")


def _queries(browser, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert browser.get(url).status_code == 200
    return len(captured)


def test_lists_do_not_grow_with_their_rows(people, world, client_for):
    browser = client_for("provider_manager")
    urls = ("/en/clients/", "/en/clients/referrals/", "/en/clients/referrals/overdue/", "/api/v1/referrals")
    _add(world, 2, 0)
    for url in urls:  # the first request renews the session (a write once a minute); count the others
        browser.get(url)
    few = {url: _queries(browser, url) for url in urls}
    _add(world, 30, 2)
    many = {url: _queries(browser, url) for url in urls}
    assert many == few
    assert Client.objects.restrict(world.users["provider_manager"]).count() >= 34
