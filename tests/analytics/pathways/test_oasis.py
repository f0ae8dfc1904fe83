import numpy as np
import pytest

from careerlens.analytics.pathways import oasis


def test_every_unit_group_has_a_profile(engine):
    assert len(engine.codes) == 516
    assert set(engine.taxonomy.teer) == {0, 1, 2, 3, 4, 5}
    assert all(len(g) == 4 for g in engine.taxonomy.group)
    assert engine.taxonomy.titles_fr[engine.index("72106")].startswith("Soudeurs")


def test_all_seven_facets_and_their_descriptors(engine):
    sizes = {f: s.stop - s.start for f, s in engine.taxonomy.facet_slices.items()}
    # work context: 56 descriptors, 10 on two scales, less the categorical work schedule
    assert sizes == {
        "skills": 33,
        "abilities": 49,
        "knowledge": 44,
        "work_activities": 40,
        "work_context": 65,
        "personal_attributes": 13,
        "interests": 6,
    }
    names = {d.id: d for d in engine.taxonomy.descriptors}
    assert names["F01b02"].name_en == "Writing"  # header "Writing  "
    assert names["B02c01"].name_en == "Active Learning"  # header "\xa0Active Learning"
    assert names["J02b05.2"].name_en == "Outside, Exposed to Weather (duration)"  # "…Weather7"
    assert "J01c03" not in names  # categorical
    assert names["G01a02"].name_en == "Business Management"  # aliased header
    assert names["F01a01"].name("fr") == "Oral Communication: Active Listening"  # no French in OaSIS
    assert {d.scale_max for d in names.values() if d.facet == "knowledge"} == {3.0}


def test_unit_groups_average_their_profiles(engine, profiles):
    members = engine.taxonomy.members["72106"]
    assert members == ("72106.01", "72106.02")
    rows = [list(profiles.codes).index(m) for m in members]
    assert np.allclose(engine.taxonomy.values[engine.index("72106")], profiles.values[rows].mean(0))
    assert max(len(m) for m in engine.taxonomy.members.values()) == 14  # 31100
    assert len(profiles.codes) == 900


def test_interests_become_three_two_one_points(profiles):
    tax = profiles
    i = list(tax.codes).index("00010.00")  # Legislators: E, S, C
    cols = tax.facet_slices["interests"]
    points = dict(zip([d.id for d in tax.descriptors[cols]], tax.values[i, cols] * 3, strict=True))
    assert points == pytest.approx(
        {"C01a01": 0, "C01a02": 0, "C01a03": 0, "C01a04": 2, "C01a05": 3, "C01a06": 1}
    )


def test_the_interests_slip_on_14404_is_read_as_its_only_profile(profiles):
    i = list(profiles.codes).index("14404.00")
    assert profiles.values[i, profiles.facet_slices["interests"]].sum() > 0
    assert "14404.01" not in set(profiles.codes)


def test_a_header_matching_nothing_is_an_error(tmp_path):
    guide = [{"code": "F01b02", "name": "Writing", "scale1": "", "max1": 5, "scale2": "", "max2": None}]
    with pytest.raises(oasis.PathwayDataError, match="column 'Juggling' matches no skills descriptor"):
        oasis.match_headers("skills", ["Writing", "Juggling"], guide, tmp_path / "x.csv")
