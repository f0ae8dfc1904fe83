"""The career check-up end to end, anonymously: in French as an employed welder aged 58 and in English as a
laid-off retail supervisor. Each sees pathways and programs, downloads the PDF, saves with an account and
shares with a provider of Hamilton–Niagara; the demo practitioner then sees the self-referral in their list.
Every form is filled from the keyboard (focus, then keys: Space ticks, typing fills, Enter submits), in a
phone-sized and a desktop-sized window; a step's fields are reached with the Tab key. axe-core on every
page."""

from __future__ import annotations

import re

import pytest

from careerlens.casework.instrument import instrument
from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser
PROVIDER = "hamilton-niagara-p1"
FOCUSED = "(e => e.tagName === 'BUTTON' ? 'button:' + e.value : e.name || '')(document.activeElement)"
WINDOWS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
PEOPLE = {
    "fr": {
        "situation": "employed",
        "age": "58",
        "occupation": "soudeur",
        "years": "30",
        "training": "12",
        "wants": ["stability", "fewer_hours"],
        "teer": "1",
        "postal_code": "L8P 4R5",
        "name": ("Gilles", "Tremblay"),
        "expect": ("Soudeurs/soudeuses", "Initiative ciblée pour les travailleurs âgés"),
    },
    "en": {
        "situation": "notice",
        "age": "44",
        "occupation": "retail supervisor",
        "years": "9",
        "training": "4",
        "wants": ["pay", "growth"],
        "teer": "any",
        "postal_code": "L9A 1B2",
        "name": ("Maya", "Castellanos"),
        "expect": ("Retail sales supervisors", "Better Jobs Ontario"),
    },
}


def _tick(page, selector: str) -> None:
    page.locator(selector).focus()
    page.keyboard.press("Space")


def _type(page, name: str, value: str) -> None:
    page.locator(f"[name={name}]").focus()
    page.keyboard.type(value)


def _press_enter_on(page, selector: str) -> None:
    page.locator(selector).focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _continue(page) -> None:
    assert_accessible(page)
    _press_enter_on(page, "button[name=then][value=next]")


def _journey(page, language: str, who: dict) -> None:
    page.goto(f"/{language}/check-up/")
    assert_accessible(page)
    _press_enter_on(page, "main a[href$='/check-up/step/situation/']")
    _tick(page, f"input[name=situation][value={who['situation']}]")
    _type(page, "age", who["age"])
    _continue(page)
    _type(page, "occupation", who["occupation"])
    _type(page, "years", who["years"])
    _type(page, "training", who["training"])
    _continue(page)
    for want in who["wants"]:
        _tick(page, f"input[name=wants][value={want}]")
    _tick(page, f"input[name=max_teer_step][value='{who['teer']}']")
    _continue(page)
    for module in ("interests", "adaptability"):
        for number, question in enumerate(instrument().module(module).questions):
            _tick(page, f"input[name={question.id}][value='{4 if number % 3 else 2}']")
        _continue(page)
    assert page.locator("input[name^=F]").count() > 0  # the occupation's main skills
    _continue(page)  # leave the typical levels
    _type(page, "postal_code", who["postal_code"])
    _continue(page)
    page.wait_for_url(re.compile(f"/{language}/check-up/results/$"))


def _results(page, language: str, who: dict) -> None:
    assert_accessible(page)
    for text in who["expect"]:
        assert text in page.content()
    assert page.locator("#pathways ~ h3").count() > 0
    assert page.locator("section[aria-labelledby=programs] li").count() > 0
    assert PROVIDER in page.content() or page.locator("section[aria-labelledby=providers] li").count() > 0
    with page.expect_download() as download:
        page.locator("a[href$='format=pdf']").first.click()
    assert download.value.suggested_filename == f"career-check-up-{language}.pdf"
    page.goto(f"/{language}/check-up/results/summary/")
    assert_accessible(page)


def _save_and_share(page, language: str, who: dict, username: str) -> None:
    page.goto(f"/{language}/check-up/save/")
    assert_accessible(page)
    first, last = who["name"]
    _type(page, "username", username)
    _type(page, "password", "a long quiet river 2026")
    _type(page, "password_again", "a long quiet river 2026")
    _type(page, "first_name", first)
    _type(page, "last_name", last)
    page.locator("[name=date_of_birth]").fill("1968-04-09")  # the date picker takes no typed text
    page.locator("[name=postal_code]").fill(who["postal_code"])
    _press_enter_on(page, "main form button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    page.goto(f"/{language}/check-up/mine/share/")
    assert_accessible(page)
    _tick(page, f"input[name=provider][value={PROVIDER}]")
    _tick(page, "input[name=consent]")
    _press_enter_on(page, "main form button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    page.locator("header form button[type=submit]").click()  # sign out
    page.wait_for_load_state()


@pytest.mark.parametrize("window", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_check_up_journey_ends_with_a_self_referral_the_practitioner_sees(page, language, window):
    first, last = PEOPLE[language]["name"]
    who = {**PEOPLE[language], "name": (first, f"{last}-{window}")}
    page.set_viewport_size(WINDOWS[window])
    _journey(page, language, who)
    _results(page, language, who)
    _save_and_share(page, language, who, f"checkup-{language}-{window}")
    sign_in(page, "practitioner", DEMO_PASSWORD, "en")
    page.goto("/en/clients/referrals/?status=sent&page=999999")  # the last page: newest
    assert_accessible(page)
    assert first in page.content() and f"{last}-{window}" in page.content()


@pytest.mark.parametrize("window", ["phone", "desktop"])
def test_every_field_of_a_step_is_reached_with_the_tab_key(page, window):
    page.set_viewport_size(WINDOWS[window])
    page.goto("/fr/check-up/step/situation/")
    reached = set()
    for _press in range(80):
        page.keyboard.press("Tab")
        reached.add(page.evaluate(FOCUSED))
        if "button:next" in reached:
            break
    assert {"situation", "age", "button:next"} <= reached, reached
