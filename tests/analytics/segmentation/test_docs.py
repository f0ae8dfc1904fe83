"""Every parameter, feature and protected characteristic is documented in docs/segmentation.md."""

import dataclasses
import re
from pathlib import Path

import pytest

from careerlens.analytics.segmentation import AuditSettings, StreamSettings, TrainingSettings, province
from careerlens.analytics.segmentation.early_warning import EarlyWarningSettings
from careerlens.analytics.segmentation.explain import feature_label
from careerlens.analytics.segmentation.groups import AGE_BANDS, CHARACTERISTICS
from careerlens.analytics.segmentation.overrides import MIN_REASON_LENGTH
from careerlens.analytics.segmentation.protected import PROTECTED

DOC = Path(__file__).resolve().parents[3] / "docs" / "segmentation.md"


@pytest.fixture(scope="module")
def text():
    return DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("settings", [TrainingSettings, StreamSettings, AuditSettings, EarlyWarningSettings])
def test_every_parameter_is_documented_with_its_default(text, settings):
    defaults = settings().as_dict()
    for field in dataclasses.fields(settings):
        row = re.search(rf"^\| `{field.name}` \| ([^|]+) \|", text, re.MULTILINE)
        assert row, f"{field.name} is not in a parameter table of docs/segmentation.md"
        assert float(row.group(1)) == pytest.approx(defaults[field.name]), field.name


def test_every_feature_is_documented_with_its_labels(text):
    for feature in (*province.INTAKE_FEATURES, *province.JOB_FEATURES, *province.AUDIT_COLUMNS):
        label = feature_label(feature)
        row = re.search(rf"^\| `{feature}` \| ([^|]+) \| ([^|]+) \|", text, re.MULTILINE)
        assert row, f"{feature} is not in the feature table"
        assert (row.group(1).strip(), row.group(2).strip()) == (label["en"], label["fr"]), feature


def test_protected_characteristics_outcomes_and_audit_groups_are_documented(text):
    for column in PROTECTED:
        assert f"`{column}`" in text, column
    for characteristic in CHARACTERISTICS:
        assert f"`{characteristic}`" in text, characteristic
    assert "55–64" in text and "65+" in text and len(AGE_BANDS) == 6
    assert f"**{province.MIN_HOURS} or more hours a week**" in text
    assert f"**{province.HORIZON_MONTHS} months**" in text
    for oracles in province.ORACLES.values():
        for column in oracles.values():
            assert f"`{column}`" in text, column
    assert f"at least {MIN_REASON_LENGTH} characters (`MIN_REASON_LENGTH`)" in text
