"""docs/portal.md and the code agree: steps, situations, settings, programs and the postal-code table."""

from __future__ import annotations

import re
from pathlib import Path

from careerlens.portal import catalogue, journey, reminders, selectors, services, skills
from careerlens.portal.forms import SITUATIONS, WANTS
from careerlens.portal.models import CheckUp

DOC = Path(__file__).resolve().parents[2] / "docs" / "portal.md"


def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_every_step_situation_and_want_is_documented():
    text = doc()
    for code in journey.CODES:
        assert f"| `{code}` |" in text, code
    for code, _label in SITUATIONS + WANTS:
        assert f"`{code}`" in text, code


def test_every_setting_is_documented_with_its_value():
    settings = {
        "SESSION_KEY": journey.SESSION_KEY,
        "MAIN_SKILLS": skills.MAIN_SKILLS,
        "PATHWAYS": skills.PATHWAYS,
        "LATE_CAREER_FROM": selectors.LATE_CAREER_FROM,
        "REMIND_AFTER_DAYS": reminders.REMIND_AFTER_DAYS,
        "REMIND_EVERY": ", ".join(str(days) for days in reminders.REMIND_EVERY),
        "SEND_AT": f"{reminders.SEND_AT:%H:%M}",
        "SHARE_TOPIC": str(services.SHARE_TOPIC),
    }
    for name, value in settings.items():
        row = re.search(rf"^\| `{name}` \| `?{re.escape(str(value))}`? \|", doc(), re.MULTILINE)
        assert row, f"{name} = {value} is not in the settings table of docs/portal.md"


def test_every_program_is_documented_with_both_names_and_its_source_status():
    text = doc()
    for program in catalogue.programs():
        row = re.search(rf"^\| `{program.id}` \|([^\n]*)$", text, re.MULTILINE)
        assert row, program.id
        assert program.raw["name_en"] in row.group(1) and program.raw["name_fr"] in row.group(1)
        assert ("to verify" in row.group(1)) == (not program.verified), program.id


def test_every_catchment_of_the_postal_code_table_is_a_documented_catchment():
    text = doc()
    codes = {catchment for catchment, _place in catalogue.prefixes().values()}
    assert len(codes) == 15
    for code in codes:
        assert f"`{code}`" in text, code


def test_every_field_of_the_saved_check_up_is_documented():
    text = doc()
    for field in CheckUp._meta.concrete_fields:
        assert field.name == "id" or f"| `{field.name}` |" in text, field.name
