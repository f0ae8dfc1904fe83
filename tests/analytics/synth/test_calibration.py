"""Every calibration target from FACTS.md, measured on the written Parquet output, within its tolerance."""

import pytest

from careerlens.analytics.synth import calibration


@pytest.mark.parametrize("target", calibration.TARGETS, ids=lambda t: t.name)
def test_target_within_tolerance(calibration_report, target):
    result = calibration_report[target.name]
    assert result["value"] is not None
    assert target.low <= result["value"] <= target.high, f"{target.description}: {result['value']}"
    assert target.low <= target.target <= target.high


def test_every_target_has_a_query_and_a_source():
    assert {t.name for t in calibration.TARGETS} == set(calibration.QUERIES)
    assert all(t.source for t in calibration.TARGETS)


def test_the_same_report_from_tables_in_memory(tables, calibration_report):
    assert calibration.report(tables) == calibration_report


def test_a_target_can_fail(tables):
    import pyarrow.compute as pc

    episodes = tables["episodes"]
    everyone_c = episodes.set_column(
        episodes.schema.get_field_index("stream"),
        "stream",
        pc.cast(pc.if_else(pc.is_valid(episodes["stream"]), "C", None), "string"),
    )
    result = calibration.report({**tables, "episodes": everyone_c})
    assert not result["stream_c"]["ok"] and result["stream_c"]["value"] == 1.0
    assert "MISS stream_c" in calibration.format_report(result)


def test_a_missing_directory_is_reported_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="clients.parquet is missing"):
        calibration.report(tmp_path)
