import numpy as np
import pytest

from careerlens.analytics.pathways import Engine, PathwayDataError, aggregate, from_long, read_long


def test_the_long_format_builds_a_dense_taxonomy(toy_long):
    tax = from_long(toy_long)
    assert list(tax.codes) == ["A", "B", "C", "D"]
    assert tax.facets == ("skills", "knowledge")
    assert [d.id for d in tax.descriptors] == ["s1", "s2", "s3", "k1"]
    assert tax.values[0].tolist() == pytest.approx([1.0, 0.8, 0.2, 1.0])
    assert (tax.teer == -1).all() and list(tax.titles_en) == ["A", "B", "C", "D"]


def test_the_long_format_round_trips_through_files(toy_long, tmp_path):
    tax = from_long(toy_long)
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    pq.write_table(tax.to_long(), tmp_path / "r.parquet")
    pacsv.write_csv(tax.to_long(), tmp_path / "r.csv")
    for path in (tmp_path / "r.parquet", tmp_path / "r.csv"):
        again = from_long(read_long(path))
        assert np.allclose(again.values, tax.values) and list(again.codes) == list(tax.codes)


def test_another_taxonomy_runs_through_the_engine(toy_long):
    engine = Engine(from_long(toy_long, {"occupation": ["A", "B"], "title_en": ["Alpha", "Beta"]}))
    found = engine.transitions("A", top=3, feasibility_only=True)
    assert found[0].target == "B" and found[0].title_en == "Beta"
    assert engine.facets == ("skills", "knowledge")  # facets without data are left out of the weights
    assert engine.weights.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.pop("scale_max"), "missing column"),
        (lambda t: t["value"].__setitem__(2, 7), r"row 3: value 7.* outside 0..5"),
        (lambda t: t["value"].__setitem__(0, None), "row 1: value is empty"),
        (lambda t: t["occupation"].__setitem__(1, ""), "row 2: occupation is empty"),
        (lambda t: t["scale_max"].__setitem__(6, 4), r"row 7: scale_max 4.0 of skills:s3 differs"),
        (lambda t: t["descriptor"].__setitem__(1, "s1"), "row 2: A skills:s1 is rated twice"),
    ],
)
def test_bad_long_tables_are_refused_naming_the_row(toy_long, change, message):
    table = {k: list(v) for k, v in toy_long.items()}
    change(table)
    with pytest.raises(PathwayDataError, match=message):
        from_long(table)


def test_profiles_are_averaged_or_maximised(toy_long):
    table = {k: list(v) for k, v in toy_long.items()}
    table["occupation"] = [{"A": "U.01", "B": "U.02"}.get(o, o) for o in table["occupation"]]
    profiles = from_long(table)
    mean = aggregate(profiles, lambda c: c.split(".")[0], "mean")
    high = aggregate(profiles, lambda c: c.split(".")[0], "max")
    u = list(mean.codes).index("U")
    assert mean.values[u, 2] == pytest.approx(0.3) and high.values[u, 2] == pytest.approx(0.4)
    assert mean.members["U"] == ("U.01", "U.02")
    with pytest.raises(PathwayDataError, match="profile rule"):
        aggregate(profiles, rule="median")
