import numpy as np
import pytest

from careerlens.analytics.synth import disclosure
from careerlens.analytics.synth.config import SimConfig


@pytest.fixture(scope="module")
def declined(province):
    return disclosure.declined(province.people, province.seed, province.cfg)


@pytest.mark.parametrize("item", [i for i in disclosure.ITEMS if i not in ("past_wage", "current_wage")])
def test_each_item_is_declined_at_its_rate(declined, item):
    assert abs(declined[item].mean() - SimConfig().prefer_not_rates[item]) < 0.006


def test_past_wage_is_the_most_declined_item_among_intakes(province):
    rec = province.recorded
    intake = province.referrals.intake
    past = rec["declined_past_wage"][intake].mean()
    assert abs(past - 0.147) < 0.01
    dec = disclosure.declined(province.people, province.seed, province.cfg)
    assert all(past > dec[item][intake].mean() for item in disclosure.ITEMS if item != "past_wage")


def test_declining_clusters_in_the_same_people(declined):
    # one latent reticence: declining one item makes declining another more likely
    lgbtq, disability = declined["lgbtq"], declined["disability"]
    assert disability[lgbtq].mean() > 2.5 * disability[~lgbtq].mean()


def test_about_29_percent_decline_at_least_once(province):
    assert abs(province.recorded["declined_any"][province.referrals.intake].mean() - 0.29) < 0.02


def test_recorded_values_hide_what_was_declined(province):
    rec = province.recorded
    assert np.isnan(rec["past_wage"][rec["declined_past_wage"]]).all()
    assert (rec["dependants"][rec["declined_dependants"]] == -1).all()
    assert (rec["gender"] == disclosure.GENDER_DECLINED).any()
    answered = rec["gender"] != disclosure.GENDER_DECLINED
    assert np.array_equal(rec["gender"][answered], province.people["gender"][answered])


def test_young_men_under_report_mental_health_needs_most(province):
    p, rec = province.people, province.recorded
    mental = (p["disability"] == 2) & (rec["disability"] != disclosure.DISABILITY_DECLINED)
    young_men = (p["gender"] == 1) & (p["age"] <= 29)
    hidden = rec["disability"] == 0
    assert hidden[mental & young_men].mean() > 2 * hidden[mental & ~young_men].mean()
    assert not ((rec["disability"] > 0) & (rec["disability"] < 5) & (p["disability"] == 0)).any()


def test_the_operational_model_reads_declined_as_no(province):
    cov = disclosure.reported_covariates(province.people, province.recorded)
    declined = province.recorded["disability"] == disclosure.DISABILITY_DECLINED
    assert (cov["disability"][declined] == 0).all()
    assert not cov["racialized"].any() and not cov["indigenous"].any()
