"""The rule that names the method careerlens recommends for a data set, from the diagnostics
(docs/evaluation.md, "The recommendation rule"), and the plain statements made when the data cannot
support an answer."""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Balance, Overlap
from .messages import statement
from .settings import EvaluationSettings

REGRESSION_MAX_IMBALANCE = 0.25  # Rubin (2001), Stuart (2010): beyond this, regression extrapolates


@dataclass(frozen=True)
class Recommendation:
    method: str | None  # None: the data cannot support an answer
    estimand: str | None
    reason: str
    statements: tuple[dict, ...]


def recommend(
    balance: Balance, overlap: Overlap, n_treated: int, n_control: int, settings: EvaluationSettings
) -> Recommendation:
    """In order: too few people or no overlap → none; doubly robust if weighting balances the covariates
    with stable weights; else matching (with, then without replacement) if it balances and keeps enough of
    the treated; else regression if the groups were not far apart to begin with; else none."""
    threshold = settings.balance_threshold
    if min(n_treated, n_control) < settings.min_group:
        found = statement("too_few", n_treated=n_treated, n_control=n_control, minimum=settings.min_group)
        return Recommendation(None, None, "too_few", (found,))
    if overlap.trimmed_share > settings.max_trimmed_share:
        found = statement("no_overlap", share=overlap.trimmed_share)
        return Recommendation(None, None, "no_overlap", (found,))
    if balance.worst("weighting") <= threshold and overlap.effective_share >= settings.min_effective_share:
        return Recommendation("doubly_robust", "ATT", "weighting_balances", ())
    for name in ("matching_replacement", "matching_no_replacement"):
        if balance.worst(name) <= threshold and overlap.matched_share[name] >= settings.min_matched_share:
            return Recommendation(name, "ATT", "matching_balances", ())
    if balance.worst() <= REGRESSION_MAX_IMBALANCE:
        return Recommendation("regression", "ATT", "groups_close", ())
    largest = min(balance.worst(name) for name in balance.after)
    found = statement("imbalance", largest=largest)
    return Recommendation(None, None, "imbalance", (found,))
