"""Reading and checking the input: every unusable input is refused with a message naming what is wrong."""

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from careerlens.analytics.evaluation import EvaluationError, read_table
from careerlens.analytics.evaluation.data import prepare

from .toy import confounded


def test_csv_and_parquet_read_the_same(tmp_path):
    table = confounded(200)
    pacsv.write_csv(table, tmp_path / "data.csv")
    pq.write_table(table, tmp_path / "data.parquet")
    assert read_table(tmp_path / "data.csv").num_rows == read_table(tmp_path / "data.parquet").num_rows == 200


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", None, "no such file"),
        ("data.xlsx", b"x", "must end in .csv or .parquet"),
        ("broken.parquet", b"not parquet", "cannot read"),
    ],
)
def test_unreadable_files_are_named(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(EvaluationError, match=message):
        read_table(path)


def test_yes_no_words_and_numbers_are_treatments():
    table = pa.table(
        {"t": ["yes", "no", "Oui", "non"] * 10, "n": [1, 0, 1, 0] * 10, "y": np.arange(40.0), "x": [1.0] * 40}
    )
    words = prepare(table, "t", "y", ["x"])
    numbers = prepare(table, "n", "y", ["x"])
    assert words.treated.tolist() == numbers.treated.tolist() == [True, False] * 20


@pytest.mark.parametrize(
    ("change", "arguments", "message"),
    [
        ({}, ("treated", "outcome", ["score", "nowhere", "gone"]), "not in the data: nowhere, gone"),
        ({}, ("treated", "outcome", ["score", "score"]), "more than once: score"),
        ({}, ("treated", "outcome", []), "at least one covariate"),
        ({}, ("treated", "outcome", ["treated"]), "cannot also be covariates"),
        ({"treated": pa.array([0, 1, 2] * 100)}, ("treated", "outcome", ["score"]), "must be binary"),
        ({"treated": pa.array([True] * 300)}, ("treated", "outcome", ["score"]), "control group is empty"),
        ({"treated": pa.array([False] * 300)}, ("treated", "outcome", ["score"]), "treated group is empty"),
        (
            {"outcome": pa.array(["good"] * 300)},
            ("treated", "outcome", ["score"]),
            "outcome column 'outcome'",
        ),
        ({"score": pa.array([None] * 300, pa.float64())}, ("treated", "outcome", ["score"]), "has no values"),
        ({"region": pa.array([str(i) for i in range(300)])}, ("treated", "outcome", ["region"]), "not"),
    ],
)
def test_bad_columns_are_named(change, arguments, message):
    table = confounded(300)
    for name, values in change.items():
        table = table.set_column(table.column_names.index(name), name, values)
    if message == "not":  # 300 levels is fine; 501 is too many
        prepare(table, *arguments)
        many = pa.table({"t": [True, False] * 300, "y": [1.0] * 600, "c": [str(i) for i in range(600)]})
        with pytest.raises(EvaluationError, match="600 distinct values"):
            prepare(many, "t", "y", ["c"])
        return
    with pytest.raises(EvaluationError, match=message):
        prepare(table, *arguments)


def test_missing_values_leave_rows_out_or_become_a_category():
    table = pa.table(
        {
            "t": pa.array([True, False, None, True, False, True]),
            "y": pa.array([1.0, 0.0, 1.0, None, 1.0, 0.0]),
            "region": pa.array(["a", None, "a", "b", "b", "a"]),
            "age": pa.array([30.0, None, 40.0, 50.0, 20.0, 35.0]),
        }
    )
    dataset = prepare(table, "t", "y", ["region", "age"])
    assert dataset.dropped_missing == 2 and len(dataset.outcome) == 4
    assert "region: (missing)" in dataset.design.labels and "age: (missing)" in dataset.design.labels
    assert dataset.design.without("age").labels == ("region: (missing)", "region: b")


def test_a_value_of_a_column_can_be_the_treatment():
    table = pa.table({"program": ["ow", "odsp", "ei", "ow"] * 10, "y": np.arange(40.0), "x": [1.0, 2.0] * 20})
    dataset = prepare(table, "program=ow", "y", ["x"])
    assert dataset.treated.tolist() == [True, False, False, True] * 10
    with pytest.raises(EvaluationError, match="no row has program = none"):
        prepare(table, "program=none", "y", ["x"])
    with pytest.raises(EvaluationError, match="not in the data: plan"):
        prepare(table, "plan=ow", "y", ["x"])
    with pytest.raises(EvaluationError, match="column 'program' cannot also be a covariate"):
        prepare(table, "program=ow", "y", ["x", "program"])
