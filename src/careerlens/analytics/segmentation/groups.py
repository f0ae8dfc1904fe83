"""The groups the fairness audit compares: each protected characteristic as recorded (with "prefer not
to answer" and "not recorded" as groups of their own), age bands, and aged 55+ or not."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

AGE_BANDS = ((16, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 200))
CHARACTERISTICS = (
    "age_band",
    "age_55_plus",
    "gender",
    "indigenous",
    "francophone",
    "born_outside_canada",
    "newcomer",
    "disability",
    "racialized",
)
NOT_RECORDED = "not_recorded"


def age_band(age: np.ndarray) -> np.ndarray:
    out = np.full(len(age), NOT_RECORDED, dtype=object)
    for low, high in AGE_BANDS:
        out[(age >= low) & (age <= high)] = f"{low}-{high}" if high < 200 else f"{low}+"
    return out


def _text(column) -> np.ndarray:
    if pa.types.is_dictionary(column.type):
        column = pc.cast(column, column.type.value_type)
    if pa.types.is_boolean(column.type):
        column = pc.if_else(column, "yes", "no")
    values = pc.fill_null(pc.cast(column, pa.string()), NOT_RECORDED)
    return np.asarray(values.to_numpy(zero_copy_only=False), dtype=object)


def membership(table: pa.Table) -> dict[str, np.ndarray]:
    """characteristic → the group of every row (text), for the characteristics the table has."""
    out: dict[str, np.ndarray] = {}
    for name in CHARACTERISTICS:
        if name.startswith("age_") and "age" in table.column_names:
            age = pc.fill_null(pc.cast(table.column("age"), pa.int64()), -1).to_numpy(zero_copy_only=False)
            if name == "age_band":
                out[name] = age_band(age)
            else:
                out[name] = np.where(age < 0, NOT_RECORDED, np.where(age >= 55, "yes", "no")).astype(object)
        elif name in table.column_names:
            values = _text(table.column(name))
            if name == "disability":
                values = np.where(
                    np.isin(values, ("none", "prefer_not_to_answer", NOT_RECORDED)), values, "yes"
                )
            out[name] = values
    return out
