"""The dashboards' tables as plain sections (a title, column headings, rows of text), so that the page,
the CSV, the XLSX and the PDF show exactly the same suppressed figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from careerlens.dashboards.report import indicator_names, rows, units

KEY = (
    "referred",
    "intake_completed",
    "referral_to_intake",
    "job_12m",
    "outcome_3m",
    "outcome_12m",
    "employed_12m",
    "median_earnings_12m",
    "ow_return_12m",
    "certified_practitioner",
)
HIDDEN = "—"


@dataclass
class Section:
    slug: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""
    chart: dict | None = field(default=None)

    @property
    def chart_id(self) -> str:
        return f"chart-{self.slug}"


def value(indicator: str, number, suppressed: bool = False) -> str:
    if suppressed or number is None:
        return HIDDEN
    unit = units().get(indicator, "")
    if unit == "people":
        return number_format(int(number), use_l10n=True, force_grouping=True)
    if unit == "share":
        return f"{number_format(number * 100, 1, use_l10n=True)} %"
    if unit == "months":
        return number_format(number, 1, use_l10n=True)
    return f"{number_format(number, 2, use_l10n=True, force_grouping=True)} $"


def _money(number) -> str:
    return HIDDEN if number is None else f"{number_format(number, 0, use_l10n=True, force_grouping=True)} $"


def _cells(found: dict, indicators) -> list[str]:
    return [value(i, found[i]["value"], found[i]["suppressed"]) if i in found else HIDDEN for i in indicators]


def headline(indicators, breakdown: str, group: str) -> Section:
    names = indicator_names()
    table = []
    for row in rows(indicators, breakdown=breakdown, group=group, quarter="all"):
        table.append(
            [
                names[row["indicator"]],
                value(row["indicator"], row["value"], row["suppressed"]),
                HIDDEN if row["suppressed"] or row["numerator"] is None else str(row["numerator"]),
                HIDDEN if row["suppressed"] or row["denominator"] is None else str(row["denominator"]),
            ]
        )
    order = list(names.values())
    table.sort(key=lambda r: order.index(r[0]))
    return Section(
        "indicators",
        _("All indicators"),
        [_("Indicator"), _("Value"), _("Numerator"), _("Denominator")],
        table,
        note=_("Cells about fewer than 10 people are suppressed, with the cells that would give them away."),
    )


def by_key(
    indicators,
    breakdown: str,
    groups,
    slug: str,
    title: str,
    heading: str,
    labels=None,
    by_quarter: bool = False,
) -> Section:
    """Rows per group (or per quarter), the key indicators as columns."""
    names = indicator_names()
    found: dict[str, dict] = {}
    select = {"breakdown": breakdown}
    if groups is not None:
        select["group"] = groups
    if not by_quarter:
        select["quarter"] = "all"
    for row in rows(indicators, **select):
        key = row["quarter"] if by_quarter else row["group"]
        if by_quarter and key == "all":
            continue
        found.setdefault(key, {})[row["indicator"]] = row
    labels = labels or {}
    table = [[labels.get(key, key), *_cells(found[key], KEY)] for key in sorted(found)]
    return Section(slug, title, [heading, *(names[i] for i in KEY)], table)


def adjustment(
    adjusted, level: str, units_: set[str] | None, labels: dict, outcome: str = "job_12m"
) -> Section:
    select = {"level": level, "outcome": outcome}
    if units_ is not None:
        select["unit"] = units_
    table = []
    for row in sorted(rows(adjusted, **select), key=lambda r: r["unit"]):
        if row["suppressed"]:
            table.append(
                [labels.get(row["unit"], row["unit"]), HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN]
            )
            continue
        pct = lambda x: f"{number_format(x * 100, 1, use_l10n=True)}"  # noqa: E731
        table.append(
            [
                labels.get(row["unit"], row["unit"]),
                str(row["clients"]),
                f"{pct(row['actual_rate'])} %",
                f"{pct(row['expected_rate'])} %",
                f"{pct(row['difference'])} ({pct(row['ci_low'])} … {pct(row['ci_high'])})",
                f"{pct(row['adjusted_rate'])} %",
                "★" * int(row["stars"] or 0) or HIDDEN,
            ]
        )
    return Section(
        f"adjustment_{level}",
        _("A job within 12 months: actual against expected for the client mix"),
        [
            _("Unit"),
            _("Clients"),
            _("Actual"),
            _("Expected"),
            _("Difference in points (95-percent interval)"),
            _("Adjusted rate (shrunk for small numbers)"),
            _("Stars"),
        ],
        table,
        note=_(
            "Expected: what clients like these would reach with an average provider, given their "
            "characteristics and the local labour market. Stars compare the adjusted rates."
        ),
    )


def payments(paid, units_: set[str] | None, labels: dict, slug: str) -> Section:
    select = {} if units_ is None else {"unit": units_}
    table = [
        [
            labels.get(r["unit"], r["unit"]),
            r["quarter"],
            _money(r["operational_amount"]),
            _money(r["outcomes_amount"]),
            _money(r["incentives_amount"]),
            _money(r["penalties_amount"]),
            _money(r["total_amount"]),
        ]
        for r in sorted(rows(paid, **select), key=lambda r: (r["unit"], r["quarter"]))
    ]
    return Section(
        slug,
        _("Funding by quarter under the published rules"),
        [
            _("Unit"),
            _("Quarter"),
            _("Operational"),
            _("Outcome payments"),
            _("Incentives"),
            _("Penalties"),
            _("Total"),
        ],
        table,
    )


def creaming(table) -> Section:
    found = [
        [
            str(r["segment"]),
            str(r["clients"]),
            f"{number_format(r['expected_outcome'] * 100, 1, use_l10n=True)} %",
            _money(r["payment_per_client"]),
            _money(r["expected_cost"]),
            _money(r["margin"]),
        ]
        for r in table.to_pylist()
    ]
    return Section(
        "creaming",
        _("Creaming check: payment against expected cost, by how likely clients are to succeed"),
        [
            _("Segment (1 = least likely)"),
            _("Clients"),
            _("Expected funded outcome"),
            _("Payment per client"),
            _("Expected cost"),
            _("Margin"),
        ],
        found,
        note=_("If the margin grows with the segment, the rules reward serving the easiest clients."),
    )


def comparison(table, level: str, labels: dict) -> Section:
    found = [
        [
            labels.get(r["unit"], r["unit"]),
            _money(r["amount_a"]),
            _money(r["amount_b"]),
            _money(r["difference"]),
            HIDDEN if r["change"] is None else f"{number_format(r['change'] * 100, 1, use_l10n=True)} %",
        ]
        for r in sorted(rows(table, level=level), key=lambda r: r["unit"])
    ]
    return Section(
        "comparison",
        _("Two rule files side by side: the default and the alternative"),
        [_("Unit"), _("Default rules"), _("Alternative rules"), _("Difference"), _("Change")],
        found,
    )
