"""Early warning for employed people, and the outreach list."""

import pytest

from careerlens.analytics.segmentation import SegmentationDataError
from careerlens.analytics.segmentation.early_warning import EarlyWarningSettings, occupations, outreach, score


def test_score_is_the_weighted_sum_of_its_reasons():
    result = score("65100", age=58, tenure_years=0.5, years_since_training=8)  # cashiers
    assert result["score"] == pytest.approx(sum(r["points"] for r in result["reasons"]))
    assert {r["factor"] for r in result["reasons"]} == {
        "outlook",
        "automation",
        "ai",
        "age",
        "tenure",
        "skills",
    }
    assert all(r["text"]["en"] and r["text"]["fr"] for r in result["reasons"])
    assert result["level"] == "high" and result["label"]["fr"].startswith("Risque élevé")


def test_more_exposure_older_age_and_stale_skills_raise_the_score():
    young = score("65100", age=30, tenure_years=10, years_since_training=0)
    old = score("65100", age=60, tenure_years=10, years_since_training=0)
    stale = score("65100", age=30, tenure_years=10, years_since_training=6)
    assert old["score"] > young["score"] and stale["score"] > young["score"]
    known = occupations()
    assert known["65100"].automation is not None and known["65100"].automation > known["31102"].automation


def test_outreach_needs_opt_in_and_consent():
    base = {"noc": "65100", "age": 60, "tenure_years": 0.5, "years_since_training": 9, "opted_in": True}
    people = [
        {**base, "person_id": 1, "catchment": "peel", "consent_to_contact": True},
        {**base, "person_id": 2, "catchment": "peel", "consent_to_contact": False},
        {**base, "person_id": 3, "catchment": "york", "consent_to_contact": True},
        {**base, "person_id": 5, "catchment": "peel", "consent_to_contact": True, "opted_in": False},
        {
            **base,
            "person_id": 4,
            "catchment": "peel",
            "consent_to_contact": True,
            "noc": "31102",
            "age": 35,
            "tenure_years": 9,
            "years_since_training": 0,
        },
    ]
    assert [row["person_id"] for row in outreach(people, "peel")] == [1]


def test_bad_input():
    with pytest.raises(SegmentationDataError, match="unknown NOC"):
        score("99999", 40, 1, 1)
    with pytest.raises(SegmentationDataError, match="age"):
        score("65100", 200, 1, 1)
    with pytest.raises(SegmentationDataError, match="add up to 1"):
        EarlyWarningSettings(weight_age=0.5)
