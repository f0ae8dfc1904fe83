"""Segmentation in the browser, in English and in French: a practitioner sees a client's proposed stream
with its reasons and overrides it with a reason; an SSM manager reads the model card and fairness audit of
the active version and approves and activates the version waiting; the outreach list exists. axe-core is
clean on every page."""

from __future__ import annotations

import re

import pytest

from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def _sign_out(page):
    page.locator("header form button[type=submit]").click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_practitioner_overrides_a_stream_with_a_reason(page, language):
    sign_in(page, "practitioner", DEMO_PASSWORD, language)
    page.goto(f"/{language}/clients/")
    href = page.locator("main table a").first.get_attribute("href")
    client_id = re.search(r"/clients/(\d+)/", href).group(1)
    page.goto(f"/{language}/segmentation/clients/{client_id}/")
    assert_accessible(page)
    proposed = page.locator("input[name=final_stream]:checked").get_attribute("value")
    other = "A" if proposed != "A" else "C"
    page.locator(f"input[name=final_stream][value={other}]").check()
    page.locator("main form button[type=submit]").click()
    assert page.locator("#form-errors").count() == 1  # no reason: refused, the choice kept
    assert page.locator(f"input[name=final_stream][value={other}]").is_checked()
    assert_accessible(page)
    page.fill("textarea[name=reason]", "Confirmed job offer; no need for intensive support.")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/segmentation/clients/{client_id}/$"))
    assert "Confirmed job offer" in page.locator("main table").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_ssm_manager_reads_the_card_and_approves_the_new_version(page, language):
    sign_in(page, "ssm-manager", DEMO_PASSWORD, language)
    page.goto(f"/{language}/segmentation/")
    assert_accessible(page)
    page.locator("main table a").first.click()  # the newest version first
    assert_accessible(page)
    assert page.locator("main h2").count() > 5  # the card and its audit
    approve = page.locator("form[action$='/approve/'] button")
    if approve.count():  # the first language's run approves v2; the second finds it active already
        approve.click()
        page.locator("form[action$='/activate/'] button").click()
        page.wait_for_load_state()
    assert page.locator("form[action$='/approve/']").count() == 0
    assert_accessible(page)
    page.goto(f"/{language}/segmentation/outreach/")
    assert_accessible(page)
    page.goto(f"/{language}/segmentation/overrides/")
    assert_accessible(page)
