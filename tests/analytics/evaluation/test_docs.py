"""docs/evaluation.md documents every parameter with its default, every method, statement and caveat, the
recommendation rule's constant and every column of the province's evaluation table."""

import dataclasses
import re
from pathlib import Path

from careerlens.analytics.evaluation import EvaluationSettings
from careerlens.analytics.evaluation.engine import DID_METHODS, METHODS
from careerlens.analytics.evaluation.messages import CAVEATS, METHOD_NAMES, STATEMENTS
from careerlens.analytics.evaluation.recommend import REGRESSION_MAX_IMBALANCE

DOC = Path(__file__).resolve().parents[3] / "docs" / "evaluation.md"


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def test_every_parameter_is_documented_with_its_default():
    text = _text()
    defaults = EvaluationSettings().as_dict()
    for field in dataclasses.fields(EvaluationSettings):
        row = re.search(rf"^\| `{field.name}` \| ([^|]+) \|", text, re.MULTILINE)
        assert row, f"{field.name} is not in the parameter table of docs/evaluation.md"
        assert float(row.group(1)) == float(defaults[field.name]), field.name


def test_every_method_estimand_statement_and_caveat_is_documented():
    text = _text()
    for method, estimand in (*METHODS, *DID_METHODS):
        row = re.search(rf"^\| `{method}` \| ([^|]+) \|", text, re.MULTILINE)
        assert row and estimand in row.group(1), (method, estimand)
    assert set(METHOD_NAMES) == {m for m, _ in (*METHODS, *DID_METHODS)}
    for code in (*STATEMENTS, *CAVEATS):
        assert re.search(rf"^\| `{code}` \|", text, re.MULTILINE), code
    assert f"`REGRESSION_MAX_IMBALANCE` = {REGRESSION_MAX_IMBALANCE:g}" in text


def test_every_column_of_the_province_table_is_documented(table):
    text = _text()
    assert "`rest_of_plan_<intervention>`" in text
    for name in table.column_names:
        assert f"`{name}`" in text or name.startswith("rest_of_plan_"), name
