"""The provincial report of the analytics snapshot, computed once per process and snapshot (the engine
takes seconds; every page then reads the same suppressed tables), and the lookups the pages need."""

from __future__ import annotations

import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from careerlens.analytics.performance import (
    INDICATORS,
    PerformanceError,
    PerformanceSettings,
    load_rules,
    open_parquet,
    run,
)

_lock = threading.Lock()
_cache: dict = {}


def _key() -> tuple:
    directory = Path(settings.ANALYTICS_SNAPSHOT_DIR)
    marker = directory / "episodes.parquet"
    return (str(directory), marker.stat().st_mtime_ns if marker.exists() else None)


def provincial_report():
    """The engine's ProvincialReport for the snapshot (default rules, compared with the alternative)."""
    key = _key()
    if key[1] is None:
        raise ValidationError(
            _("The analytics snapshot in %(dir)s is missing: run careerlens demo, or export one.")
            % {"dir": key[0]}
        )
    with _lock:
        if key not in _cache:
            from importlib import resources

            alternative = resources.files("careerlens.analytics.performance").joinpath(
                "rules/alternative.toml"
            )
            performance = PerformanceSettings(suppression_threshold=settings.SMALL_CELL_THRESHOLD)
            try:
                found = run(open_parquet(key[0]), performance, load_rules(), load_rules(str(alternative)))
            except PerformanceError as error:
                raise ValidationError(str(error)) from None
            _cache.clear()
            _cache[key] = found
        return _cache[key]


def providers_of(catchment: str) -> set[str]:
    table = pq.read_table(Path(settings.ANALYTICS_SNAPSHOT_DIR) / "providers.parquet")
    rows = table.filter(pc.equal(pc.cast(table["catchment"], pa.string()), catchment))
    return set(pc.cast(rows["provider_id"], pa.string()).to_pylist())


def indicator_names() -> dict[str, str]:
    french = (get_language() or "en").startswith("fr")
    return {i.id: (i.name_fr if french else i.name_en) for i in INDICATORS}


def units() -> dict[str, str]:
    return {i.id: i.unit for i in INDICATORS}


def rows(table: pa.Table, **equal) -> list[dict]:
    """The rows of ``table`` whose columns equal the given values (a value may be a set: any of them)."""
    mask = None
    for column, value in equal.items():
        values = pa.array(sorted(value) if isinstance(value, set) else [value])
        test = pc.is_in(pc.cast(table[column], pa.string()), value_set=pc.cast(values, pa.string()))
        mask = test if mask is None else pc.and_(mask, test)
    return (table.filter(mask) if mask is not None else table).to_pylist()
