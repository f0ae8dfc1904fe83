import numpy as np

from careerlens.analytics.synth.config import ADAPTABILITY, CAREER_COUNSELLING, CAREER_MANAGEMENT

from .conftest import column


def test_answers_are_on_one_to_five_scales(tables):
    a = tables["assessments"]
    for name in CAREER_MANAGEMENT:
        values = column(a, name)
        assert values.min() == 1 and values.max() == 5
    for name in ADAPTABILITY:
        values = column(a, name)
        assert values.min() >= 1 and values.max() <= 5
        assert np.allclose(values * 6, np.round(values * 6), atol=1e-4)
    assert len(CAREER_MANAGEMENT) == 11 and len(ADAPTABILITY) == 4


def test_answers_are_driven_by_employability(province):
    first = province.intake_answers
    e = province.truth["employability"][first.client]
    assert np.corrcoef(e, first.career_index)[0, 1] > 0.5
    assert np.corrcoef(e, first.adaptability[3])[0, 1] > 0.3


def test_long_term_unemployed_report_less_confidence(province):
    first = province.intake_answers
    long_term = province.people["months_out"][first.client] >= 12
    e = province.truth["employability"][first.client]
    similar = np.abs(e) < 0.5
    assert (
        first.adaptability[3][long_term & similar].mean()
        < first.adaptability[3][~long_term & similar].mean() - 0.15
    )


def test_career_counselling_raises_the_career_index_from_intake_to_exit(province):
    first, second = province.intake_answers, province.exit_answers
    at_intake = np.full(province.n, np.nan)
    at_intake[first.client] = first.career_index
    change = second.career_index - at_intake[second.client]
    counselled = province.action.assigned[second.client, CAREER_COUNSELLING]
    gap = change[counselled].mean() - change[~counselled].mean()
    assert 0.25 < gap < 0.55
    expected = province.truth["career_change_expected"][second.client]
    assert abs(change.mean() - expected.mean()) < 0.1


def test_exit_assessments_only_after_exit_and_mostly_when_engaged(province):
    second = province.exit_answers
    assert province.referrals.intake[second.client].all()
    reason = province.exits.reason[second.client]
    share = np.bincount(reason, minlength=3) / np.bincount(
        province.exits.reason[province.referrals.intake], minlength=3
    )
    assert share[1] > 0.9 and share[2] < 0.45
