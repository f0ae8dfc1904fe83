"""Net-impact evaluation of services (docs/evaluation.md): the effect of a yes/no treatment on an outcome
by regression adjustment, propensity-score matching, inverse-probability weighting, a doubly robust
estimator and difference-in-differences, with bootstrap intervals, diagnostics, a recommended method and
subgroups. No Django: it works on Arrow tables, CSV and Parquet files."""

from .charts import balance_chart, overlap_chart
from .data import read_table
from .errors import EvaluationError
from .evaluate import Evaluation, evaluate
from .province import covariates_for, evaluation_table, read_directory
from .settings import EvaluationSettings

__all__ = [
    "Evaluation",
    "EvaluationError",
    "EvaluationSettings",
    "balance_chart",
    "covariates_for",
    "evaluate",
    "evaluation_table",
    "overlap_chart",
    "read_directory",
    "read_table",
]
