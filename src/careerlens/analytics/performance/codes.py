"""The facts' unit columns (catchment, SSM, provider, site, program) as small integer codes.

Their labels are 13 to 32 characters long: stored once per client they took more room than the rest of
the facts row (beyond 12 characters DuckDB keeps a string on a heap), and every aggregate grouped by
them hashed them. The facts hold each unit's code (its rank among the snapshot's labels, sorted), the
aggregates group by codes, and decode() puts the labels back on the few rows that come back. The labels
are read once per facts build (distinct values of a few columns) and kept per backend connection.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

import ibis
import pyarrow as pa
import pyarrow.compute as pc

from careerlens.analytics.performance.snapshot import Snapshot

CODED = ("catchment", "ssm", "provider", "site", "program")  # facts columns holding codes
Labels = dict[str, list]  # per coded column, the label of each code

_KEPT: dict[int, tuple[weakref.ref, Labels]] = {}  # id(connection) -> (the connection, its labels)


def _sorted(*arrays: pa.ChunkedArray) -> list:
    return sorted({value for array in arrays for value in array.to_pylist() if value is not None})


def site_column(episodes: ibis.Table) -> ibis.Value:
    """The episode's site (its provider when the snapshot has no ``site_id``)."""
    return episodes.site_id if "site_id" in episodes.columns else episodes.provider_id


def ssm_column(providers: ibis.Table) -> ibis.Value:
    """The provider's SSM (its catchment when the snapshot has no ``ssm_id``)."""
    return providers.ssm_id if "ssm_id" in providers.columns else providers.catchment


def read(snapshot: Snapshot) -> Labels:
    """Every label of the snapshot's units, sorted; catchments and SSMs share one list (a provider
    without an SSM falls back to the client's catchment)."""
    episodes = snapshot["episodes"]
    seen = episodes.select(provider=episodes.provider_id, site=site_column(episodes)).distinct().to_pyarrow()
    people = snapshot["clients"].select("catchment", "program").distinct().to_pyarrow()
    providers = snapshot["providers"]
    known = providers.select("provider_id", ssm=ssm_column(providers)).to_pyarrow()
    units = _sorted(people["catchment"], known["ssm"])
    return {
        "catchment": units,
        "ssm": units,
        "provider": _sorted(seen["provider"], known["provider_id"]),
        "site": _sorted(seen["site"]),
        "program": _sorted(people["program"]),
    }


def keep(con: ibis.BaseBackend, labels: Labels) -> None:
    """Remember the labels of the facts built on ``con`` (decode() reads them) while ``con`` lives."""
    if id(con) not in _KEPT:
        weakref.finalize(con, _KEPT.pop, id(con), None)
    _KEPT[id(con)] = (weakref.ref(con), labels)


def labels(con: ibis.BaseBackend) -> Labels:
    ref, found = _KEPT.get(id(con), (None, None))
    if ref is None or ref() is not con:
        raise LookupError("no facts were built on this connection")
    return found


def code_table(labels: Labels, column: str, key: str) -> ibis.Table:
    """A small table from each label (column ``key``) to its code (column ``<column>_code``)."""
    values = labels[column]
    return ibis.memtable(
        pa.table({key: pa.array(values), f"{column}_code": pa.array(range(len(values)), pa.int32())})
    )


def provider_table(snapshot: Snapshot, labels: Labels) -> ibis.Table:
    """Each provider's code and its SSM's code (null for a provider missing from ``providers``)."""
    providers = snapshot["providers"]
    known = providers.select("provider_id", ssm=ssm_column(providers)).to_pyarrow().to_pylist()
    ssm_of = {}
    for row in known:
        ssm_of.setdefault(row["provider_id"], row["ssm"])
    units = {label: code for code, label in enumerate(labels["ssm"])}
    ids = labels["provider"]
    return ibis.memtable(
        pa.table(
            {
                "provider_id": pa.array(ids),
                "provider_code": pa.array(range(len(ids)), pa.int32()),
                "ssm_code": pa.array([units.get(ssm_of.get(i)) for i in ids], pa.int32()),
            }
        )
    )


def decode(table: pa.Table, con: ibis.BaseBackend, columns: Mapping[str, str]) -> pa.Table:
    """``table`` with the codes of each column (key) replaced by the labels of the coded facts column
    (value) they came from; a null code stays null."""
    found = labels(con)
    for name, coded in columns.items():
        names = pa.array(found[coded])
        index = table.schema.get_field_index(name)
        table = table.set_column(index, name, pc.take(names, table[name]))
    return table
