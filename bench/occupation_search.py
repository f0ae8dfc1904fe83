"""Benchmark of occupation search: building the index over the 516 unit-group titles and ~58,000 EN/FR
example titles, and one query, against a straightforward baseline measured in the same run (rapidfuzz's
WRatio scored against every title, then the best title per occupation).

    .venv/bin/python bench/occupation_search.py [--repeat 20]

Targets (foundation): a query answers well within an interactive budget (p50 <= 50 ms) and the index
builds in a few seconds; the ratio shows what the index buys over scanning every title.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "careerlens" / "reference" / "data" / "noc2021"
QUERIES = [
    "soudeur",
    "weldr",
    "infirmiere",
    "éducatrice petite enfance",
    "truck driver",
    "comptable",
    "software developer",
    "préposé aux bénéficiaires",
    "electrician",
    "cuisinier",
]


def _entries():
    from careerlens.reference.text import search_key

    entries = []
    with (DATA / "noc2021_unit_groups.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entries.append((row["noc_code"], "en", row["title_en"], True, search_key(row["title_en"])))
            if row["title_fr"]:
                entries.append((row["noc_code"], "fr", row["title_fr"], True, search_key(row["title_fr"])))
    with (DATA / "noc2021_example_titles_en_fr.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            title = row["example_title"]
            entries.append((row["noc_code"].zfill(5), row["lang"], title, False, search_key(title)))
    return entries


def _baseline(entries, query: str, limit: int = 10):
    from rapidfuzz import fuzz, process

    from careerlens.reference.text import search_key

    keys = [entry[4] for entry in entries]
    best: dict[str, float] = {}
    for _, score, number in process.extract(search_key(query), keys, scorer=fuzz.WRatio, limit=None):
        code = entries[number][0]
        best[code] = max(best.get(code, 0.0), score)
    return sorted(best.items(), key=lambda item: -item[1])[:limit]


def _p50(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerlens.config.settings")
    os.environ.setdefault("DEBUG", "true")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from careerlens.reference.search import SearchIndex

    entries = _entries()
    started = time.perf_counter()
    index = SearchIndex(entries)
    build = time.perf_counter() - started
    print(f"titles indexed: {len(index):,}; index build: {build:.2f} s")
    print(f"{'query':<28} {'index p50 ms':>13} {'baseline p50 ms':>16} {'ratio':>7}")
    ratios = []
    for query in QUERIES:
        fast = _p50(lambda q=query: index.search(q, 10, "en"), args.repeat)
        slow = _p50(lambda q=query: _baseline(entries, q), max(3, args.repeat // 5))
        ratios.append(slow / fast)
        print(f"{query:<28} {fast * 1000:>13.2f} {slow * 1000:>16.2f} {slow / fast:>6.1f}x")
    print(f"median speed-up of the index over the full scan: {statistics.median(ratios):.1f}x")


if __name__ == "__main__":
    main()
