import numpy as np
import pytest

from careerlens.analytics.pathways import Engine, PathwayDataError, labour


def test_cops_outlooks(engine):
    o = engine.outlooks
    assert np.isfinite(o.value).sum() == 485  # COPS projects 485 of the 516 unit groups
    assert set(np.unique(o.value[np.isfinite(o.value)])) <= {-1.0, -0.5, 0.0, 0.5, 1.0}
    outlook = o.get(engine.index("31301"))
    assert outlook.source.startswith("COPS") and outlook.label_fr


def test_jobbank_import_stars_and_labels(tmp_path):
    path = tmp_path / "jb.csv"
    path.write_text(
        "NOC Code,Economic Region Code,Outlook\n72106,3530,4\n10,3530,Very limited\n"
        "72106,3550,Très bonnes\n31301,3550,Undetermined\n",
        encoding="utf-8",
    )
    assert labour.read_jobbank(path) == {"3530": {"72106": 4, "00010": 1}, "3550": {"72106": 5}}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("noc_code,economic_region,outlook\n99,3530,3\n", "line 2: noc_code '99' is not a NOC 2021"),
        ("noc_code,economic_region,outlook\n72106,35,3\n", "line 2: economic_region '35'"),
        ("noc_code,economic_region,outlook\n72106,3530,great\n", "line 2: outlook 'great'"),
        (
            "noc_code,economic_region,outlook\n72106,3530,3\n72106,3530,4\n",
            "line 3: 72106 in region 3530 appears twice",
        ),
        ("noc,region\n72106,3530\n", "no economic_region column"),
    ],
)
def test_jobbank_import_errors_name_the_line(tmp_path, engine, body, message):
    path = tmp_path / "jb.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PathwayDataError, match=message):
        labour.read_jobbank(path, set(engine.codes))


def test_regional_outlook_overrides_cops_in_that_region_only(engine):
    regional = engine.outlooks.with_jobbank({"3530": {"72104": 1}})
    e = Engine(engine.taxonomy, engine.settings, outlooks=regional, exposures=engine.exposures)
    t = e.index("72104")
    assert e.outlooks.get(t, "3530").label_en == "Very limited"
    assert e.outlooks.get(t, "3550").source.startswith("COPS")
    toronto = {x.target: x.score for x in e.transitions("72106", top=30, region="3530", explain=False)}
    canada = {x.target: x.score for x in e.transitions("72106", top=30, explain=False)}
    assert toronto["72104"] < canada["72104"]


def test_wages_give_an_earnings_ratio(tmp_path, engine):
    path = tmp_path / "w.csv"
    path.write_text("noc_code,wage\n72106,30\n72104,36\n", encoding="utf-8")
    wages = labour.read_wages(path, set(engine.codes))
    e = Engine(engine.taxonomy, engine.settings, wages=wages)
    t = e.explain("72106", "72104")
    assert t.earnings_ratio == pytest.approx(1.2)
    assert e.explain("72106", "72102").earnings_ratio is None  # unknown wage: no ratio, no effect
    base = engine.explain("72106", "72104")
    assert t.score > base.score - 1e-6  # higher pay ranks higher (outlook/exposure unloaded here)
    path.write_text("noc_code,wage\n72106,-3\n", encoding="utf-8")
    with pytest.raises(PathwayDataError, match="line 2: wage must be more than 0"):
        labour.read_wages(path)
