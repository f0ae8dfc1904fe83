"""The fairness audit: metrics per group, parity, flags and small-cell suppression."""

import numpy as np
import pyarrow as pa
import pytest

from careerlens.analytics.segmentation import AuditSettings
from careerlens.analytics.segmentation.audit import audit
from careerlens.analytics.segmentation.groups import age_band


def synthetic(n=20_000, seed=5):
    rng = np.random.default_rng(seed)
    gender = rng.choice(np.array(["woman", "man"], dtype=object), n)
    p = rng.uniform(0.2, 0.9, n)
    y = rng.random(n) < p
    # the model under-predicts women's risk by 0.1
    predicted = np.where(gender == "woman", p - 0.1, p)
    gender[:5] = "gender_diverse"  # a small cell
    age = rng.integers(16, 70, n)
    return pa.table({"gender": gender, "age": age}), y, predicted


def test_flags_the_miscalibrated_group_and_suppresses_small_cells():
    table, y, p = synthetic()
    found = audit(table, y, p)
    groups = found["characteristics"]["gender"]["groups"]
    assert groups["gender_diverse"] == {"people": None, "suppressed": True}
    # complementary suppression hides the next smallest group's count, not its rates
    assert [g["people"] for g in (groups["woman"], groups["man"])].count(None) == 1
    assert groups["woman"]["ece"] > 0.08 and groups["man"]["ece"] < 0.02
    flagged = {(f["characteristic"], f["group"], f["measure"]) for f in found["flags"]}
    assert ("gender", "woman", "ece") in flagged and ("gender", "man", "ece") not in flagged
    # under-predicted: fewer women in stream C, more of them missed
    assert groups["woman"]["share_c"] < groups["man"]["share_c"]
    assert groups["woman"]["parity"]["false_negative_rate"] > 1
    assert set(found["characteristics"]["age_55_plus"]["groups"]) == {"yes", "no"}
    assert set(found["characteristics"]["age_band"]["groups"]) == {
        "16-24",
        "25-34",
        "35-44",
        "45-54",
        "55-64",
        "65+",
    }


def test_rates_at_the_stream_c_cut_off():
    table = pa.table({"gender": ["woman"] * 20 + ["man"] * 20, "age": [30] * 40})
    y = np.array([True, False] * 20)
    p = np.array([0.9, 0.9, 0.1, 0.1] * 10)
    found = audit(table, y, p, settings=AuditSettings(min_rows_for_flags=1))
    man = found["characteristics"]["gender"]["groups"]["man"]
    assert man["false_negative_rate"] == pytest.approx(0.5) and man["false_positive_rate"] == pytest.approx(
        0.5
    )
    assert man["share_c"] == pytest.approx(0.5) and man["share_a"] == pytest.approx(0.5)


def test_age_bands():
    assert list(age_band(np.array([16, 24, 25, 54, 55, 64, 65, 70, -1]))) == [
        "16-24", "16-24", "25-34", "45-54", "55-64", "55-64", "65+", "65+", "not_recorded"
    ]  # fmt: skip
