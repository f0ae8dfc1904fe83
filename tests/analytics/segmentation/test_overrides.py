"""Stream overrides: a reason is mandatory; the report by practitioner, provider or group."""

import pyarrow as pa
import pytest

from careerlens.analytics.segmentation import SegmentationDataError
from careerlens.analytics.segmentation.overrides import check_override, report


def test_an_override_needs_a_change_and_a_reason():
    assert check_override("A", "C", "unreported mental-health needs disclosed later") == "up"
    assert check_override("C", "B", "has a job offer starting next month") == "down"
    with pytest.raises(SegmentationDataError, match="reason"):
        check_override("A", "B", "  ")
    with pytest.raises(SegmentationDataError, match="nothing to override"):
        check_override("B", "B", "a long enough reason")
    with pytest.raises(SegmentationDataError, match="A, B or C"):
        check_override("D", "B", "a long enough reason")


def test_report_by_practitioner_with_small_cells_hidden():
    rows = (
        [("p1", "A", "C")] * 30
        + [("p1", "B", "B")] * 70
        + [("p2", "C", "A")] * 12
        + [("p2", "A", "A")] * 88
        + [("p3", "A", "B")] * 3
        + [("p3", "B", "B")] * 97
    )
    table = pa.table(
        {
            "practitioner": [r[0] for r in rows],
            "proposed_stream": [r[1] for r in rows],
            "final_stream": [r[2] for r in rows],
        }
    )
    found = {row["practitioner"]: row for row in report(table, "practitioner")}
    # p3's 3 overrides up are hidden, and p1's 30 with them (else the column's cells give them away)
    assert found["p3"] == {
        "practitioner": "p3",
        "decisions": 100,
        "overrides_up": None,
        "overrides_down": 0,
        "override_rate": None,
    }
    assert found["p1"]["overrides_up"] is None and found["p1"]["decisions"] == 100
    assert found["p2"]["overrides_down"] == 12 and found["p2"]["override_rate"] == pytest.approx(0.12)
    with pytest.raises(SegmentationDataError, match="provider"):
        report(table, "provider")
