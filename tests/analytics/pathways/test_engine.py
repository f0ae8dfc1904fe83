import json

import numpy as np
import pytest

from careerlens.analytics.pathways import Engine, PathwayDataError, PathwaySettings, Person, UnknownOccupation


def test_the_score_is_asymmetric_and_a_step_up_has_the_larger_gap(engine):
    welder, engineer = engine.index("72106"), engine.index("21301")  # TEER 2 → TEER 1
    assert engine.gap[welder, engineer] > engine.gap[engineer, welder]
    assert engine.fit[welder, engineer] != pytest.approx(engine.fit[engineer, welder], abs=1e-3)
    up = engine.teer[None, :] < engine.teer[:, None]
    assert engine.gap[up].mean() > engine.gap[up.T].mean() + 0.1


def test_transitions_are_viable_ranked_and_never_the_origin(engine):
    found = engine.transitions("72106", top=20)
    assert len(found) == 20 and [t.rank for t in found] == list(range(1, 21))
    assert all(t.viable and t.target != "72106" for t in found)
    assert all(t.gap <= engine.settings.max_gap for t in found)
    assert all(abs(t.teer_step) <= engine.settings.max_teer_distance for t in found)
    scores = [t.score for t in found]
    assert scores == sorted(scores, reverse=True)
    assert found[0].target.startswith("72")  # another metal trade


def test_feasibility_only_ranks_by_feasibility_alone(engine):
    found = engine.transitions("72106", top=20, feasibility_only=True)
    assert all(t.score == pytest.approx(t.feasibility) for t in found)
    full = engine.transitions("72106", top=20)
    assert any(abs(t.score - t.feasibility) > 1e-4 for t in full)  # outlook and exposure count
    personal = Person("72106", ratings={"F01c02": 5}, max_teer_step=0)
    assert [t.target for t in engine.transitions(personal, top=20, feasibility_only=True)] == [
        t.target for t in found
    ]


def test_every_code_answers(engine):
    _, targets, _ = engine.rank_all(None, top=20, feasibility_only=True)
    assert targets.shape == (516, 20)
    assert (targets[:, 0] >= 0).sum() >= 515  # one unit group (65229) has no viable step at the default gap
    found = engine.transitions("65229", top=5, include_nonviable=True)
    assert len(found) == 5 and not any(t.viable for t in found)
    assert engine.transitions("65229", top=5) == []  # the default: viable targets only
    nearest = engine.transitions("65229", top=5, nearest_if_none=True)
    assert [t.target for t in nearest] == [t.target for t in found]
    assert [t.gap for t in nearest] == sorted(t.gap for t in nearest)  # nearest first: smallest gap
    assert all(t.not_viable_because == ("gap",) and t.gap > engine.settings.max_gap for t in nearest)
    assert nearest[0].as_dict()["not_viable_because"] == ["gap"]
    _, targets, _ = engine.rank_all(None, top=20, nearest_if_none=True)
    assert (targets[:, 0] >= 0).all()  # every origin answers (some with fewer than 20 viable)
    row = targets[engine.index("65229")]
    assert [engine.codes[t] for t in row[:5]] == [t.target for t in nearest]
    assert not engine.viable[engine.index("65229"), row].any()


def test_nearest_only_when_none_is_viable_and_blockers_are_named(engine):
    viable = engine.transitions("72106", top=10, nearest_if_none=True, explain=False)
    assert viable and all(t.viable and t.not_viable_because == () for t in viable)
    # a person who takes no step up and at most 4 weeks of training: nothing from cashier, so the nearest
    tight = Person("65100", max_teer_step=0, max_training_weeks=4)
    found = engine.transitions(tight, top=5, nearest_if_none=True, explain=False)
    assert len(found) == 5 and not any(t.viable for t in found)
    assert all("training_weeks" in t.not_viable_because for t in found)
    assert engine.explain("65100", "65100").not_viable_because[0] == "origin"
    up = engine.explain(Person("65100", max_teer_step=0), "41200")  # university professors: TEER 1
    assert {"gap", "teer_distance", "teer_step"} <= set(up.not_viable_because)


def test_feasibility_only_can_keep_the_constraints(engine):
    person = Person("65100", ratings={"F01c02": 5}, max_teer_step=0, max_training_weeks=26)
    kept = engine.transitions(person, top=20, feasibility_only=True, keep_constraints=True, explain=False)
    assert kept and all(t.teer_step <= 0 and t.training_weeks <= 26 for t in kept)
    assert all(t.score == pytest.approx(t.feasibility) for t in kept)
    plain = engine.transitions("65100", top=20, feasibility_only=True, explain=False)
    assert [t.target for t in kept] != [t.target for t in plain]
    # the ratings are still left out: the same as the constraints alone
    alone = Person("65100", max_teer_step=0, max_training_weeks=26)
    assert [t.target for t in kept] == [
        t.target for t in engine.transitions(alone, top=20, feasibility_only=True, keep_constraints=True)
    ]


def test_unknown_codes_are_named(engine):
    with pytest.raises(UnknownOccupation, match="'99999'") as error:
        engine.transitions("99999")
    assert error.value.code == "99999"
    assert engine.transitions("10", top=1)[0].origin == "00010"  # leading zeros restored


def test_personal_ratings_replace_the_origin_profile(engine):
    base = engine.explain("65100", "13110")
    skilled = Person("65100", ratings=dict.fromkeys(("F01b01", "F01b02", "F01c01", "F01c02", "F04b05"), 4))
    better = engine.explain(skilled, "13110")
    assert engine.explain(Person("65100", ratings={"F01b01": np.int64(4)}), "13110").gap < base.gap
    assert better.gap < base.gap and better.feasibility > base.feasibility
    # rating the origin's own (whole-number) values changes nothing
    i = engine.index("65100")
    same = {
        d.id: int(round(engine.taxonomy.values[i, j] * d.scale_max))
        for j, d in enumerate(engine.taxonomy.descriptors)
        if d.facet == "knowledge"
    }
    assert engine.explain(Person("65100", ratings=same), "13110").score == pytest.approx(base.score, abs=1e-6)


def test_interests_replace_the_origin_interests(engine):
    social = Person("72106", interests=["S", "E", "A"])
    facet = {f.facet: f.fit for f in engine.explain(social, "41221").facets}  # teachers: S first
    facet0 = {f.facet: f.fit for f in engine.explain("72106", "41221").facets}
    assert facet["interests"] > facet0["interests"]


@pytest.mark.parametrize(
    ("person", "message"),
    [
        (Person("72106", ratings={"F01c02": 6}), "not a whole number from 0 to 5"),
        (Person("72106", ratings={"G01a01": 2.5}), "not a whole number from 0 to 3"),
        (Person("72106", ratings={"nope": 1}), "no such descriptor"),
        (Person("72106", interests=["R", "X"]), "RIASEC"),
        (Person("72106", interests=["R", "R"]), "RIASEC"),
    ],
)
def test_bad_personal_data_is_refused(engine, person, message):
    with pytest.raises(PathwayDataError, match=message):
        engine.transitions(person)


def test_constraints_limit_teer_steps_and_training(engine):
    free = engine.transitions("14110", top=50)
    assert any(t.teer_step > 0 for t in free)
    held = engine.transitions(Person("14110", max_teer_step=0, max_training_weeks=26), top=50)
    assert all(t.teer_step <= 0 and t.training_weeks <= 26 for t in held)


def test_training_weeks_follow_teer_and_gap(engine):
    s = engine.settings
    t = engine.explain("14110", "13110")  # TEER 4 → 3
    assert t.teer_step == 1 and t.training_weeks == pytest.approx(
        max(s.training_weeks_by_teer[3], t.gap * s.weeks_per_gap)
    )
    same = engine.explain("72106", "72104")
    assert same.training_weeks == pytest.approx(same.gap * s.weeks_per_gap, rel=1e-5)


def test_explanations_name_strengths_gaps_and_programs(engine):
    t = engine.explain("72106", "72104")
    assert len(t.strengths) == 5 and len(t.gaps) >= 1
    assert all(g.target - g.origin >= engine.settings.gap_min_points for g in t.gaps)
    assert all(min(s.origin, s.target) > 0 for s in t.strengths)
    assert all(g.name("fr") == g.name_en for g in t.gaps)  # no French OaSIS names: English
    ids = [m.program.id for m in t.programs]
    assert "apprenticeship" in ids  # 72104 is a trade
    assert t.as_dict("fr")["title"].startswith("Assembleurs")
    json.dumps(t.as_dict("fr"))
    reading = engine.explain(Person("65100", ratings={"F01b01": 0, "F01b02": 0}), "14100")
    lbs = [m for m in reading.programs if m.program.id == "literacy_basic_skills"]
    assert lbs and set(lbs[0].closes) <= {
        "F01b01",
        "F01b02",
        "F01c01",
        "F01c02",
        "F01a01",
        "F01a02",
        "F01a03",
    }


def test_explanations_carry_outlook_and_exposure_with_routes(engine):
    t = engine.explain("72106", "72104")
    assert t.outlook.source.startswith("COPS") and t.outlook.label_en
    assert "SOC 2010" in t.automation.route and t.ai_exposure.route.endswith("ILO 2023")


def test_settings_are_validated_and_change_the_engine(engine):
    with pytest.raises(PathwayDataError, match="max_gap"):
        PathwaySettings(max_gap=0)
    with pytest.raises(PathwayDataError, match="facet_weights"):
        PathwaySettings(facet_weights={"skills": -1})
    with pytest.raises(PathwayDataError, match="automation_measure"):
        PathwaySettings(automation_measure="tarot")
    strict = Engine(engine.taxonomy, engine.settings.replace(max_gap=0.1, max_teer_distance=0))
    assert strict.viable.sum() < engine.viable.sum()
    assert (strict.teer_distance[strict.viable] == 0).all()
    assert np.allclose(strict.fit, engine.fit)
