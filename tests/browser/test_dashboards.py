"""The dashboards on the demo province, in English and in French: an SSM manager sees their catchment's and
a ministry analyst the province's, charts drawn and tables filled; axe-core clean."""

from __future__ import annotations

import pytest

from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("username", "path"), [("ssm-manager", "ssm"), ("analyst", "province")])
def test_dashboards(page, language, username, path):
    sign_in(page, username, DEMO_PASSWORD, language)
    page.goto(f"/{language}/dashboards/{path}/", timeout=60000)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("main table").count() >= 4
    assert page.locator("main tbody tr").count() > 10
    page.wait_for_selector("[data-chart][data-rendered=true]", timeout=20000)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
