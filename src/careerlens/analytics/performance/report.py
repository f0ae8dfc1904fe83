"""The provincial report: every indicator by every breakdown, for the whole period and by quarter of
referral, as one long Arrow table; ``report()`` returns it with small cells suppressed."""

from __future__ import annotations

from collections.abc import Sequence

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from careerlens.analytics.performance import codes
from careerlens.analytics.performance import facts as facts_module
from careerlens.analytics.performance.breakdowns import BREAKDOWNS, PRIORITY_GROUPS, Breakdown, grouped
from careerlens.analytics.performance.indicators import INDICATORS, Indicator
from careerlens.analytics.performance.settings import PerformanceSettings
from careerlens.analytics.performance.snapshot import Snapshot, store
from careerlens.analytics.suppression import primary_mask, suppress, suppress_rates

ALL_QUARTERS = "all"
FACTS_TABLE = "performance_facts"
SCHEMA = pa.schema(
    [
        ("breakdown", pa.string()),
        ("group", pa.string()),
        ("quarter", pa.string()),
        ("indicator", pa.string()),
        ("numerator", pa.int64()),
        ("denominator", pa.int64()),
        ("value", pa.float64()),
    ]
)


def materialise(snapshot: Snapshot, settings: PerformanceSettings, compress: bool = True) -> ibis.Table:
    """Build the facts table once, on the snapshot's backend (snapshot.store(): compressed on DuckDB)."""
    return store(snapshot.con, FACTS_TABLE, facts_module.build(snapshot, settings), compress)


def _labels(values: pa.ChunkedArray | pa.Array, breakdown: Breakdown, labels: codes.Labels) -> pa.Array:
    if breakdown.id == "age_band":
        return pa.array([facts_module.age_band_label(v) for v in values.to_pylist()], pa.string())
    if breakdown.column in codes.CODED:
        values = pc.take(pa.array(labels[breakdown.column]), values)
    return pc.cast(values, pa.string())


def _long(
    result: pa.Table, breakdown: Breakdown, indicators: Sequence[Indicator], labels: codes.Labels
) -> pa.Table:
    """From one row per group (and quarter) with ``<id>__num/__den/__val`` columns to the long SCHEMA."""
    n = result.num_rows
    groups = _labels(result["group"], breakdown, labels)
    if "quarter" in result.column_names:
        quarters = pa.array(
            [facts_module.quarter_label(q) for q in result["quarter"].to_pylist()], pa.string()
        )
    else:
        quarters = pa.array([ALL_QUARTERS] * n, pa.string())
    parts = []
    for indicator in indicators:
        i = indicator.id
        null_int = pa.nulls(n, pa.int64())
        if indicator.kind == "count":
            numerator = result[f"{i}__num"].cast(pa.int64()).fill_null(0)
            denominator, value = null_int, numerator.cast(pa.float64())
        elif indicator.kind in ("rate", "mean"):
            total = result[f"{i}__num"].cast(pa.float64()).fill_null(0)
            denominator = result[f"{i}__den"].cast(pa.int64())
            value = pc.if_else(pc.greater(denominator, 0), pc.divide(total, denominator), None)
            numerator = total.cast(pa.int64()) if indicator.kind == "rate" else null_int
        else:  # a median; a group absent from the median pass (no values) has 0 people
            numerator = null_int
            denominator = result[f"{i}__den"].cast(pa.int64()).fill_null(0)
            value = result[f"{i}__val"].cast(pa.float64())
        parts.append(
            pa.table(
                [
                    pa.array([breakdown.id] * n, pa.string()),
                    groups,
                    quarters,
                    pa.array([i] * n, pa.string()),
                    numerator,
                    denominator,
                    value,
                ],
                schema=SCHEMA,
            )
        )
    return pa.concat_tables(parts)


def _sum_by(table: pa.Table, keys: list[str], columns: list[str]) -> pa.Table:
    summed = table.group_by(keys, use_threads=False).aggregate([(c, "sum") for c in columns])
    return summed.rename_columns([c.removesuffix("_sum") for c in summed.column_names])


def _priority_code(facts: ibis.Table) -> ibis.Value:
    """The client's priority groups as one small integer (bit i for the i-th of PRIORITY_GROUPS)."""
    code = ibis.literal(0)
    for i, flag in enumerate(PRIORITY_GROUPS):
        code = code + ibis.ifelse(facts[flag].fill_null(False), 2**i, 0)
    return code.cast("int16")


def _stack_priority(table: pa.Table, sums: list[str]) -> pa.Table:
    """From sums per combination of priority groups (``code``) and quarter to sums per priority group and
    quarter: a client in two groups counts in both."""
    parts = []
    for i, flag in enumerate(PRIORITY_GROUPS):
        inside = table.filter(
            pc.not_equal(pc.bit_wise_and(table["code"], pa.scalar(2**i, table["code"].type)), 0)
        )
        if inside.num_rows == 0:
            continue
        summed = _sum_by(inside, ["quarter"], sums)
        parts.append(summed.append_column("group", pa.array([flag] * summed.num_rows, pa.string())))
    if not parts:
        empty = table.select(["quarter", *sums]).slice(0, 0)
        return empty.append_column("group", pa.array([], pa.string()))
    return pa.concat_tables(parts)


def _additive(facts: ibis.Table, indicators: Sequence[Indicator], breakdowns: Sequence[Breakdown]) -> dict:
    """Counts, rates and means of every breakdown by group and quarter, from two passes over the facts:
    a cube by every breakdown column and quarter, and one by the combination of priority groups and
    quarter, both rolled up here (the sums add up)."""
    columns = [b.column for b in breakdowns if b.column and b.id != "priority_group"]

    def aggregates(t: ibis.Table) -> dict:
        return {k: v for ind in indicators for k, v in ind.aggregates(t).items()}

    cube = facts.group_by([*columns, "quarter"]).aggregate(**aggregates(facts)).to_pyarrow()
    sums = [c for c in cube.column_names if c.endswith(("__num", "__den"))]
    found = {}
    for breakdown in breakdowns:
        if breakdown.id == "priority_group":
            combined = (
                facts.group_by(code=_priority_code(facts), quarter=facts.quarter)
                .aggregate(**aggregates(facts))
                .to_pyarrow()
            )
            found[breakdown.id] = _stack_priority(combined, sums)
        elif breakdown.column is None:
            province = _sum_by(cube, ["quarter"], sums)
            found[breakdown.id] = province.append_column("group", pa.array(["all"] * province.num_rows))
        else:
            rolled = _sum_by(cube, [breakdown.column, "quarter"], sums)
            found[breakdown.id] = rolled.rename_columns(
                ["group" if c == breakdown.column else c for c in rolled.column_names]
            )
    return found


def _medians(
    facts: ibis.Table, indicators: Sequence[Indicator], breakdown: Breakdown, valued_only: bool = False
) -> tuple[pa.Table, pa.Table]:
    """Medians (and the people behind them) of one breakdown by group and quarter, and by group. With
    ``valued_only``, only the clients with a value of some median are read (the others change no median
    and no count of one); a group without any is then absent, and compute() counts it as 0 people."""
    if valued_only:
        facts = facts.filter(ibis.or_(*[facts[i.column].notnull() for i in indicators]))
    t = grouped(facts, breakdown)
    aggregates = {k: v for ind in indicators for k, v in ind.aggregates(t).items()}
    by_quarter = t.group_by(["group", "quarter"]).aggregate(**aggregates).to_pyarrow()
    whole = t.group_by("group").aggregate(**aggregates).to_pyarrow()
    return by_quarter, whole


def compute(
    facts: ibis.Table,
    indicators: Sequence[Indicator] = INDICATORS,
    breakdowns: Sequence[Breakdown] = BREAKDOWNS,
    by_quarter: bool = True,
) -> pa.Table:
    """Every indicator by every breakdown, for the whole period (``quarter`` = all) and by quarter of
    referral, before suppression (for the engine only). Counts, rates and means come from two passes
    (_additive) and are summed over quarters; medians need one pass per breakdown and period."""
    additive = [i for i in indicators if i.additive]
    medians = [i for i in indicators if not i.additive]
    found = _additive(facts, additive, breakdowns) if additive else {}
    labels = codes.labels(facts.get_backend())
    parts = []
    for breakdown in breakdowns:
        quarterly = found.get(breakdown.id)
        sums = [c for c in quarterly.column_names if c.endswith(("__num", "__den"))] if quarterly else []
        whole = _sum_by(quarterly, ["group"], sums) if quarterly else None
        if medians:
            # with the additive indicators' groups to join onto, only the clients with a value are read
            median_quarterly, median_whole = _medians(facts, medians, breakdown, valued_only=bool(additive))
            quarterly = (
                median_quarterly
                if quarterly is None
                else quarterly.join(median_quarterly, ["group", "quarter"])
            )
            whole = median_whole if whole is None else whole.join(median_whole, "group")
        if by_quarter:
            parts.append(_long(quarterly, breakdown, indicators, labels))
        parts.append(_long(whole, breakdown, indicators, labels))
    table = pa.concat_tables(parts)
    order = pc.sort_indices(
        table,
        [
            ("breakdown", "ascending"),
            ("quarter", "ascending"),
            ("indicator", "ascending"),
            ("group", "ascending"),
        ],
    )
    return table.take(order)


def suppress_report(table: pa.Table, threshold: int = 10) -> pa.Table:
    """Hide (null) the numerator, denominator and value of cells about fewer than ``threshold`` people,
    with complementary suppression among the groups of each breakdown, quarter and indicator."""
    keys = ["breakdown", "quarter", "indicator"]
    line = pc.binary_join_element_wise(*[table[k] for k in keys], "|")
    codes = pc.dictionary_encode(line).combine_chunks().indices.to_numpy()
    numerator = table["numerator"].to_numpy(zero_copy_only=False)
    denominator = table["denominator"].to_numpy(zero_copy_only=False)
    hidden = np.zeros(table.num_rows, dtype=bool)
    order = np.argsort(codes, kind="stable")
    bounds = np.flatnonzero(np.diff(codes[order])) + 1
    for rows in np.split(order, bounds):
        num, den = numerator[rows], denominator[rows]
        if not np.isnan(den.astype(float)).all():
            den_i = np.nan_to_num(den.astype(float)).astype(np.int64)
            if np.isnan(num.astype(float)).all():
                hidden[rows] = suppress(den_i, threshold)
            else:
                hidden[rows] = suppress_rates(
                    np.nan_to_num(num.astype(float)).astype(np.int64), den_i, threshold
                )
        else:
            counts = np.nan_to_num(num.astype(float)).astype(np.int64)
            hidden[rows] = suppress(counts, threshold) | primary_mask(counts, threshold)
    mask = pa.array(hidden)
    out = table
    for name in ("numerator", "denominator", "value"):
        column = table[name]
        out = out.set_column(
            out.schema.get_field_index(name), name, pc.if_else(mask, pa.nulls(1, column.type)[0], column)
        )
    return out.append_column("suppressed", mask)


def report(
    snapshot: Snapshot, settings: PerformanceSettings | None = None, by_quarter: bool = True
) -> pa.Table:
    """The suppressed provincial report (see docs/metrics.md for the indicators)."""
    settings = settings or PerformanceSettings()
    facts = materialise(snapshot, settings)
    return suppress_report(compute(facts, by_quarter=by_quarter), settings.suppression_threshold)
