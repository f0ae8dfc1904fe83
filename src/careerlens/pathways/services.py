"""The pathway engine of this process: built once, lazily and thread-safely, from the reference files.

``Engine.from_reference`` takes about 0.6 s, so it is built on first use and kept for the life of the
process. It is rebuilt when ``settings.REFERENCE_DATA_DIR`` changes (tests, a new data release mounted
elsewhere), when Job Bank outlooks are imported (``careerlens load-jobbank``: the file in
``settings.JOBBANK_OUTLOOKS_FILE`` replaces COPS in the regions it rates), or after :func:`clear_engine`.
"""

from __future__ import annotations

import threading

from django.conf import settings

from careerlens.analytics.pathways import Engine
from careerlens.analytics.pathways.labour import read_jobbank

_lock = threading.Lock()
_cache: dict[str, object] = {"engine": None, "key": None}


def _key() -> str:
    jobbank = settings.JOBBANK_OUTLOOKS_FILE
    stamp = jobbank.stat().st_mtime_ns if jobbank.exists() else None
    return f"{settings.REFERENCE_DATA_DIR}|{jobbank}|{stamp}"


def _build() -> Engine:
    jobbank = settings.JOBBANK_OUTLOOKS_FILE
    ratings = read_jobbank(jobbank) if jobbank.exists() else None
    return Engine.from_reference(settings.REFERENCE_DATA_DIR, jobbank=ratings)


def get_engine() -> Engine:
    """The engine for ``settings.REFERENCE_DATA_DIR``, built on first use (one build per process)."""
    key = _key()
    engine = _cache["engine"]
    if engine is not None and _cache["key"] == key:
        return engine  # type: ignore[return-value]
    with _lock:
        if _cache["engine"] is None or _cache["key"] != key:
            _cache["engine"] = _build()
            _cache["key"] = key
        return _cache["engine"]  # type: ignore[return-value]


def clear_engine() -> None:
    with _lock:
        _cache["engine"] = _cache["key"] = None
