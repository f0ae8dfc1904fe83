"""The province models' tables: the intake assessment's career measures join in, and a column an export
never fills is left out of the model instead of stopping the training."""

import pyarrow as pa
import pytest

from careerlens.analytics.segmentation import province
from careerlens.analytics.synth import simulate, writer


@pytest.fixture(scope="module")
def small():
    return writer.tables(simulate(20_000, 5))


def test_the_long_term_table_carries_the_intake_career_measures(small):
    table = province.long_term_table(small)
    assert set(province.ASSESSMENT_FEATURES) <= set(table.column_names)
    assert table.column("career_index").null_count == 0  # everybody with an intake was assessed
    index = table.column("career_index").to_numpy()
    assert index.min() >= 1 and index.max() <= 5


def test_a_column_nobody_answered_is_no_feature(small):
    _, full = province.train_model(small, province.LONG_TERM)
    assert "criminal_record" in full.model.feature_names
    clients = small["clients"]
    position = clients.schema.get_field_index("criminal_record")
    blank = pa.nulls(clients.num_rows, clients.schema.field("criminal_record").type)
    exported = small | {"clients": clients.set_column(position, "criminal_record", blank)}
    _, training = province.train_model(exported, province.LONG_TERM)
    assert "criminal_record" not in training.model.feature_names
    assert "career_index" in training.model.feature_names
