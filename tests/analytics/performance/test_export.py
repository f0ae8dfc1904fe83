"""The open-data export: CSV tables, an indicator list and a data dictionary in English and French."""

import csv

import pytest

from careerlens.analytics.performance import INDICATORS, PerformanceError, export


@pytest.fixture(scope="module")
def written(full_report, tmp_path_factory):
    out = tmp_path_factory.mktemp("open-data") / "new"
    return out, export.write(full_report, out)


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_table_is_written_with_its_dictionary(written, full_report):
    out, paths = written
    assert {p.name for p in paths} == {f"{n}.csv" for n in full_report.tables} | {
        "data_dictionary.csv",
        "indicator_definitions.csv",
        "breakdowns.csv",
    }
    dictionary = read(out / "data_dictionary.csv")
    for name, table in full_report.tables.items():
        header = next(csv.reader((out / f"{name}.csv").open(encoding="utf-8")))
        assert header == table.column_names
        documented = {r["column"] for r in dictionary if r["table"] == name}
        assert documented == set(header)
    assert all(r["description_en"] and r["description_fr"] for r in dictionary)


def test_indicator_definitions_are_bilingual(written):
    out, _ = written
    rows = read(out / "indicator_definitions.csv")
    assert [r["indicator"] for r in rows] == [i.id for i in INDICATORS]
    assert all(r["name_fr"] and r["name_fr"] != r["name_en"] for r in rows if r["indicator"] != "province")


def test_suppressed_cells_are_empty_in_the_csv(written):
    out, _ = written
    hidden = [r for r in read(out / "indicators.csv") if r["suppressed"] == "true"]
    assert hidden and all(r["value"] == "" and r["numerator"] == "" for r in hidden)


def test_an_output_that_is_a_file_is_refused(full_report, tmp_path):
    target = tmp_path / "file"
    target.write_text("")
    with pytest.raises(PerformanceError, match="cannot create the directory"):
        export.write(full_report, target / "below")
