"""Payments under a rule file (rules.py): each client's payment lines (operational at intake, outcome
payments at each funded checkpoint with the priority-group incentive, the spin-cycle penalty at the return
to Ontario Works), summed per provider and SSM per quarter of the event; two rule files side by side; and
the creaming check (payment per client against expected cost, by segment of expected outcome).

The rule amounts are parameters of one aggregation: the backend counts the lines once (counts(): per
unit, quarter, component, stream and priority group, with the people behind them), and each rule file's
amounts are those counts times its rates (ledger()), so two rule files cost one pass."""

from __future__ import annotations

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from careerlens.analytics.performance import codes
from careerlens.analytics.performance.breakdowns import PRIORITY_GROUPS
from careerlens.analytics.performance.facts import CHECKPOINTS, quarter_label
from careerlens.analytics.performance.model import number
from careerlens.analytics.performance.rules import FundingRules
from careerlens.analytics.suppression import suppress

COMPONENTS: dict[str, tuple[str, str]] = {  # payment components, with their English and French names
    "operational": ("operational payments", "paiements de fonctionnement"),
    "outcomes": ("outcome payments", "paiements aux résultats"),
    "incentives": ("priority-group incentives", "primes pour les groupes prioritaires"),
    "penalties": ("spin-cycle penalties", "pénalités pour retour à l’aide sociale"),
}
SEGMENTS = 5  # creaming check: quintiles of expected outcome
CREAMING_OUTCOME = "outcome_12m"  # segments of the creaming check: quintiles of this expected outcome
FUNDED = tuple(f"outcome_{m}m" for m in CHECKPOINTS)
CREAMING_COLUMNS = ("stream", *FUNDED, "ow_return")  # the facts the creaming check counts per client
LINES = tuple(f"lines_{m}" for m in CHECKPOINTS)  # funded checkpoint lines, by checkpoint months


def priority(t: ibis.Table) -> ibis.Value:
    """In any priority group (the incentive's condition)."""
    return ibis.or_(*[t[g] for g in PRIORITY_GROUPS])


def _lines(facts: ibis.Table) -> ibis.Table:
    """One row per client, quarter and component (operational, outcomes, penalties) with payment lines,
    read from the facts alone (they carry the quarter of the intake, of each checkpoint due and of the
    return to Ontario Works): the unit, stream and priority group, ``lines``, the outcome lines by
    checkpoint (lines_1 ... lines_12) and ``person`` (1 on the client's first line of the component in
    that quarter, so that people add up)."""
    who = {
        "provider": facts.provider,
        "ssm": facts.ssm,
        "stream": facts.stream,
        "priority": priority(facts),
    }
    none = {name: ibis.literal(0, "int64") for name in LINES}

    def line(t: ibis.Table, quarter: str, component: str, **by_checkpoint) -> ibis.Table:
        return t.select(
            **who,
            quarter=t[quarter],
            component=ibis.literal(component),
            person=ibis.literal(1, "int64"),
            **{**none, **by_checkpoint},
        )

    operational = line(facts.filter(facts.intake), "intake_quarter", "operational")
    penalties = line(facts.filter(facts.ow_return.fill_null(False)), "return_quarter", "penalties")
    outcomes = []
    for i, m in enumerate(CHECKPOINTS):
        paid = facts.filter(facts[f"outcome_{m}m"].fill_null(False))
        quarter = paid[f"due_quarter_{m}"]
        # the client was already counted in this quarter for an earlier funded checkpoint
        earlier = [
            paid[f"outcome_{k}m"].fill_null(False) & paid[f"due_quarter_{k}"].identical_to(quarter)
            for k in CHECKPOINTS[:i]
        ]
        outcomes.append(
            paid.select(
                **who,
                quarter=quarter,
                component=ibis.literal("outcomes"),
                person=ibis.ifelse(ibis.or_(*earlier), 0, 1).cast("int64")
                if earlier
                else ibis.literal(1, "int64"),
                **{**none, f"lines_{m}": ibis.literal(1, "int64")},
            )
        )
    return ibis.union(operational, *outcomes, penalties)


def counts(facts: ibis.Table) -> pa.Table:
    """Payment lines and people per provider (with its SSM), quarter, component, stream and priority
    group, with the outcome lines by checkpoint (lines_1 ... lines_12): everything any rule file's
    amounts need, in one aggregation over the facts (no table of the snapshot is read again). A client
    has one provider, SSM, stream and priority group, so people add up over them."""
    lines = _lines(facts)
    found = (
        lines.group_by(["provider", "ssm", "quarter", "component", "stream", "priority"])
        .aggregate(
            people=lines.person.sum(),
            lines=lines.count(),
            **{name: lines[name].sum() for name in LINES},
        )
        .to_pyarrow()
    )
    return codes.decode(found, facts.get_backend(), {"provider": "provider", "ssm": "ssm"})


def _rates(streams: pa.ChunkedArray | pa.Array, rules: FundingRules) -> np.ndarray:
    """$ per funded outcome for each row's stream, one column per checkpoint (0 where the rules pay none)."""
    names = np.asarray(pc.fill_null(streams, "").to_pylist(), dtype=object)
    table = np.zeros((len(names), len(CHECKPOINTS)))
    for stream, by_month in rules.outcome_payments.items():
        for j, m in enumerate(CHECKPOINTS):
            table[names == stream, j] = by_month.get(m, 0.0)
    return table


def ledger(found: pa.Table, rules: FundingRules) -> pa.Table:
    """People and $ per provider (with its SSM), quarter and component under ``rules``, from counts():
    the table payments() and compare_rules() read (a client has one provider, so people add up to SSMs)."""
    component = found["component"]
    lines = np.asarray(found["lines"].to_numpy(), dtype=float)
    by_checkpoint = np.column_stack([np.asarray(found[c].to_numpy(), dtype=float) for c in LINES])
    outcome_amount = np.sum(by_checkpoint * _rates(found["stream"], rules), axis=1)
    amount = np.select(
        [
            pc.equal(component, "operational").to_numpy(zero_copy_only=False),
            pc.equal(component, "outcomes").to_numpy(zero_copy_only=False),
        ],
        [lines * rules.operational_per_intake, outcome_amount],
        lines * -rules.ow_return_penalty,
    )
    keys = ["provider", "ssm", "quarter", "component"]
    base = found.select(keys[:3]).append_column("component", component)
    rows = base.append_column("people", found["people"]).append_column("amount", pa.array(amount))
    paid = pc.and_(pc.equal(component, "outcomes"), found["priority"].fill_null(False))
    raised = outcome_amount[paid.to_numpy(zero_copy_only=False)] * rules.priority_group_incentive
    incentives = pa.table(
        {
            **{k: base[k].filter(paid) for k in keys[:3]},
            "component": pa.array(["incentives"] * len(raised), pa.string()),
            "people": found["people"].filter(paid),
            "amount": pa.array(raised),
        }
    )
    both = pa.concat_tables([rows, incentives])
    summed = both.group_by(keys, use_threads=False).aggregate([("people", "sum"), ("amount", "sum")])
    return summed.rename_columns([*keys, "people", "amount"])


def payments(book: pa.Table, level: str, threshold: int = 10) -> pa.Table:
    """Payments per unit (``provider`` or ``ssm``) and quarter: people and $ for each component and the
    total; amounts about fewer than ``threshold`` people are suppressed (with complements in the row)."""
    wide = None
    for c in COMPONENTS:
        part = book.filter(pc.equal(book["component"], c))
        part = part.group_by([level, "quarter"], use_threads=False).aggregate(
            [("people", "sum"), ("amount", "sum")]
        )
        part = part.rename_columns([level, "quarter", f"{c}_people", f"{c}_amount"])
        wide = part if wide is None else wide.join(part, [level, "quarter"], join_type="full outer")
    result = wide.sort_by([(level, "ascending"), ("quarter", "ascending")])
    people = np.column_stack(
        [
            np.nan_to_num(result[f"{c}_people"].to_numpy(zero_copy_only=False).astype(float)).astype(np.int64)
            for c in COMPONENTS
        ]
    )
    hidden = suppress(people, threshold) if len(people) else np.zeros((0, len(COMPONENTS)), dtype=bool)
    quarters = [quarter_label(q) for q in result["quarter"].to_pylist()]
    columns = {"level": [level] * result.num_rows, "unit": result[level], "quarter": quarters}
    total = np.zeros(result.num_rows)
    for j, c in enumerate(COMPONENTS):
        amount = np.nan_to_num(result[f"{c}_amount"].to_numpy(zero_copy_only=False).astype(float))
        total += amount
        columns[f"{c}_people"] = pa.array(people[:, j], mask=hidden[:, j])
        columns[f"{c}_amount"] = pa.array(np.round(amount, 2), mask=hidden[:, j])
    columns["total_amount"] = pa.array(np.round(total, 2), mask=hidden.any(axis=1))
    return pa.table(columns)


def compare_rules(book_a: pa.Table, book_b: pa.Table, level: str, names: tuple[str, str]) -> pa.Table:
    """Total payment per unit over the whole period under two rule files, side by side."""
    a = (
        book_a.group_by(level, use_threads=False)
        .aggregate([("amount", "sum")])
        .rename_columns([level, "amount_a"])
    )
    b = (
        book_b.group_by(level, use_threads=False)
        .aggregate([("amount", "sum")])
        .rename_columns([level, "amount_b"])
    )
    both = a.join(b, level, join_type="full outer").sort_by(level)
    amount_a = np.nan_to_num(both["amount_a"].to_numpy(zero_copy_only=False).astype(float))
    amount_b = np.nan_to_num(both["amount_b"].to_numpy(zero_copy_only=False).astype(float))
    return pa.table(
        {
            "level": [level] * both.num_rows,
            "unit": both[level],
            "rules_a": [names[0]] * both.num_rows,
            "rules_b": [names[1]] * both.num_rows,
            "amount_a": np.round(amount_a, 2),
            "amount_b": np.round(amount_b, 2),
            "difference": np.round(amount_b - amount_a, 2),
            "change": np.where(
                amount_a != 0, (amount_b - amount_a) / np.where(amount_a == 0, 1, amount_a), np.nan
            ),
        }
    )


def segment_counts(people: ibis.Table, expected: str) -> pa.Table:
    """The creaming check's counts per segment (quintile of the ``expected`` column of ``people``,
    adjustment.predict()'s table; 1 = hardest to place), stream and priority group: clients, the sum of the
    expected outcome, funded outcomes by checkpoint and spin-cycle returns. The quintile edges are taken
    from the clients' expected outcomes pulled as one column; the rest is counted by the backend."""
    people = people.filter(people[CREAMING_OUTCOME].notnull())
    values = people.select(expected).to_pyarrow()[expected].to_numpy()
    edges = np.quantile(values, np.linspace(0, 1, SEGMENTS + 1)[1:-1]) if len(values) else []
    p = people[expected]
    segment = ibis.literal(1)
    for edge in edges:
        segment = segment + ibis.ifelse(p >= number(edge), 1, 0)

    def flag(column: str) -> ibis.Value:
        return ibis.ifelse(people[column].fill_null(False), 1, 0).sum()

    return (
        people.group_by(segment=segment, stream=people.stream, priority=people.priority.fill_null(False))
        .aggregate(
            clients=people.count(),
            expected=p.sum(),
            returns=flag("ow_return"),
            **{name: flag(column) for name, column in zip(LINES, FUNDED, strict=True)},
        )
        .to_pyarrow()
    )


def creaming(found: pa.Table, rules: FundingRules, threshold: int = 10) -> pa.Table:
    """Payment per client against expected cost by quintile of expected outcome (1 = hardest to place),
    from segment_counts(): each client is paid the operational share, each funded checkpoint (raised by
    the incentive in a priority group) and less the spin-cycle penalty.

    A margin (payment minus cost) that grows from the hardest to the easiest segment rewards creaming.
    """
    clients = np.asarray(found["clients"].to_numpy(), dtype=float)
    by_checkpoint = np.column_stack([np.asarray(found[c].to_numpy(), dtype=float) for c in LINES])
    raised = np.where(found["priority"].to_numpy(zero_copy_only=False), 1 + rules.priority_group_incentive, 1)
    paid = (
        clients * rules.operational_per_intake
        + np.sum(by_checkpoint * _rates(found["stream"], rules), axis=1) * raised
        - np.asarray(found["returns"].to_numpy(), dtype=float) * rules.ow_return_penalty
    )
    streams = found["stream"].to_pylist()
    cost = clients * np.array([rules.costs.get(s, 0.0) for s in streams])
    index = np.asarray(found["segment"].to_numpy(), dtype=np.int64) - 1

    def per_segment(weights: np.ndarray) -> np.ndarray:
        return np.bincount(index, weights=weights, minlength=SEGMENTS)

    n = per_segment(clients).astype(np.int64)
    hidden = suppress(n, threshold)
    safe = np.maximum(n, 1)
    payment = per_segment(paid) / safe
    mean_cost = per_segment(cost) / safe
    return pa.table(
        {
            "segment": np.arange(1, SEGMENTS + 1),
            "clients": pa.array(n, mask=hidden),
            "expected_outcome": pa.array(
                per_segment(np.asarray(found["expected"].to_numpy(), dtype=float)) / safe, mask=hidden
            ),
            "payment_per_client": pa.array(np.round(payment, 2), mask=hidden),
            "expected_cost": pa.array(np.round(mean_cost, 2), mask=hidden),
            "margin": pa.array(np.round(payment - mean_cost, 2), mask=hidden),
        }
    )


def creaming_gap(table: pa.Table) -> float:
    """Margin of the easiest segment minus that of the hardest: above zero, the rules reward creaming."""
    margin = table["margin"]
    return float(pc.subtract(margin[-1], margin[0]).as_py())
