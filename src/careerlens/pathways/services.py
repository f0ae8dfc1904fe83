"""The pathway engine of this process: built once, lazily and thread-safely, from the reference files.

``Engine.from_reference`` takes about 0.6 s, so it is built on first use and kept for the life of the
process. It is rebuilt when ``settings.REFERENCE_DATA_DIR`` changes (tests, a new data release mounted
elsewhere) or after :func:`clear_engine`. Job Bank regional outlooks and wages are not imported by the
reference app yet (docs/pathways.md, "For the API and the explorer page"): the engine uses COPS.
"""

from __future__ import annotations

import threading

from django.conf import settings

from careerlens.analytics.pathways import Engine

_lock = threading.Lock()
_cache: dict[str, object] = {"engine": None, "key": None}


def _key() -> str:
    return str(settings.REFERENCE_DATA_DIR)


def get_engine() -> Engine:
    """The engine for ``settings.REFERENCE_DATA_DIR``, built on first use (one build per process)."""
    key = _key()
    engine = _cache["engine"]
    if engine is not None and _cache["key"] == key:
        return engine  # type: ignore[return-value]
    with _lock:
        if _cache["engine"] is None or _cache["key"] != key:
            _cache["engine"] = Engine.from_reference(key)
            _cache["key"] = key
        return _cache["engine"]  # type: ignore[return-value]


def clear_engine() -> None:
    with _lock:
        _cache["engine"] = _cache["key"] = None
