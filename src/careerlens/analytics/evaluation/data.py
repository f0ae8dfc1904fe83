"""From a table to the arrays the estimators need: read a CSV or Parquet file, check the named columns,
and turn the treatment, outcome and covariates into NumPy (one-hot categories, standardised numbers, a
missing-value indicator where a number is missing)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import EvaluationError

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "t", "oui"})
FALSE_WORDS = frozenset({"0", "false", "no", "n", "f", "non"})
MAX_LEVELS = 500
MISSING = "(missing)"


def read_table(path: str | Path) -> pa.Table:
    """A CSV (``.csv``, ``.csv.gz``) or Parquet (``.parquet``, ``.pq``) file as an Arrow table."""
    path = Path(path)
    if not path.is_file():
        raise EvaluationError(f"cannot read {path}: no such file.")
    name = path.name.lower()
    try:
        if name.endswith((".parquet", ".pq")):
            return pq.read_table(path)
        if name.endswith((".csv", ".csv.gz", ".txt")):
            return pacsv.read_csv(path)
    except (pa.ArrowException, OSError) as error:
        raise EvaluationError(f"cannot read {path}: {str(error).splitlines()[0]}") from error
    raise EvaluationError(f"cannot read {path}: the file must end in .csv or .parquet.")


@dataclass(frozen=True)
class Design:
    """Covariates as a matrix: an intercept, then one column per number, yes/no or category level."""

    matrix: np.ndarray  # n x (1 + k), float64, first column all ones
    labels: tuple[str, ...]  # k labels, "age" or "education: bachelor"
    groups: tuple[tuple[str, tuple[int, ...]], ...]  # covariate name -> its matrix columns (1-based)

    @cached_property
    def matrix32(self) -> np.ndarray:
        """The matrix in single precision, for the bootstrap's large products."""
        return self.matrix.astype(np.float32)

    def without(self, name: str) -> Design:
        """The same design with one covariate's columns removed (for specification sensitivity)."""
        drop = set(dict(self.groups)[name])
        keep = [0] + [j for j in range(1, self.matrix.shape[1]) if j not in drop]
        remap = {old: new for new, old in enumerate(keep)}
        groups = tuple(
            (other, tuple(remap[j] for j in columns)) for other, columns in self.groups if other != name
        )
        labels = tuple(self.labels[j - 1] for j in keep[1:])
        return Design(self.matrix[:, keep], labels, groups)


@dataclass(frozen=True)
class Dataset:
    treated: np.ndarray  # bool
    outcome: np.ndarray  # float64
    pre_outcome: np.ndarray | None  # float64, the outcome before treatment (for difference-in-differences)
    design: Design
    by: np.ndarray | None  # str labels of the grouping column
    dropped_missing: int  # rows left out for a missing treatment, outcome or pre-outcome


def _require(table: pa.Table, names: list[str]) -> None:
    missing = [name for name in names if name not in table.column_names]
    if missing:
        raise EvaluationError(
            f"column(s) not in the data: {', '.join(missing)} (available: {', '.join(table.column_names)})."
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise EvaluationError(f"column(s) named more than once: {', '.join(repeated)}.")


def _binary(column: pa.ChunkedArray, name: str) -> np.ndarray:
    """0/1, true/false or yes/no as bool (nulls were left out before)."""
    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if pa.types.is_boolean(kind):
        return column.to_numpy(zero_copy_only=False)
    if pa.types.is_floating(kind) or pa.types.is_integer(kind):
        values = [f"{float(v):g}" for v in column.to_pylist()]
    else:
        values = [str(v).strip().lower() for v in column.to_pylist()]
    found = sorted(set(values))
    if not set(found) <= TRUE_WORDS | FALSE_WORDS:
        shown = ", ".join(found[:6])
        raise EvaluationError(
            f"treatment column '{name}' must be binary (0/1, true/false or yes/no); found: {shown}."
        )
    return np.array([v in TRUE_WORDS for v in values], dtype=bool)


def _numeric(column: pa.ChunkedArray, name: str, role: str) -> np.ndarray:
    kind = column.type
    if pa.types.is_boolean(kind):
        column = column.cast(pa.int8())
    elif not (pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_decimal(kind)):
        raise EvaluationError(f"{role} column '{name}' must be numeric or yes/no, not {kind}.")
    return column.cast(pa.float64()).to_numpy(zero_copy_only=False).astype(np.float64)


def _covariate(column: pa.ChunkedArray, name: str) -> tuple[np.ndarray, list[str]]:
    """The matrix columns of one covariate and their labels."""
    kind = column.type
    if pa.types.is_boolean(kind) or pa.types.is_integer(kind) or pa.types.is_floating(kind):
        values = _numeric(column, name, "covariate")
        missing = np.isnan(values)
        if missing.all():
            raise EvaluationError(f"covariate column '{name}' has no values.")
        filled = np.where(missing, np.nanmean(values), values)
        sd = filled.std()
        columns = [(filled - filled.mean()) / sd if sd > 0 else np.zeros_like(filled)]
        labels = [name]
        if missing.any():
            columns.append(missing.astype(np.float64))
            labels.append(f"{name}: {MISSING}")
        return np.column_stack(columns), labels
    text = pc.fill_null(column.cast(pa.string()), MISSING).to_numpy(zero_copy_only=False).astype(str)
    levels, codes, counts = np.unique(text, return_inverse=True, return_counts=True)
    if len(levels) > MAX_LEVELS:
        raise EvaluationError(
            f"covariate column '{name}' has {len(levels)} distinct values; "
            f"at most {MAX_LEVELS} for a category."
        )
    reference = int(np.argmax(counts))  # the commonest level is the reference
    kept = [j for j in range(len(levels)) if j != reference]
    matrix = (codes[:, None] == np.array(kept)[None, :]).astype(np.float64)
    return matrix.reshape(len(text), len(kept)), [f"{name}: {levels[j]}" for j in kept]


def design(table: pa.Table, covariates: list[str]) -> Design:
    blocks = [np.ones((table.num_rows, 1))]
    labels: list[str] = []
    groups = []
    for name in covariates:
        block, names = _covariate(table.column(name), name)
        start = 1 + len(labels)
        groups.append((name, tuple(range(start, start + len(names)))))
        blocks.append(block)
        labels.extend(names)
    return Design(np.hstack(blocks), tuple(labels), tuple(groups))


def treatment_column(table: pa.Table, treatment: str, covariates: list[str]) -> tuple[pa.Table, str]:
    """``COL=VALUE`` (when no column has that name) makes a yes/no column: the rows where COL is VALUE,
    e.g. ``program=ontario_works`` to evaluate a program."""
    if treatment in table.column_names or "=" not in treatment:
        return table, treatment
    name, value = treatment.split("=", 1)
    _require(table, [name])
    if name in covariates:
        raise EvaluationError(f"the treatment's column '{name}' cannot also be a covariate.")
    column = table.column(name)
    if pa.types.is_dictionary(column.type):
        column = column.cast(column.type.value_type)
    text = pc.cast(column, pa.string())
    if not pc.any(pc.equal(text, value)).as_py():
        raise EvaluationError(f"no row has {name} = {value}.")
    return table.append_column(treatment, pc.equal(text, value)), treatment


def prepare(
    table: pa.Table,
    treatment: str,
    outcome: str,
    covariates: list[str],
    pre_outcome: str | None = None,
    by: str | None = None,
) -> Dataset:
    """Check the columns and build the arrays; rows missing the treatment, outcome or pre-outcome are left
    out (and counted)."""
    if not covariates:
        raise EvaluationError("name at least one covariate column.")
    if treatment in covariates or outcome in covariates:
        raise EvaluationError("the treatment and outcome columns cannot also be covariates.")
    table, treatment = treatment_column(table, treatment, covariates)
    named = [treatment, outcome, *covariates, *([pre_outcome] if pre_outcome else [])]
    _require(table, named + ([by] if by and by not in named else []))
    keep = pc.is_valid(table.column(treatment))
    keep = pc.and_(keep, pc.is_valid(table.column(outcome)))
    if pre_outcome:
        keep = pc.and_(keep, pc.is_valid(table.column(pre_outcome)))
    kept = table.filter(keep)
    outcome_values = _numeric(kept.column(outcome), outcome, "outcome")
    if pre_outcome:
        pre_values = _numeric(kept.column(pre_outcome), pre_outcome, "pre-outcome")
        finite = np.isfinite(outcome_values) & np.isfinite(pre_values)
    else:
        pre_values = None
        finite = np.isfinite(outcome_values)
    if not finite.all():
        kept = kept.filter(pa.array(finite))
        outcome_values = outcome_values[finite]
        pre_values = pre_values[finite] if pre_values is not None else None
    if kept.num_rows == 0:
        raise EvaluationError(f"no row has both a treatment ('{treatment}') and an outcome ('{outcome}').")
    treated = _binary(kept.column(treatment), treatment)
    for flag, word in ((True, "treated"), (False, "control")):
        if not (treated == flag).any():
            raise EvaluationError(f"the {word} group is empty: every row of '{treatment}' is {not flag}.")
    by_values = None
    if by:
        by_values = pc.fill_null(kept.column(by).cast(pa.string()), MISSING).to_numpy(zero_copy_only=False)
        by_values = by_values.astype(str)
    return Dataset(
        treated=treated,
        outcome=outcome_values,
        pre_outcome=pre_values,
        design=design(kept, covariates),
        by=by_values,
        dropped_missing=table.num_rows - kept.num_rows,
    )
