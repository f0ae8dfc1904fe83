"""A practitioner signs in, switches to French, searches an occupation and finds it; every page is checked
with axe-core (no serious or critical WCAG 2.1 AA violation)."""

import re

import pytest

from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_practitioner_signs_in_switches_to_french_and_finds_an_occupation(page):
    page.goto("/en/")
    assert_accessible(page)

    page.goto("/en/accounts/login/")
    assert_accessible(page)
    sign_in(page, "practitioner", DEMO_PASSWORD)
    page.wait_for_url(re.compile(r"/en/start/$"))
    assert page.locator("h1").inner_text().startswith("Welcome")
    assert_accessible(page)

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/start/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)

    page.locator("#start-q").fill("soudeur")
    page.locator("#start-q").press("Enter")
    page.wait_for_url(re.compile(r"/fr/reference/occupations/\?q=soudeur"))
    results = page.locator("main")
    assert "72106" in results.inner_text()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("72106|[Ss]oudeurs")).first.click()
    page.wait_for_url(re.compile(r"/fr/reference/occupations/72106/"))
    assert_accessible(page)


def test_a_failed_sign_in_keeps_the_username_and_says_what_is_wrong(page):
    page.goto("/en/accounts/login/")
    page.get_by_label("Username").fill("practitioner")
    page.locator("input[name=password]").fill("not the password")
    page.locator("main button[type=submit]").click()
    assert page.get_by_label("Username").input_value() == "practitioner"
    assert "do not match" in page.get_by_role("alert").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize(
    "username", ["client", "provider-manager", "ssm-manager", "caseworker", "analyst", "admin"]
)
def test_every_role_start_page_is_accessible_in_both_languages(page, username):
    sign_in(page, username, DEMO_PASSWORD)
    page.wait_for_url(re.compile(r"/en/start/$"))
    assert_accessible(page)
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/start/$"))
    assert_accessible(page)
