"""A column of the simulator's output tables: its name, Arrow type and meaning (schema.py lists them)."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

ARROW = {
    "int64": pa.int64(),
    "int32": pa.int32(),
    "int16": pa.int16(),
    "int8": pa.int8(),
    "float32": pa.float32(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "string": pa.string(),
    "dictionary": pa.dictionary(pa.int32(), pa.string()),
}
DECLINED = "prefer_not_to_answer"


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of ARROW
    meaning: str
    nullable: bool = False

    @property
    def arrow_type(self) -> pa.DataType:
        return ARROW[self.type]


def listed(values) -> str:
    return " | ".join(f"`{v}`" for v in values)
