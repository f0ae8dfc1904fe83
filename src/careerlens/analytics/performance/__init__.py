"""careerlens.analytics.performance: the provincial indicator engine (Ibis over DuckDB on Parquet
snapshots, or any Ibis backend), client-mix adjustment, funding rules and the open-data export.
No Django. See docs/metrics.md and docs/performance.md."""

from careerlens.analytics.performance.engine import ProvincialReport, run
from careerlens.analytics.performance.indicators import INDICATORS, REGISTRY, Indicator
from careerlens.analytics.performance.rules import FundingRules
from careerlens.analytics.performance.rules import load as load_rules
from careerlens.analytics.performance.settings import PerformanceError, PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot, load_arrow, open_parquet

__all__ = [
    "INDICATORS",
    "REGISTRY",
    "FundingRules",
    "Indicator",
    "PerformanceError",
    "PerformanceSettings",
    "ProvincialReport",
    "Snapshot",
    "load_arrow",
    "load_rules",
    "open_parquet",
    "run",
]
