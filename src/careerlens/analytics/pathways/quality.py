"""Internal checks of the ranking's quality (``docs/pathways.md``, "Evidence of quality").

1. **Same minor group** (``minor_group_check``): for every unit group whose NOC minor group has others,
   where do those others rank among the 515 possible targets? Mean reciprocal rank of the first one, the
   share of the top 20 that they fill, and recall in the top 20 (found / min(others, 20)).
2. **Held-out profiles** (``held_out_profile_check``): OaSIS splits 184 unit groups into several profiles.
   Each such profile is taken as an origin, and its own unit group is re-computed *without it* (the mean of
   the other profiles); how high does that unit group rank among all 516? Hit rate at 1 and 5, mean
   reciprocal rank. The facet weights were tuned on check 1, never on this one.
3. **Asymmetry** (``asymmetry_check``): the gap of a step up in TEER (to more education) against the
   reverse step; a symmetric similarity cannot tell them apart.

Baselines: plain cosine similarity of the 33 skill ratings (``cosine_skills``), and of all descriptors
(``cosine_all``). The engine ranks viable targets first, then the others, each by feasibility.
"""

from __future__ import annotations

import numpy as np

from .engine import Engine
from .taxonomy import Taxonomy

METHODS = ("engine", "cosine_skills", "cosine_all")


def _cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    na = np.linalg.norm(a, axis=1, keepdims=True)
    nb = np.linalg.norm(b, axis=1, keepdims=True)
    return (a / np.maximum(na, 1e-12)) @ (b / np.maximum(nb, 1e-12)).T


def _columns(engine: Engine, method: str) -> np.ndarray | slice:
    if method == "cosine_skills":
        return engine.taxonomy.facet_slices["skills"]
    return slice(None)


def scores(engine: Engine, method: str) -> np.ndarray:
    """Occupation × occupation ranking scores (higher ranks first) for a method."""
    if method == "engine":
        return engine.fit + 2.0 * engine.viable  # viable first, then by feasibility
    values = engine.taxonomy.values[:, _columns(engine, method)]
    return _cosine(values, values)


def minor_group_check(engine: Engine, method: str = "engine", top: int = 20) -> dict[str, float]:
    group = engine.taxonomy.group
    same = (group[:, None] == group[None, :]) & (group[:, None] != "")
    np.fill_diagonal(same, False)
    origins = same.any(1)
    score = scores(engine, method).astype(np.float64)
    np.fill_diagonal(score, -np.inf)
    order = np.lexsort((np.broadcast_to(np.arange(len(score)), score.shape), -score), axis=1)
    hit = np.take_along_axis(same, order, 1)[origins]
    first = hit.argmax(1) + 1
    in_top = hit[:, :top].sum(1)
    others = same[origins].sum(1)
    return {
        "origins": int(origins.sum()),
        "mrr": float((1 / first).mean()),
        "share_top": float(in_top.sum() / (top * origins.sum())),
        "recall_top": float((in_top / np.minimum(others, top)).mean()),
        "top": top,
    }


def held_out_profile_check(engine: Engine, profiles: Taxonomy, method: str = "engine") -> dict[str, float]:
    """Leave-one-out recovery of a profile's own unit group (see the module docstring)."""
    tax = engine.taxonomy
    if [d.id for d in profiles.descriptors] != [d.id for d in tax.descriptors]:
        raise ValueError("profiles and engine must share their descriptors, in the same order")
    unit_of = np.array([str(c)[:5] for c in profiles.codes])
    ranks = []
    base_fit = None
    if method == "engine":
        base_fit, _ = engine.score_values(profiles.values)
    for unit, members in tax.members.items():
        if len(members) < 2:
            continue
        u = engine.index(unit)
        rows = np.flatnonzero(unit_of == unit)
        for i in rows:
            others = rows[rows != i]
            loo = profiles.values[others].mean(0, dtype=np.float64).astype(np.float32)
            if method == "engine":
                row = base_fit[i].copy()
                row[u] = engine.score_values(profiles.values[i : i + 1], loo[None, :])[0][0, 0]
            else:
                cols = _columns(engine, method)
                targets = tax.values[:, cols].copy()
                targets[u] = loo[cols]
                row = _cosine(profiles.values[i : i + 1, cols], targets)[0]
            ranks.append(1 + int((row > row[u]).sum()))
    ranks_arr = np.array(ranks)
    return {
        "profiles": len(ranks_arr),
        "hit_1": float((ranks_arr == 1).mean()),
        "hit_5": float((ranks_arr <= 5).mean()),
        "mrr": float((1 / ranks_arr).mean()),
        "median_rank": float(np.median(ranks_arr)),
    }


def asymmetry_check(engine: Engine) -> dict[str, float]:
    teer = engine.teer
    known = (teer[:, None] >= 0) & (teer[None, :] >= 0)
    up = known & (teer[None, :] < teer[:, None])
    down = known & (teer[None, :] > teer[:, None])
    return {
        "gap_up": float(engine.gap[up].mean()),
        "gap_down": float(engine.gap[down].mean()),
        "asymmetric_pairs": float((np.abs(engine.fit - engine.fit.T) > 1e-3).mean()),
    }


def report(engine: Engine, profiles: Taxonomy | None = None, top: int = 20) -> dict[str, dict]:
    out: dict[str, dict] = {"minor_group": {m: minor_group_check(engine, m, top) for m in METHODS}}
    if profiles is not None:
        out["held_out_profiles"] = {m: held_out_profile_check(engine, profiles, m) for m in METHODS}
    out["asymmetry"] = asymmetry_check(engine)
    return out
