"""Per-client explanations in English and French."""

import csv

import pyarrow as pa
import pytest

from careerlens.analytics.segmentation import explain, province, train
from careerlens.analytics.segmentation.streams import LABELS, stream


def test_every_province_feature_has_english_and_french_labels():
    rows = list(csv.DictReader(explain.LABELS.open(encoding="utf-8")))
    assert all(row["en"].strip() and row["fr"].strip() for row in rows)
    labelled = {row["feature"] for row in rows if row["level"] == ""}
    for feature in (*province.INTAKE_FEATURES, *province.JOB_FEATURES, *province.AUDIT_COLUMNS):
        assert feature in labelled, feature


def test_a_clients_top_factors_in_both_languages(long_term, default_model):
    model = default_model.model
    client = long_term.slice(0, 1).to_pylist()[0]
    reasons = explain.explain(model, client, top=5)
    assert len(reasons) == 5
    sizes = [abs(r["contribution"]) for r in reasons]
    assert sizes == sorted(sizes, reverse=True)
    for reason in reasons:
        assert reason["text"]["en"] and reason["text"]["fr"] and reason["text"]["en"] != reason["text"]["fr"]
    # the factors add up to the client's risk
    eta = model.intercept + sum(model.reference) + sum(f.contribution for f in model.factors(client))
    assert 1 / (1 + pytest.importorskip("math").exp(-eta)) == pytest.approx(model.probability(client))


def test_numeric_bins_read_as_ranges_and_unknown_features_fall_back():
    table = pa.table({"hours": [float(i % 40) for i in range(600)], "y": [i % 3 == 0 for i in range(600)]})
    model = train(table, "y").model
    label = explain.level_label(model, "hours", model.features[0].levels[1])
    assert "to under" in label["en"] and "à moins de" in label["fr"]
    assert explain.feature_label("hours") == {"en": "hours", "fr": "hours"}


def test_stream_labels():
    assert stream(0.1) == "A" and stream(0.6) == "B" and stream(0.9) == "C"
    assert all(LABELS[s]["fr"].startswith("Volet") for s in "ABC")
