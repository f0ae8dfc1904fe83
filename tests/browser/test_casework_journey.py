"""The whole casework journey, in English and in French: an OW caseworker registers and refers a client →
a practitioner accepts the referral, does the intake and the common assessment → builds the action plan →
records a job that started four months ago → the background worker makes the 3-month checkpoint's reminder
→ the practitioner verifies the checkpoint. axe-core is clean on every page."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import SERVED, assert_accessible, sign_in

pytestmark = pytest.mark.browser
PROVIDER = "hamilton-niagara-p1"
NAMES = {"en": ("Olivia", "Bergstrom"), "fr": ("Élodie", "Laframboise")}


def _months_ago(months: int) -> str:
    day = datetime.date.today()
    month = day.month - 1 - months
    return datetime.date(day.year + month // 12, month % 12 + 1, min(day.day, 28)).isoformat()


def _submit(page):
    page.locator("main form[method=post] button[type=submit]").last.click()


def _sign_out(page):
    page.locator("header form button[type=submit]").click()


def _refer(page, language):
    first, last = NAMES[language]
    sign_in(page, "caseworker", DEMO_PASSWORD, language)
    page.goto(f"/{language}/clients/new/")
    assert_accessible(page)
    page.fill("input[name=first_name]", first)
    page.fill("input[name=last_name]", last)
    page.fill("input[name=date_of_birth]", "1967-03-14")  # 58 and just laid off
    page.fill("input[name=postal_code]", "L8P 4R5")
    page.select_option("select[name=catchment]", "hamilton-niagara")
    page.select_option("select[name=language]", language)
    _submit(page)
    page.wait_for_url(re.compile(rf"/{language}/clients/\d+/$"))
    client_url = page.url
    page.goto(client_url + "referrals/new/")
    assert_accessible(page)
    page.select_option("select[name=provider]", PROVIDER)
    page.fill("textarea[name=note]", "Laid off after 30 years in manufacturing.")
    _submit(page)
    page.wait_for_load_state()
    _sign_out(page)
    return int(re.search(r"/clients/(\d+)/", client_url).group(1))


def _accept_and_open(page, language, client_id):
    sign_in(page, "practitioner", DEMO_PASSWORD, language)
    page.goto(f"/{language}/clients/{client_id}/")
    page.locator("main a[href*='/clients/referrals/']").first.click()
    for status in ("accepted", "intake_booked", "intake_done"):
        assert_accessible(page)
        page.locator(f"button[name=to_status][value={status}]").click()
        page.wait_for_load_state()
    page.goto(f"/{language}/casework/clients/{client_id}/episodes/new/")
    assert_accessible(page)
    page.select_option("select[name=stream]", "C")
    _submit(page)
    page.wait_for_url(re.compile(rf"/{language}/casework/clients/{client_id}/$"))
    assert_accessible(page)


def _own_profile(page, language):
    page.goto(f"/{language}/network/practitioners/")
    assert_accessible(page)
    page.locator("main table a").filter(has_text="Priya").click()
    assert_accessible(page)
    page.evaluate("document.querySelectorAll('input[type=checkbox]').forEach(box => box.checked = true)")
    _submit(page)
    page.wait_for_url(re.compile(rf"/{language}/network/practitioners/$"))


def _assess(page, language, client_id):
    page.goto(f"/{language}/casework/clients/{client_id}/")
    page.locator("form[action$='/assessments/new/'] button").click()
    while "/assessments/" in page.url and not re.search(r"/assessments/\d+/$", page.url):
        assert_accessible(page)
        page.evaluate(
            """() => {
                const groups = new Set([...document.querySelectorAll('input[type=radio]')].map(r => r.name));
                groups.forEach(name => document.querySelector(`input[type=radio][name="${name}"]`).click());
            }"""
        )
        for name, value in (
            ("months_out_of_work", "2"),
            ("last_occupation", "94105"),
            ("last_hourly_wage", "31.40"),
            ("goal_hourly_wage", "30"),
        ):
            if page.locator(f"input[name={name}]").count():
                page.fill(f"input[name={name}]", value)
        page.locator("button[name=then][value=next]").click()
        page.wait_for_load_state()
    assert_accessible(page)
    page.locator("form[action$='/complete/'] button").click()
    page.wait_for_load_state()
    assert page.locator("dl.cl-details").count() == 1  # the scores
    assert_accessible(page)


def _plan_and_job(page, language, client_id):
    base = f"/{language}/casework/clients/{client_id}/"
    page.goto(base + "assign/")
    assert_accessible(page)
    page.locator("select[name=practitioner]").select_option(label="Priya Raman")
    _submit(page)
    page.wait_for_url(re.compile(rf"{base}$"))
    page.goto(base + "plan/")
    assert_accessible(page)
    page.fill("input[name=career_goal]", "72106")
    page.fill("textarea[name=goal]", "Use my machining skills in a steadier trade.")
    _submit(page)
    page.wait_for_url(re.compile(rf"{base}$"))
    page.locator("main a[href*='/items/new/']").click()
    assert_accessible(page)
    page.select_option("select[name=intervention]", "late_career_planning")
    _submit(page)
    page.wait_for_url(re.compile(rf"{base}$"))
    page.goto(base + "jobs/new/")
    assert_accessible(page)
    page.fill("input[name=employer]", "Hamilton Fabrication")
    page.fill("input[name=occupation]", "72106")
    page.fill("input[name=hours_per_week]", "37.5")
    page.fill("input[name=hourly_wage]", "29.75")
    page.fill("input[name=start_date]", _months_ago(4))
    _submit(page)
    page.wait_for_url(re.compile(rf"{base}$"))


def _checkpoint(page, language, client_id):
    # The worker runs the reminders whose time has come: the 1- and 3-month checkpoints.
    subprocess.run(
        [*SERVED["command"], "db_worker", "--batch", "--no-startup-delay"],
        env=SERVED["env"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    page.goto(f"/{language}/casework/clients/{client_id}/")
    assert_accessible(page)
    assert page.locator("main").get_by_text(re.compile("3")).count()
    page.locator("main a[href*='/checkpoints/']").nth(1).click()  # the second due: 3 months
    assert_accessible(page)
    page.locator("input[name=employed][value=True]").check()
    page.fill("input[name=hours_per_week]", "37.5")
    page.fill("input[name=hourly_wage]", "29.75")
    page.select_option("select[name=evidence]", "pay_stub")
    _submit(page)
    page.wait_for_url(re.compile(rf"/{language}/casework/clients/{client_id}/$"))
    assert_accessible(page)
    return page.locator("main").inner_text()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_referral_to_a_verified_three_month_checkpoint(page, language):
    client_id = _refer(page, language)
    _accept_and_open(page, language, client_id)
    _own_profile(page, language)
    _assess(page, language, client_id)
    _plan_and_job(page, language, client_id)
    text = _checkpoint(page, language, client_id)
    verified = {
        "en": "3-month checkpoint verified: outcome met",
        "fr": "Point de contrôle de 3 mois vérifié : résultat atteint",
    }[language]
    assert verified in text
    assert page.locator("html").get_attribute("lang") == language
    page.goto(f"/{language}/casework/")
    assert_accessible(page)
    assert NAMES[language][1] in page.locator("main").inner_text()
