"""The whole provincial report in one call: indicators by breakdown, client-mix adjustment, payments
under one rule file (and a second one side by side, with the creaming check of each). Every table it
returns has been through suppression."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pyarrow as pa

from careerlens.analytics.performance import adjustment, funding, report
from careerlens.analytics.performance.rules import FundingRules
from careerlens.analytics.performance.settings import PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot


@dataclass
class ProvincialReport:
    tables: dict[str, pa.Table] = field(default_factory=dict)
    rules: list[FundingRules] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of each stage, in run order


class _Stages:
    """Times each stage of run() into ProvincialReport.seconds."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.last = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = now - self.last
        self.last = now


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
    result = ProvincialReport(rules=[rules] + ([compare] if compare else []))
    stages = _Stages(result.seconds)
    facts = report.materialise(snapshot, settings)
    stages.done("facts")
    result.tables["indicators"] = report.suppress_report(report.compute(facts), threshold)
    stages.done("indicators")
    found = funding.counts(facts)  # before the expected outcomes take backend memory
    stages.done("funding_counts")
    outcomes = list(dict.fromkeys([settings.adjustment_outcome, funding.CREAMING_OUTCOME]))
    models = adjustment.fit_models(snapshot, facts, outcomes, settings)
    stages.done("adjustment_fit")
    keep = list(dict.fromkeys(["provider", "ssm", settings.adjustment_outcome, *funding.CREAMING_COLUMNS]))
    people = adjustment.predict(snapshot, facts, models, keep, {"priority": funding.priority(facts)})
    stages.done("adjustment_predict")
    result.tables["adjustment"] = adjustment.adjust(people, settings)
    stages.done("adjustment_compare")
    segments = funding.segment_counts(people, adjustment.expected_column(funding.CREAMING_OUTCOME))
    stages.done("creaming_counts")
    books = [funding.ledger(found, r) for r in result.rules]
    for level in ("provider", "ssm"):
        result.tables[f"payments_{level}"] = funding.payments(books[0], level, threshold)
    result.tables["creaming"] = funding.creaming(segments, rules, threshold)
    if compare is not None:
        names = (rules.source, compare.source)
        result.tables["comparison"] = pa.concat_tables(
            [funding.compare_rules(books[0], books[1], level, names) for level in ("provider", "ssm")]
        )
        result.tables["creaming_compare"] = funding.creaming(segments, compare, threshold)
    stages.done("funding_rules")
    return result
