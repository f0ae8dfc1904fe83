"""The whole provincial report in one call: indicators by breakdown, client-mix adjustment, payments
under one rule file (and a second one side by side, with the creaming check of each). Every table it
returns has been through suppression."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from careerlens.analytics.performance import adjustment, funding, report
from careerlens.analytics.performance.rules import FundingRules
from careerlens.analytics.performance.settings import PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot


@dataclass
class ProvincialReport:
    tables: dict[str, pa.Table] = field(default_factory=dict)
    rules: list[FundingRules] = field(default_factory=list)


CREAMING_OUTCOME = "outcome_12m"  # segments of the creaming check: quintiles of this expected outcome


def _segments(people: pa.Table, settings: PerformanceSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(client ids, expected 12-month funded outcome, stream) of the clients with an intake."""
    table, _, expected = adjustment.expected(people, CREAMING_OUTCOME, settings)
    streams = np.asarray(table["stream"].to_numpy(zero_copy_only=False))
    return np.asarray(table["client_id"].to_numpy()), expected, streams


def _creaming(segments, lines, rules: FundingRules, settings: PerformanceSettings) -> pa.Table:
    ids, expected, streams = segments
    return funding.creaming(
        ids, expected, streams, funding.per_client(lines), rules, settings.suppression_threshold
    )


def run(
    snapshot: Snapshot,
    settings: PerformanceSettings | None = None,
    rules: FundingRules | None = None,
    compare: FundingRules | None = None,
) -> ProvincialReport:
    """Every table of the provincial report, suppressed (docs/performance.md lists them)."""
    from careerlens.analytics.performance.rules import load

    settings = settings or PerformanceSettings()
    rules = rules or load()
    threshold = settings.suppression_threshold
    facts = report.materialise(snapshot, settings)
    result = ProvincialReport(rules=[rules] + ([compare] if compare else []))
    result.tables["indicators"] = report.suppress_report(report.compute(facts), threshold)
    people = adjustment.client_outcomes(
        snapshot, facts, sorted({settings.adjustment_outcome, CREAMING_OUTCOME})
    )
    result.tables["adjustment"] = adjustment.adjust(people, settings)
    lines = funding.payment_lines(snapshot, facts, rules)
    book = funding.ledger(lines)
    for level in ("provider", "ssm"):
        result.tables[f"payments_{level}"] = funding.payments(book, level, threshold)
    segments = _segments(people, settings)
    result.tables["creaming"] = _creaming(segments, lines, rules, settings)
    if compare is not None:
        other = funding.payment_lines(snapshot, facts, compare)
        other_book = funding.ledger(other)
        names = (rules.source, compare.source)
        result.tables["comparison"] = pa.concat_tables(
            [funding.compare_rules(book, other_book, level, names) for level in ("provider", "ssm")]
        )
        result.tables["creaming_compare"] = _creaming(segments, other, compare, settings)
    return result
