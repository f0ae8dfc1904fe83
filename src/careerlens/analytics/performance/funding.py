"""Payments under a rule file (rules.py): each client's payment lines (operational at intake, outcome
payments at each funded checkpoint with the priority-group incentive, the spin-cycle penalty at the return
to Ontario Works), summed per provider and SSM per quarter of the event; two rule files side by side; and
the creaming check (payment per client against expected cost, by segment of expected outcome)."""

from __future__ import annotations

import ibis
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from careerlens.analytics.performance.breakdowns import PRIORITY_GROUPS
from careerlens.analytics.performance.facts import CHECKPOINTS, quarter_code, quarter_label
from careerlens.analytics.performance.rules import FundingRules
from careerlens.analytics.performance.snapshot import Snapshot
from careerlens.analytics.suppression import suppress

COMPONENTS: dict[str, tuple[str, str]] = {  # payment components, with their English and French names
    "operational": ("operational payments", "paiements de fonctionnement"),
    "outcomes": ("outcome payments", "paiements aux résultats"),
    "incentives": ("priority-group incentives", "primes pour les groupes prioritaires"),
    "penalties": ("spin-cycle penalties", "pénalités pour retour à l’aide sociale"),
}
SEGMENTS = 5  # creaming check: quintiles of expected outcome


def _money(value: float) -> ibis.Value:
    """A double-precision literal on every backend (PostgreSQL reads a bare 1750.0 as numeric, which
    Arrow cannot take as a float)."""
    return ibis.literal(repr(float(value))).cast("float64")


def payment_lines(snapshot: Snapshot, facts: ibis.Table, rules: FundingRules) -> ibis.Table:
    """One row per client and payment: client_id, provider, ssm, quarter, component, amount ($)."""
    who = facts.select("client_id", "provider", "ssm", "stream", "intake", "ow_return", *PRIORITY_GROUPS)
    priority = ibis.or_(*[who[g] for g in PRIORITY_GROUPS])
    who = who.mutate(priority=priority)
    episodes = snapshot["episodes"].select("client_id", "intake_date")
    operational = (
        who.filter(who.intake)
        .join(episodes, "client_id")
        .select(
            "client_id",
            "provider",
            "ssm",
            quarter=quarter_code(ibis._.intake_date),
            component=ibis.literal("operational"),
            amount=_money(rules.operational_per_intake),
        )
    )
    checkpoints = snapshot["checkpoints"].select("client_id", "months", "due_date")
    paid = who.join(checkpoints, "client_id").join(
        facts.select("client_id", *[f"outcome_{m}m" for m in CHECKPOINTS]), "client_id"
    )
    funded = ibis.or_(*[(paid.months == m) & paid[f"outcome_{m}m"].fill_null(False) for m in CHECKPOINTS])
    base = ibis.cases(
        *[
            ((paid.stream == s) & (paid.months == m), _money(amount))
            for s, by_month in rules.outcome_payments.items()
            for m, amount in by_month.items()
        ],
        else_=_money(0.0),
    )
    paid = paid.filter(funded).mutate(quarter=quarter_code(paid.due_date), base=base)
    outcomes = paid.select(
        "client_id", "provider", "ssm", "quarter", component=ibis.literal("outcomes"), amount=paid.base
    )
    incentives = paid.filter(paid.priority).select(
        "client_id",
        "provider",
        "ssm",
        "quarter",
        component=ibis.literal("incentives"),
        amount=paid.base * _money(rules.priority_group_incentive),
    )
    spells = snapshot["ow_spells"].select("client_id", "return_date")
    returned = who.filter(who.ow_return.fill_null(False)).join(spells, "client_id")
    penalties = returned.select(
        "client_id",
        "provider",
        "ssm",
        quarter=quarter_code(returned.return_date),
        component=ibis.literal("penalties"),
        amount=_money(-rules.ow_return_penalty),
    )
    return ibis.union(operational, outcomes, incentives, penalties)


def ledger(lines: ibis.Table) -> pa.Table:
    """People and $ per provider (with its SSM), quarter and component: the one pass over the payment
    lines that payments() and compare_rules() read (a client has one provider, so people add up to SSMs)."""
    return (
        lines.group_by(["provider", "ssm", "quarter", "component"])
        .aggregate(people=lines.client_id.nunique(), amount=lines.amount.sum())
        .to_pyarrow()
    )


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


def per_client(lines: ibis.Table) -> pa.Table:
    """Each paid client's total payment (client_id, amount)."""
    return lines.group_by("client_id").aggregate(amount=lines.amount.sum()).to_pyarrow()


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


def creaming(
    client_ids: np.ndarray,
    expected: np.ndarray,
    streams: np.ndarray,
    paid: pa.Table,
    rules: FundingRules,
    threshold: int = 10,
) -> pa.Table:
    """Payment per client against expected cost by quintile of expected outcome (1 = hardest to place).

    A margin (payment minus cost) that grows from the hardest to the easiest segment rewards creaming.
    """
    order = np.argsort(client_ids)
    ids, expected, streams = client_ids[order], expected[order], streams[order]
    amounts = np.zeros(len(ids))
    paid_ids = paid["client_id"].to_numpy()
    where = np.searchsorted(ids, paid_ids)
    inside = (where < len(ids)) & (ids[np.minimum(where, len(ids) - 1)] == paid_ids)
    amounts[where[inside]] = paid["amount"].to_numpy()[inside]
    cost = np.array([rules.costs.get(s, 0.0) for s in streams])
    edges = np.quantile(expected, np.linspace(0, 1, SEGMENTS + 1)[1:-1])
    segment = np.searchsorted(edges, expected, side="right")
    n = np.bincount(segment, minlength=SEGMENTS)
    hidden = suppress(n, threshold)
    safe = np.maximum(n, 1)
    payment = np.bincount(segment, weights=amounts, minlength=SEGMENTS) / safe
    mean_cost = np.bincount(segment, weights=cost, minlength=SEGMENTS) / safe
    return pa.table(
        {
            "segment": np.arange(1, SEGMENTS + 1),
            "clients": pa.array(n, mask=hidden),
            "expected_outcome": pa.array(
                np.bincount(segment, weights=expected, minlength=SEGMENTS) / safe, mask=hidden
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
