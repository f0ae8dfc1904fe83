"""The expected-outcome model of the client-mix adjustment: a logistic regression of an outcome on the
client's recorded characteristics and the local labour market (never the provider), fitted by Newton's
method with NumPy on a sample, and applied by the backend as one expression (probability()). The variables
are listed in docs/performance.md (a test checks it)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

import ibis
import numpy as np
import pyarrow as pa

from careerlens.analytics.performance.settings import PerformanceError

CLIENT_COLUMNS = (
    "client_id",
    "catchment",
    "program",
    "employed_at_referral",
    "age",
    "education",
    "months_out_of_work",
    "disability",
    "newcomer",
    "language_barrier",
    "racialized",
    "indigenous",
    "criminal_record",
    "housing_unstable",
    "prior_ow_spells",
    "prior_noc",
    "prior_outlook",
)
VARIABLES = (
    "intercept",
    "ontario_works",
    "odsp",
    "ei",
    "employed_at_referral",
    "age_16_24",
    "age_45_54",
    "age_55_64",
    "age_65_plus",
    "less_than_high_school",
    "high_school",
    "degree",
    "education_declined",
    "log_months_out",
    "disability",
    "disability_declined",
    "newcomer",
    "language_barrier",
    "racialized",
    "indigenous",
    "criminal_record",
    "housing_unstable",
    "prior_ow_spells",
    "never_worked",
    "outlook_shortage",
    "outlook_surplus",
    "unemployment_rate",
)


def unemployment_rates() -> dict[str, float]:
    """Each catchment's unemployment rate (%), from the package's data/labour_market.csv."""
    text = resources.files("careerlens.analytics.performance").joinpath("data/labour_market.csv").read_text()
    return {row["catchment"]: float(row["unemployment_rate"]) for row in csv.DictReader(text.splitlines())}


def unknown_catchments(clients: ibis.Table) -> list[str]:
    """Catchments of ``clients`` without an unemployment rate in data/labour_market.csv."""
    known = list(unemployment_rates())
    found = clients.filter(~clients.catchment.isin(known)).select("catchment").distinct().to_pyarrow()
    return sorted(str(c) for c in found.column(0).to_pylist())


def variables(t: ibis.Table) -> dict[str, ibis.Value]:
    """Every variable but the intercept as an Ibis expression over the clients' columns (computed by the
    backend, so only numbers travel to NumPy)."""
    rates = unemployment_rates()

    def yes(column: ibis.Value) -> ibis.Value:
        return (column == "yes") if column.type().is_string() else column.fill_null(False)

    def one_of(column: ibis.Value, *values: str) -> ibis.Value:
        return column.isin(list(values)).fill_null(False)

    age = t.age
    columns = {
        "ontario_works": one_of(t.program, "ontario_works"),
        "odsp": one_of(t.program, "odsp"),
        "ei": one_of(t.program, "ei"),
        "employed_at_referral": yes(t.employed_at_referral),
        "age_16_24": age < 25,
        "age_45_54": (age >= 45) & (age < 55),
        "age_55_64": (age >= 55) & (age < 65),
        "age_65_plus": age >= 65,
        "less_than_high_school": one_of(t.education, "less_than_high_school"),
        "high_school": one_of(t.education, "high_school"),
        "degree": one_of(t.education, "bachelor", "graduate"),
        "education_declined": one_of(t.education, "prefer_not_to_answer"),
        "log_months_out": (t.months_out_of_work.fill_null(0).cast("float64") + 1.0).ln(),
        "disability": one_of(
            t.disability, "physical", "mental_health", "cognitive", "sensory", "unspecified"
        ),
        "disability_declined": one_of(t.disability, "prefer_not_to_answer"),
        "newcomer": yes(t.newcomer),
        "language_barrier": yes(t.language_barrier),
        "racialized": yes(t.racialized),
        "indigenous": yes(t.indigenous),
        "criminal_record": yes(t.criminal_record),
        "housing_unstable": yes(t.housing_unstable),
        "prior_ow_spells": ibis.least(t.prior_ow_spells.fill_null(0), 4),
        "never_worked": t.prior_noc.isnull(),
        "outlook_shortage": one_of(t.prior_outlook, "moderate_shortage", "strong_shortage"),
        "outlook_surplus": one_of(t.prior_outlook, "moderate_surplus", "strong_surplus"),
        "unemployment_rate": ibis.cases(*[(t.catchment == c, r - 6.5) for c, r in rates.items()], else_=0.0),
    }
    return {  # flags as 0/1 bytes, measures as float32: a small pull (PostgreSQL casts no boolean to int)
        name: ibis.ifelse(value, 1, 0).cast("int8") if value.type().is_boolean() else value.cast("float32")
        for name, value in columns.items()
    }


NUMERIC = ("log_months_out", "prior_ow_spells", "unemployment_rate")  # the others are 0/1 flags
FLAGS = tuple(name for name in VARIABLES[1:] if name not in NUMERIC)
PACKED_FLAGS = "model_flags"


def stored(name: str) -> str:
    """The facts column (facts.py) holding the numeric model variable ``name``."""
    return f"model_{name}"


PACKED_COLUMNS = (PACKED_FLAGS, *(f"model_{name}" for name in NUMERIC))  # packed()'s columns


def packed(t: ibis.Table) -> dict[str, ibis.Value]:
    """The variables of each client as the facts store them (facts.py): the flags as one integer (bit i
    for FLAGS[i]; computed from the clients table before any join, so that one narrow column travels),
    the numeric variables as columns of their own."""
    columns = variables(t)
    bits = ibis.literal(0)
    for i, name in enumerate(FLAGS):
        bits = bits + ibis.ifelse(columns[name] == 1, 2**i, 0)
    return {PACKED_FLAGS: bits.cast("int32"), **{stored(name): columns[name] for name in NUMERIC}}


def stored_variables(t: ibis.Table) -> dict[str, ibis.Value]:
    """Every variable but the intercept, as variables() gives them, from the columns packed() stored."""
    flags = t[PACKED_FLAGS]
    found = {name: ibis.ifelse((flags & 2**i) != 0, 1, 0).cast("int8") for i, name in enumerate(FLAGS)}
    found.update({name: t[stored(name)] for name in NUMERIC})
    return {name: found[name] for name in VARIABLES[1:]}


def number(value: float) -> ibis.Value:
    """A double-precision literal on every backend (PostgreSQL reads a bare 0.25 as numeric)."""
    return ibis.literal(repr(float(value))).cast("float64")


def probability(columns: dict[str, ibis.Value], coefficients: np.ndarray) -> ibis.Value:
    """The model's prediction as one backend expression over the columns variables() computed: the
    logistic of the linear predictor, so that predictions never leave the backend."""
    eta = number(coefficients[0])
    for name, beta in zip(VARIABLES[1:], coefficients[1:], strict=True):
        eta = eta + columns[name].cast("float64") * number(beta)
    return number(1.0) / (number(1.0) + (-eta).exp())


def design(table: pa.Table) -> np.ndarray:
    """The model's design matrix (one row per client, columns in VARIABLES order) from the columns that
    variables() computed."""
    columns = [np.ones(table.num_rows)]
    columns += [table[name].to_numpy(zero_copy_only=False) for name in VARIABLES[1:]]
    return np.column_stack(columns).astype(float)


@dataclass(frozen=True)
class ExpectedOutcomeModel:
    coefficients: np.ndarray  # in VARIABLES order
    fitted_on: int


def fit(x: np.ndarray, y: np.ndarray, max_iter: int = 25, ridge: float = 1e-6) -> ExpectedOutcomeModel:
    """Logistic regression by Newton's method (a tiny ridge keeps empty categories finite)."""
    if len(y) < x.shape[1] * 10:
        raise PerformanceError(f"too few clients ({len(y)}) to fit the expected-outcome model")
    beta = np.zeros(x.shape[1])
    for _ in range(max_iter):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        w = p * (1 - p)
        hessian = (x * w[:, None]).T @ x + ridge * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, x.T @ (y - p) - ridge * beta)
        beta = beta + step
        if np.max(np.abs(step)) < 1e-8:
            break
    return ExpectedOutcomeModel(beta, len(y))
