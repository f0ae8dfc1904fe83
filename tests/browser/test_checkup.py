"""The career check-up end to end, anonymously and by keyboard only: in French as an employed welder aged 58
and in English as a laid-off retail supervisor. Each sees pathways and programs, downloads the PDF, saves
with an account, shares with a provider of Hamilton–Niagara, asks for a yearly reminder, takes the check-up
again from the saved answers and deletes everything saved; the demo practitioner then sees the
self-referral in their list. The journey is a keyboard walk: the Tab key (Shift+Tab backwards) moves the
focus to each control, then only keys operate it (arrows and Space choose, typing fills, Enter follows a
link, downloads the PDF or submits), in a phone-sized and a desktop-sized window. axe-core on every page.
Only the practitioner's check afterwards uses ordinary Playwright calls."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerlens.casework.instrument import instrument
from careerlens.demo.accounts import DEMO_PASSWORD
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser
PROVIDER = "hamilton-niagara-p1"
FOCUSED = "(e => e.tagName === 'BUTTON' ? 'button:' + e.value : e.name || '')(document.activeElement)"
DESCRIBE = "(e => e.outerHTML.slice(0, 200))(document.activeElement)"
TAB_LIMIT = 120  # Tab presses before a control counts as unreachable
ARROW_LIMIT = 12  # arrow presses within a radio group
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


def _tab_to(page, selector: str, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab when ``backwards``) until the focused element matches ``selector``."""
    key = "Shift+Tab" if backwards else "Tab"
    for _press in range(TAB_LIMIT):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    pytest.fail(
        f"{selector} is not reached with {TAB_LIMIT} presses of {key} on {page.url}; "
        f"the focus is on {page.evaluate(DESCRIBE)}"
    )


def _choose(page, name: str, value: str) -> None:
    """A radio button: Tab into its group, arrows to the wanted one, Space to choose it."""
    _tab_to(page, f"input[type=radio][name='{name}']")
    for _press in range(ARROW_LIMIT):
        if page.evaluate("v => document.activeElement.value === v", value):
            break
        page.keyboard.press("ArrowDown")
    else:
        pytest.fail(f"the arrows never reach {name}={value} on {page.url}")
    page.keyboard.press("Space")
    assert page.locator(f"input[name='{name}'][value='{value}']").is_checked(), (name, value)


def _tick(page, selector: str) -> None:
    _tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.locator(selector).is_checked(), selector


def _type(page, name: str, value: str) -> None:
    """Tab to a text field, select what it holds (Ctrl+A) and type over it."""
    _tab_to(page, f"[name='{name}']")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type(value)


def _enter_on(page, selector: str, backwards: bool = False) -> None:
    _tab_to(page, selector, backwards)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _continue(page) -> None:
    assert_accessible(page)
    _enter_on(page, "button[name=then][value=next]")


def _journey(page, language: str, who: dict) -> None:
    page.goto(f"/{language}/check-up/")
    assert_accessible(page)
    _enter_on(page, "main a[href$='/check-up/step/situation/']")
    _choose(page, "situation", who["situation"])
    _type(page, "age", who["age"])
    _continue(page)
    _type(page, "occupation", who["occupation"])
    _type(page, "years", who["years"])
    _type(page, "training", who["training"])
    _continue(page)
    for want in who["wants"]:
        _tick(page, f"input[name=wants][value={want}]")
    _choose(page, "max_teer_step", who["teer"])
    _continue(page)
    for module in ("interests", "adaptability"):
        for number, question in enumerate(instrument().module(module).questions):
            _choose(page, question.id, str(4 if number % 3 else 2))
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
    _tab_to(page, "main a[href$='format=pdf']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == f"career-check-up-{language}.pdf"
    assert Path(download.value.path()).read_bytes()[:5] == b"%PDF-"
    # From the PDF link, back to the printable summary's link just before it, then back to the results.
    _enter_on(page, "main a[href$='/check-up/results/summary/']", backwards=True)
    assert_accessible(page)
    _enter_on(page, "main a[href$='/check-up/results/']")


def _next_steps(page, language: str, who: dict, username: str) -> None:
    _enter_on(page, "main a[href$='/check-up/save/']")
    assert_accessible(page)
    first, last = who["name"]
    _type(page, "username", username)
    _type(page, "password", "a long quiet river 2026")
    _type(page, "password_again", "a long quiet river 2026")
    _type(page, "first_name", first)
    _type(page, "last_name", last)
    _type(page, "date_of_birth", "1968-04-09")
    _type(page, "postal_code", who["postal_code"])  # over the prefix given in the last step
    _enter_on(page, "main form button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    _enter_on(page, "main a[href$='/check-up/mine/share/']")
    assert_accessible(page)
    _choose(page, "provider", PROVIDER)
    _tick(page, "input[name=consent]")
    _enter_on(page, "main form button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    _enter_on(page, "main a[href$='/check-up/mine/check-ins/']")
    assert_accessible(page)
    _choose(page, "reminder", "365")
    _type(page, "email", f"{username}@example.org")
    _enter_on(page, "main form:not([action]) button[type=submit]")  # not the stop button
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    assert page.locator("#check-ins-now ~ ul").inner_text().count(f"{username}@example.org") == 1
    _retake(page, language, who)
    _delete(page, language)
    _enter_on(page, "header form button[type=submit]")  # sign out


def _retake(page, language: str, who: dict) -> None:
    """Take the check-up again: the first step opens with the saved answers; back to the person's page."""
    _enter_on(page, "main form[action$='/check-up/mine/retake/'] button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/step/situation/$"))
    assert_accessible(page)
    assert page.locator("input[name=age]").input_value() == who["age"]
    assert page.locator(f"input[name=situation][value={who['situation']}]").is_checked()
    _enter_on(page, f"header a[href='/{language}/check-up/mine/']")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))


def _delete(page, language: str) -> None:
    """Delete everything saved (keeping the account): the page says so and offers no saved check-up."""
    _enter_on(page, "main a[href$='/check-up/mine/delete/']")
    assert_accessible(page)
    _tick(page, "input[name=confirm]")
    _enter_on(page, "main form button[type=submit]")
    page.wait_for_url(re.compile(f"/{language}/check-up/mine/$"))
    assert_accessible(page)
    assert page.locator("main form[action$='/check-up/mine/retake/']").count() == 0
    assert page.locator("main a[href$='/check-up/mine/delete/']").count() == 1  # "close my account"


@pytest.mark.parametrize("window", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_check_up_journey_ends_with_a_self_referral_the_practitioner_sees(page, language, window):
    first, last = PEOPLE[language]["name"]
    who = {**PEOPLE[language], "name": (first, f"{last}-{window}")}
    page.set_viewport_size(WINDOWS[window])
    _journey(page, language, who)
    _results(page, language, who)
    _next_steps(page, language, who, f"checkup-{language}-{window}")
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
