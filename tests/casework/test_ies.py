"""The IES funded-outcome rule, with its thresholds from settings."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from careerlens.casework.ies import outcome_met

DUE = datetime.date(2026, 6, 1)
GOOD = {
    "employed": True,
    "hours_per_week": Decimal("20"),
    "hourly_wage": Decimal("17.60"),
    "evidence": "pay_stub",
    "due_date": DUE,
}


@pytest.mark.parametrize(
    ("change", "met"),
    [
        ({}, True),
        ({"evidence": "employer_letter"}, True),
        ({"evidence": "self_report"}, False),  # never the client's report alone
        ({"evidence": "none"}, False),
        ({"hours_per_week": Decimal("19.99")}, False),
        ({"hourly_wage": Decimal("17.59")}, False),
        ({"employed": False}, False),
        ({"subsidy_end_date": DUE}, False),  # a subsidised placement counts only after the subsidy ends
        ({"subsidy_end_date": DUE - datetime.timedelta(days=1)}, True),
    ],
)
def test_the_rule(change, met):
    assert outcome_met(**{**GOOD, **change}) is met


def test_the_thresholds_come_from_settings(settings):
    settings.IES_MIN_HOURS = Decimal("30")
    assert outcome_met(**GOOD) is False
    settings.IES_MIN_HOURS = Decimal("20")
    settings.IES_MIN_HOURLY_WAGE = Decimal("15")
    assert outcome_met(**{**GOOD, "hourly_wage": Decimal("15")}) is True
