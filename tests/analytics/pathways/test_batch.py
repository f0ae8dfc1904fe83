import numpy as np
import pytest

from careerlens.analytics.pathways import PathwayDataError, Person, PersonBatch


def _people(engine, n=120, seed=3):
    rng = np.random.default_rng(seed)
    skills = [d.id for d in engine.taxonomy.descriptors if d.facet == "skills"]
    people = []
    for i in range(n):
        origin = str(engine.codes[rng.integers(len(engine.codes))])
        kind = i % 4
        if kind == 0:
            people.append(Person(origin))
        elif kind == 1:
            chosen = rng.choice(skills, 8, replace=False)
            people.append(
                Person(
                    origin,
                    ratings={s: int(rng.integers(0, 6)) for s in chosen},
                    interests=list(rng.choice(list("RIASEC"), 2, replace=False)),
                )
            )
        elif kind == 2:
            people.append(
                Person(
                    origin,
                    ratings={s: int(rng.integers(0, 6)) for s in skills},
                    max_teer_step=1,
                    max_training_weeks=52,
                )
            )
        else:
            people.append(Person(origin, max_teer_step=0, ratings={"G01a01": 3}))
    return people


def test_a_batch_ranks_like_one_query_at_a_time(engine):
    people = _people(engine)
    result = engine.rank_batch(engine.batch(people), top=20)
    for i, person in enumerate(people):
        single = engine.transitions(person, top=20, explain=False)
        got = [int(t) for t in result.targets[i] if t >= 0]
        assert got == [engine.index(t.target) for t in single], i
        assert np.allclose(result.scores[i, : len(got)], [t.score for t in single], atol=1e-5)


def test_feasibility_only_batches_match_rank_all(engine):
    people = _people(engine, 40)
    result = engine.rank_batch(engine.batch(people), top=10, feasibility_only=True)
    origins = [p.origin for p in people]
    _, targets, scores = engine.rank_all(origins, top=10, feasibility_only=True)
    assert (result.targets == targets).all() and np.allclose(result.scores, scores, equal_nan=True)


def test_bad_batch_ratings_are_refused(engine):
    batch = PersonBatch(
        origin=np.array([0, 1]), columns=("F01c02",), ratings=np.array([[3], [7]], np.float32)
    )
    with pytest.raises(PathwayDataError, match="batch person 1: rating 7.0 of F01c02"):
        engine.rank_batch(batch)
    with pytest.raises(PathwayDataError, match="unknown descriptor"):
        engine.rank_batch(
            PersonBatch(origin=np.array([0]), columns=("zz",), ratings=np.ones((1, 1), np.float32))
        )


def test_ties_are_broken_by_code_order():
    from careerlens.analytics.pathways import Engine

    score = np.array([[1, 2, 2, 2, 0], [5, 4, 3, 2, 1]], np.float32)
    mask = np.array([[True] * 5, [False, True, False, True, False]])
    idx, val = Engine._top(score, mask, 2)
    assert idx.tolist() == [[1, 2], [1, 3]] and val.tolist() == [[2, 2], [4, 2]]
    idx, val = Engine._top(score, mask, 3)
    assert idx[1].tolist() == [1, 3, -1] and np.isnan(val[1, 2])
