import numpy as np

from careerlens.analytics.synth import segmentation
from careerlens.analytics.synth.config import SimConfig


def test_streams_cut_the_risk_at_the_cutoffs():
    low, high = SimConfig().stream_cutoffs
    risk = np.array([0.0, low - 1e-9, low, high - 1e-9, high, 1.0])
    assert segmentation.streams(risk, SimConfig()).tolist() == [0, 0, 1, 1, 2, 2]


def test_stream_shares_are_near_22_31_47(province):
    stream = province.stream[province.referrals.intake]
    shares = np.bincount(stream, minlength=3) / len(stream)
    assert np.allclose(shares, [0.22, 0.31, 0.47], atol=0.02)


def test_the_risk_score_is_a_probability_and_ranks_true_risk(province):
    intake = province.referrals.intake
    score = province.risk[intake]
    true = province.truth["risk_true"][intake]
    assert ((score > 0) & (score < 1)).all()
    assert np.corrcoef(score, true)[0, 1] > 0.6


def test_under_reporters_are_under_streamed(province):
    p, rec = province.people, province.recorded
    intake = province.referrals.intake
    hid = intake & (p["disability"] > 0) & (rec["disability"] == 0)
    told = intake & (p["disability"] > 0) & (rec["disability"] > 0) & (rec["disability"] < 5)
    below_true = province.stream < province.truth["stream_true"]
    assert hid.sum() > 300
    assert below_true[hid].mean() > below_true[told].mean() + 0.10
