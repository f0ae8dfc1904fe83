from pathlib import Path

import pyarrow as pa

from careerlens.analytics.synth import schema
from careerlens.analytics.synth.columns import ARROW

DOC = Path(__file__).resolve().parents[3] / "docs" / "synth-schema.md"


def test_the_schema_document_is_generated_from_the_code():
    assert DOC.read_text(encoding="utf-8") == schema.markdown(), (
        "docs/synth-schema.md is stale: python -m careerlens.analytics.synth.schema > docs/synth-schema.md"
    )


def test_every_column_has_a_type_and_a_meaning():
    for table, (description, columns) in schema.TABLES.items():
        assert description, table
        names = [c.name for c in columns]
        assert len(names) == len(set(names)), table
        for c in columns:
            assert c.type in ARROW and len(c.meaning) > 3, (table, c.name)


def test_arrow_schemas_carry_the_meanings():
    s = schema.arrow_schema("jobs")
    assert s.field("hourly_wage").type == pa.float32()
    assert s.field("hourly_wage").metadata[b"meaning"] == b"$ an hour"
    assert s.metadata[b"table"] == b"jobs"
