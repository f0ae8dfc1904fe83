"""A small confounded table with a known constant effect, for unit tests that need no province."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

EFFECT = 2.0


def confounded(n: int = 4000, seed: int = 0, effect: float = EFFECT) -> pa.Table:
    """Treatment more likely with higher ``score`` and in region ``b``; the outcome rises with both."""
    rng = np.random.default_rng(seed)
    score = rng.standard_normal(n)
    region = rng.choice(np.array(["a", "b", "c"]), n)
    logit = 0.8 * score + 0.7 * (region == "b") - 0.3
    treated = rng.random(n) < 1 / (1 + np.exp(-logit))
    before = 1.0 + score + 0.5 * (region == "c") + rng.standard_normal(n)
    after = before + 0.3 + effect * treated + 0.5 * rng.standard_normal(n)
    return pa.table(
        {
            "treated": treated,
            "score": score,
            "region": region,
            "before": before,
            "outcome": after,
        }
    )
