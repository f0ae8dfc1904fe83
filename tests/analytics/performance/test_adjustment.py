"""The client-mix adjustment recovers the simulator's true provider effects where raw rates do not."""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from scipy import stats

from careerlens.analytics.performance import PerformanceSettings, adjustment, model

from .conftest import column

OUTCOME = PerformanceSettings().adjustment_outcome


@pytest.fixture(scope="module")
def models(snapshot, facts):
    return adjustment.fit_models(snapshot, facts, [OUTCOME], PerformanceSettings())


@pytest.fixture(scope="module")
def people(snapshot, facts, models):
    return adjustment.predict(snapshot, facts, models, ["provider", "ssm", OUTCOME])


@pytest.fixture(scope="module")
def providers(people):
    sums = adjustment.unit_sums(people, OUTCOME, "provider")
    province = column(sums, "actual").sum() / column(sums, "clients").sum()
    return adjustment.compare(sums, province, PerformanceSettings())


def test_adjusted_comparison_recovers_true_provider_effects(providers, truth):
    true = np.array([truth["providers"][u]["value_added"] for u in providers["unit"]])
    raw = stats.spearmanr(providers["actual_rate"], true).statistic
    adjusted = stats.spearmanr(providers["shrunk_difference"], true).statistic
    assert raw < 0.8, raw
    assert adjusted >= 0.9, adjusted


def test_it_also_ranks_the_service_each_provider_delivered(providers, arrow_tables):
    service = column(arrow_tables["truth_clients"], "service_effect")
    episodes = arrow_tables["episodes"]
    provider = column(episodes, "provider_id").astype(str)
    intake = column(episodes, "intake_completed")
    delivered = np.array([service[(provider == u) & intake].mean() for u in providers["unit"]])
    assert stats.spearmanr(providers["shrunk_difference"], delivered).statistic >= 0.9


def test_intervals_shrinkage_and_stars(providers):
    assert np.all(providers["ci_low"] < providers["difference"])
    assert np.all(providers["difference"] < providers["ci_high"])
    assert np.all((providers["shrinkage"] > 0) & (providers["shrinkage"] <= 1))
    smallest, largest = np.argmin(providers["clients"]), np.argmax(providers["clients"])
    assert providers["shrinkage"][smallest] < providers["shrinkage"][largest]
    assert set(providers["stars"]) <= {1, 2, 3, 4, 5} and len(set(providers["stars"])) >= 3
    assert providers["expected"].sum() == pytest.approx(providers["actual"].sum(), rel=0.01)


def test_star_bands_follow_the_cutoffs():
    cutoffs = PerformanceSettings().star_cutoffs
    assert adjustment.stars(np.array([-1.0, cutoffs[0], 0.0, cutoffs[3], 1.0]), cutoffs).tolist() == [
        1,
        2,
        3,
        5,
        5,
    ]


def test_the_model_recovers_known_logistic_coefficients():
    rng = np.random.default_rng(3)
    x = np.column_stack([np.ones(50_000), rng.normal(size=50_000), rng.random(50_000) < 0.3])
    beta = np.array([-0.5, 0.8, -1.2])
    y = (rng.random(50_000) < 1 / (1 + np.exp(-(x @ beta)))).astype(float)
    assert model.fit(x, y).coefficients == pytest.approx(beta, abs=0.05)


def test_an_unknown_outcome_is_refused(snapshot, facts):
    from careerlens.analytics.performance import PerformanceError

    with pytest.raises(PerformanceError, match="'shoe_size' is not a client-level outcome"):
        adjustment.fit_models(snapshot, facts, ["shoe_size"], PerformanceSettings())


def test_the_backend_predicts_what_the_fitted_logistic_gives(snapshot, facts, models, people):
    """Predictions computed as one backend expression equal NumPy's logistic of the design matrix."""
    clients = snapshot["clients"].select(*model.CLIENT_COLUMNS)
    joined = facts.filter(facts.intake).select("client_id").join(clients, "client_id")
    table = joined.select("client_id", **model.variables(joined)).to_pyarrow().sort_by("client_id")
    numpy = 1 / (1 + np.exp(-(model.design(table) @ models[OUTCOME].coefficients)))
    expected = adjustment.expected_column(OUTCOME)
    backend = people.select("client_id", expected).to_pyarrow().sort_by("client_id")
    assert np.array_equal(column(backend, "client_id"), column(table, "client_id"))
    assert column(backend, expected) == pytest.approx(numpy, rel=1e-12, abs=1e-15)


def test_the_model_is_fitted_on_a_reproducible_sample_when_there_are_more_clients(snapshot, facts):
    settings = PerformanceSettings(fit_sample=5_000)
    first = adjustment.fit_models(snapshot, facts, [OUTCOME], settings)[OUTCOME]
    again = adjustment.fit_models(snapshot, facts, [OUTCOME], settings)[OUTCOME]
    other = adjustment.fit_models(snapshot, facts, [OUTCOME], PerformanceSettings(fit_sample=5_000, seed=2))
    assert first.fitted_on == 5_000
    assert np.array_equal(first.coefficients, again.coefficients)
    assert not np.array_equal(first.coefficients, other[OUTCOME].coefficients)


def test_the_adjustment_table_is_suppressed_and_covers_ssms(full_report):
    table = full_report.tables["adjustment"]
    assert set(column(table, "level")) == {"provider", "ssm"}
    assert len(table.filter(pc.equal(table["level"], "ssm"))) == 15


def test_a_disability_of_unrecorded_type_counts_as_a_disability():
    """The app records whether, not which (docs/export.md: `unspecified`); the model counts it."""
    import ibis

    values = ["none", "physical", "unspecified", "prefer_not_to_answer", None]
    n = len(values)
    rows = {name: ["no"] * n for name in model.CLIENT_COLUMNS}
    rows |= {"client_id": list(range(n)), "age": [40] * n, "months_out_of_work": [3] * n}
    rows |= {"prior_ow_spells": [0] * n, "disability": values, "program": ["none"] * n}
    rows |= {"catchment": [next(iter(model.unemployment_rates()))] * n}
    t = ibis.memtable(pa.table(rows))
    found = t.select(**model.variables(t)).to_pyarrow()
    assert column(found, "disability").tolist() == [0, 1, 1, 0, 0]
    assert column(found, "disability_declined").tolist() == [0, 0, 0, 1, 0]
