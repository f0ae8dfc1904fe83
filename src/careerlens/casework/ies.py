"""The IES funded-outcome rule, its thresholds from settings (``IES_MIN_HOURS``, ``IES_MIN_HOURLY_WAGE``).

At a checkpoint the outcome counts when the client is still working, at least the minimum hours a week at
or above the minimum hourly wage, verified by a pay stub or an employer letter (never the client's report
alone), and, for a subsidised placement, only once the subsidy has ended.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings

from careerlens.casework.choices import VERIFYING_EVIDENCE


def outcome_met(
    *,
    employed: bool,
    hours_per_week: Decimal | None,
    hourly_wage: Decimal | None,
    evidence: str,
    due_date: datetime.date,
    subsidy_end_date: datetime.date | None = None,
) -> bool:
    if not employed or hours_per_week is None or hourly_wage is None:
        return False
    if evidence not in VERIFYING_EVIDENCE:
        return False
    if subsidy_end_date is not None and due_date <= subsidy_end_date:
        return False
    return hours_per_week >= settings.IES_MIN_HOURS and hourly_wage >= settings.IES_MIN_HOURLY_WAGE
