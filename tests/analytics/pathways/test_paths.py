import pytest

from careerlens.analytics.pathways import PathwayDataError, Person


def test_paths_have_viable_steps_and_are_ranked_by_total_gap(engine):
    paths = engine.paths("65100", "14100", top=5)
    assert paths
    totals = [p.total_gap for p in paths]
    assert totals == sorted(totals)
    for p in paths:
        assert 1 <= len(p.steps) <= 3
        assert p.occupations[0] == "65100" and p.occupations[-1] == "14100"
        assert len(set(p.occupations)) == len(p.occupations)
        for step in p.steps:
            a, b = engine.index(step.origin), engine.index(step.target)
            assert engine.viable[a, b]
            assert step.gap == pytest.approx(float(engine.gap[a, b]))
        assert p.total_gap == pytest.approx(sum(s.gap for s in p.steps), abs=1e-5)


def test_a_direct_viable_move_is_a_one_step_path(engine):
    paths = engine.paths("14110", "13110", top=3)
    assert [len(p.steps) for p in paths][0] == 1


def test_step_limits(engine):
    assert all(len(p.steps) <= 2 for p in engine.paths("65100", "14100", max_steps=2))
    assert engine.paths(Person("65100", max_teer_step=0), "14100") == []  # TEER 5 → 4 needs a step up
    held = engine.paths(Person("65100", max_training_weeks=40), "14100")
    assert held and all(s.training_weeks <= 40 for p in held for s in p.steps)
    with pytest.raises(PathwayDataError, match="max_steps"):
        engine.paths("65100", "14100", max_steps=4)
    with pytest.raises(PathwayDataError, match="is the origin"):
        engine.paths("65100", "65100")
