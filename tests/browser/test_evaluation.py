"""What works, in the browser, in English and in French: a ministry analyst evaluates a service on the demo
province and on an outside CSV, and reads each report; axe-core clean on every page."""

from __future__ import annotations

import re

import pytest

from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser
CSV = "\n".join(
    ["treated,employed,months_out,program"]
    + [
        f"{int((i * 7919) % 100 < 30 + i % 24)},{int((i * 104729) % 100 < 45 - i % 24)},{i % 24},"
        f"{'ow' if i % 3 == 0 else 'none'}"
        for i in range(500)
    ]
)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_analyst_evaluates_and_reads_the_reports(page, language, tmp_path):
    sign_in(page, "analyst", DEMO_PASSWORD, language)
    page.goto(f"/{language}/evaluations/")
    assert_accessible(page)
    page.select_option("select[name=treatment]", "career_counselling")
    page.select_option("select[name=outcome]", "job_12m")
    page.select_option("select[name=by]", "age_band")
    page.locator("form[action$='/run/'] button").click()
    page.wait_for_url(re.compile(rf"/{language}/evaluations/\d+/$"), timeout=120000)
    assert "55+" in page.locator("main").inner_text()
    page.wait_for_selector("[data-chart][data-rendered=true]", timeout=20000)
    assert_accessible(page)

    page.goto(f"/{language}/evaluations/")
    path = tmp_path / "outside.csv"
    path.write_text(CSV)
    page.set_input_files("input[name=data]", str(path))
    page.fill("input[name=treatment]", "treated")
    page.fill("input[name=outcome]", "employed")
    page.fill("input[name=covariates]", "months_out, program")
    page.locator("form[action$='/upload/'] button").click()
    page.wait_for_url(re.compile(rf"/{language}/evaluations/\d+/$"), timeout=120000)
    assert "outside.csv" in page.locator("main").inner_text()
    assert_accessible(page)
