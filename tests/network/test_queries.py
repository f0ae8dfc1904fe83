"""The practitioners list runs a fixed number of queries, however many practitioners it shows."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role


def _add(world, count: int, start: int) -> None:
    for number in range(start, start + count):
        User.objects.create(
            username=f"practitioner{number}",
            role=Role.PRACTITIONER,
            organisation=world.site,  # at a site: the provider is the site's parent
            first_name=f"Person{number}",
            last_name="Sample",
        )


def _queries(browser) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = browser.get("/en/network/practitioners/")
    assert response.status_code == 200
    return len(captured)


def test_the_practitioners_list_does_not_grow_with_its_rows(world, client_for):
    browser = client_for("provider_manager")
    _add(world, 2, 0)
    browser.get("/en/network/practitioners/")  # the first request renews the session
    few = _queries(browser)
    _add(world, 30, 2)
    many = _queries(browser)
    assert many == few
    assert "Person31" in browser.get("/en/network/practitioners/").content.decode()
