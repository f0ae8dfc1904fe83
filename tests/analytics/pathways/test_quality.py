"""The evidence of quality stated in docs/pathways.md."""

import pytest

from careerlens.analytics.pathways import quality


@pytest.fixture(scope="module")
def report(engine, profiles):
    return quality.report(engine, profiles)


def test_same_minor_group_occupations_rank_high(report):
    engine = report["minor_group"]["engine"]
    assert engine["origins"] == 495
    assert engine["mrr"] >= 0.62  # the first same-minor-group target is, on average, near rank 1.5
    assert engine["recall_top"] >= 0.75


def test_the_ranking_beats_cosine_similarity_of_skill_vectors(report):
    for check in ("minor_group", "held_out_profiles"):
        ours, cosine = report[check]["engine"], report[check]["cosine_skills"]
        assert ours["mrr"] > cosine["mrr"] + 0.1, check
    held = report["held_out_profiles"]
    assert held["engine"]["profiles"] == 568
    assert held["engine"]["hit_1"] > held["cosine_skills"]["hit_1"] + 0.1


def test_the_gap_is_asymmetric(report):
    a = report["asymmetry"]
    assert a["gap_up"] > 1.5 * a["gap_down"]
    assert a["asymmetric_pairs"] > 0.9
