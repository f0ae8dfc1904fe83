"""The transition engine: an index over every pair of occupations, queries for one person, batches of
millions, explanations and multi-step paths. The model is described in ``docs/pathways.md``.

Per facet f, with ratings scaled to 0..1 and ``overlap = Σ_d min(origin_d, target_d)``:

- a *level* facet (skills, abilities, knowledge, work activities, personal attributes) has a **gap**
  ``1 - overlap / Σ target`` (the share of what the target asks that the origin lacks) and an **excess**
  ``1 - overlap / Σ origin`` (the share of the origin's strengths the target leaves unused);
  ``fit = 1 - (gap + excess_weight × excess) / (1 + excess_weight)``;
- a *match* facet (work context, interests) has ``fit = overlap / (Σ origin + Σ target - overlap)``
  (weighted Jaccard: the conditions or interests should agree, neither side is "more").

``feasibility = Σ_f w_f fit_f`` (weights normalised), ``gap = Σ_level w_f gap_f / Σ_level w_f``. A transition
is **viable** when ``gap ≤ max_gap``, the TEER distance is at most ``max_teer_distance`` and the person's own
constraints allow it. The full score adds the outlook, the earnings ratio and (minus) automation and AI
exposure; the feasibility-only ranking uses ``feasibility`` alone.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import exposure as exposure_module
from . import labour, oasis, programs
from ._io import DATA, PathwayDataError
from .batch import BatchRanking
from .explanations import EPS, Explanations
from .path_search import PathSearch
from .people import HOLLAND_LETTERS, Person
from .results import (  # noqa: F401 (re-exported)
    BatchResult,
    CareerPath,
    DescriptorComparison,
    FacetFit,
    PathStep,
    Transition,
    UnknownOccupation,
)
from .settings import PathwaySettings
from .taxonomy import Taxonomy


@dataclass
class _Rows:
    """Per-origin rows for one or more people: (n, N) arrays."""

    fit: np.ndarray
    gap: np.ndarray
    facet_fit: np.ndarray | None = None  # (F, n, N) when personal; else read from the index
    facet_gap: np.ndarray | None = None  # (F, n, N), 0 for match facets
    values: np.ndarray | None = None  # (n, D) effective profiles when personal


class Engine(BatchRanking, PathSearch, Explanations):
    """Build once (``Engine.from_reference()`` or ``Engine(taxonomy, …)``), query many times."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        settings: PathwaySettings | None = None,
        *,
        outlooks: labour.Outlooks | None = None,
        exposures: exposure_module.ExposureTable | None = None,
        wages: dict[str, float] | None = None,
        catalogue: tuple[programs.Program, ...] | None = None,
    ):
        self.taxonomy = taxonomy
        self.settings = settings or PathwaySettings()
        self.codes = taxonomy.codes
        self.position = taxonomy.index_of()
        self.descriptor_position = taxonomy.descriptor_index()
        self.teer = taxonomy.teer.astype(np.int16)
        self.outlooks = outlooks
        self.exposures = exposures
        self.wages = labour.wage_vector(self.codes, wages)
        self.catalogue = programs.load() if catalogue is None else catalogue
        self._build()

    # ------------------------------------------------------------------ building
    @classmethod
    def from_reference(
        cls,
        data: Path | str = DATA,
        settings: PathwaySettings | None = None,
        *,
        wages: dict[str, float] | None = None,
        jobbank: dict[str, dict[str, int]] | None = None,
        profile_rule: str = "mean",
    ) -> Engine:
        """OaSIS 2023 and NOC 2021 unit groups, COPS outlooks and the crosswalked exposures from the shared
        reference files (``data``: the ``REFERENCE_DATA_DIR``)."""
        data = Path(data)
        tax = oasis.load(data, profile_rule)
        outlooks = labour.read_cops(tax.codes, data)
        if jobbank:
            outlooks = outlooks.with_jobbank(jobbank)
        return cls(
            tax, settings, outlooks=outlooks, exposures=exposure_module.build(tax.codes, data), wages=wages
        )

    def _build(self) -> None:
        s = self.settings
        tax = self.taxonomy
        self.facets = tuple(f for f in tax.facets if s.facet_weights.get(f, 0) > 0)
        if not self.facets:
            raise PathwayDataError(
                f"no facet of the taxonomy ({', '.join(tax.facets)}) has a weight in the settings."
            )
        weights = np.array([s.facet_weights[f] for f in self.facets], dtype=np.float64)
        self.weights = (weights / weights.sum()).astype(np.float32)
        self.level = np.array([f not in s.match_facets for f in self.facets])
        level_total = float(self.weights[self.level].sum())
        self.gap_weights = np.where(self.level, self.weights / level_total if level_total else 0, 0).astype(
            np.float32
        )
        self.slices = [tax.facet_slices[f] for f in self.facets]
        x = tax.values
        n = len(self.codes)
        self.sums = np.stack([x[:, sl].sum(1) for sl in self.slices]).astype(np.float32)  # (F, N)
        self.overlap = np.empty((len(self.facets), n, n), dtype=np.float32)
        for k, sl in enumerate(self.slices):
            block = x[:, sl]
            acc = self.overlap[k]
            acc[:] = 0
            for d in range(block.shape[1]):
                column = block[:, d]
                acc += np.minimum(column[:, None], column[None, :])
        self.facet_fit = np.empty_like(self.overlap)
        self.facet_gap = np.zeros_like(self.overlap)
        for k in range(len(self.facets)):
            fit, gap = self._facet_scores(k, self.overlap[k], self.sums[k][:, None], self.sums[k][None, :])
            self.facet_fit[k] = fit
            self.facet_gap[k] = gap
        self.fit = np.tensordot(self.weights, self.facet_fit, axes=1).astype(np.float32)
        self.gap = np.tensordot(self.gap_weights, self.facet_gap, axes=1).astype(np.float32)
        known = self.teer >= 0
        self.teer_distance = np.where(
            known[:, None] & known[None, :], np.abs(self.teer[:, None] - self.teer[None, :]), 0
        ).astype(np.int16)
        self.viable = (self.gap <= s.max_gap) & (self.teer_distance <= s.max_teer_distance)
        np.fill_diagonal(self.viable, False)
        weeks = np.array([s.training_weeks_by_teer.get(int(t), 0) for t in self.teer], dtype=np.float32)
        self.teer_weeks = np.where(known, weeks, 0).astype(np.float32)
        self.extra = self._extra_vector(None)
        self._extra_by_region: dict[str, np.ndarray] = {}
        self.scale_max = tax.scale_max
        self._level_columns = np.concatenate(
            [np.arange(sl.start, sl.stop) for k, sl in enumerate(self.slices) if self.level[k]]
            or [np.zeros(0, int)]
        ).astype(np.intp)
        self._psi: dict[int, np.ndarray] = {}

    def _facet_scores(self, k: int, overlap, origin_sum, target_sum):
        if self.level[k]:
            gap = np.where(target_sum > EPS, 1 - overlap / np.maximum(target_sum, EPS), 0)
            excess = np.where(origin_sum > EPS, 1 - overlap / np.maximum(origin_sum, EPS), 0)
            lam = self.settings.excess_weight
            fit = 1 - (gap + lam * excess) / (1 + lam)
            return fit.astype(np.float32), np.clip(gap, 0, 1).astype(np.float32)
        union = origin_sum + target_sum - overlap
        fit = np.where(union > EPS, overlap / np.maximum(union, EPS), 1).astype(np.float32)
        return fit, np.zeros_like(fit)

    def _extra_for(self, region: str | None) -> np.ndarray:
        if region is None:
            return self.extra
        cached = self._extra_by_region.get(region)
        if cached is None:
            cached = self._extra_by_region[region] = self._extra_vector(region)
        return cached

    def _extra_vector(self, region: str | None) -> np.ndarray:
        """Target-side terms of the full score: outlook, minus automation and AI exposure."""
        s = self.settings
        extra = np.zeros(len(self.codes), dtype=np.float32)
        if self.outlooks is not None and s.outlook_weight:
            extra += s.outlook_weight * np.nan_to_num(self.outlooks.vector(region), nan=0.0)
        if self.exposures is not None:
            if s.automation_weight:
                extra -= s.automation_weight * self.exposures.vector(s.automation_measure)
            if s.ai_exposure_weight:
                extra -= s.ai_exposure_weight * self.exposures.vector("ilo_genai")
        return extra

    # ------------------------------------------------------------------ lookups
    def index(self, code: str) -> int:
        code = str(code).strip()
        if code.isdigit() and len(code) < 5 and code not in self.position:
            code = code.zfill(5)
        try:
            return self.position[code]
        except KeyError:
            raise UnknownOccupation(code) from None

    def _person_vector(self, person: Person) -> tuple[int, np.ndarray | None]:
        o = self.index(person.origin)
        if not person.personal:
            return o, None
        v = self.taxonomy.values[o].copy()
        for name, rating in person.ratings.items():
            j = self.descriptor_position.get(str(name))
            if j is None:
                raise PathwayDataError(f"rating for {name!r}: no such descriptor in the taxonomy.")
            top = self.taxonomy.descriptors[j].scale_max
            if not (
                isinstance(rating, numbers.Real)
                and not isinstance(rating, bool)
                and math.isfinite(rating)
                and float(rating).is_integer()
                and 0 <= rating <= top
            ):
                raise PathwayDataError(
                    f"rating for {name!r}: {rating!r} is not a whole number from 0 to {top:g}."
                )
            v[j] = rating / top
        if person.interests:
            letters = [str(x).strip().upper() for x in person.interests]
            if (
                len(letters) > 3
                or len(set(letters)) != len(letters)
                or any(x not in HOLLAND_LETTERS for x in letters)
            ):
                raise PathwayDataError(f"interests {person.interests!r}: up to 3 different RIASEC letters.")
            for letter in HOLLAND_LETTERS:
                j = self.descriptor_position.get(oasis.HOLLAND[letter])
                if j is None:
                    raise PathwayDataError("interests: the taxonomy has no Holland-code descriptors.")
                points = oasis.HOLLAND_POINTS[letters.index(letter)] if letter in letters else 0.0
                v[j] = points / self.taxonomy.descriptors[j].scale_max
        return o, v

    def score_values(
        self, origin_values: np.ndarray, target_values: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(feasibility, gap), each (n, M), from any profiles (rows scaled 0..1 like ``taxonomy.values``) to
        any targets (default: the engine's occupations). Used by the quality checks."""
        targets = self.taxonomy.values if target_values is None else np.asarray(target_values, np.float32)
        origin_values = np.asarray(origin_values, np.float32)
        fit = np.zeros((len(origin_values), len(targets)), dtype=np.float32)
        gap = np.zeros_like(fit)
        for k, sl in enumerate(self.slices):
            block = targets[:, sl]
            target_sum = block.sum(1)[None, :]
            for start in range(0, len(origin_values), 64):
                part = origin_values[start : start + 64, sl]
                overlap = np.minimum(block[None, :, :], part[:, None, :]).sum(2)
                f_fit, f_gap = self._facet_scores(k, overlap, part.sum(1)[:, None], target_sum)
                fit[start : start + 64] += self.weights[k] * f_fit
                gap[start : start + 64] += self.gap_weights[k] * f_gap
        return fit, gap

    def _rows(self, origins: np.ndarray, values: np.ndarray | None = None) -> _Rows:
        """Fit and gap rows for origins (n,), or for effective profiles ``values`` (n, D) when given."""
        if values is None:
            return _Rows(self.fit[origins], self.gap[origins])
        x = self.taxonomy.values
        n = len(values)
        facet_fit = np.empty((len(self.facets), n, len(self.codes)), dtype=np.float32)
        facet_gap = np.zeros_like(facet_fit)
        for k, sl in enumerate(self.slices):
            block = x[:, sl]
            overlap = np.minimum(block[None, :, :], values[:, None, sl]).sum(2)
            origin_sum = values[:, sl].sum(1)[:, None]
            facet_fit[k], facet_gap[k] = self._facet_scores(k, overlap, origin_sum, self.sums[k][None, :])
        fit = np.tensordot(self.weights, facet_fit, axes=1).astype(np.float32)
        gap = np.tensordot(self.gap_weights, facet_gap, axes=1).astype(np.float32)
        return _Rows(fit, gap, facet_fit, facet_gap, values)

    # ------------------------------------------------------------------ masks and scores
    def _weeks(self, a: int, b: int, gap: float) -> float:
        """Estimated weeks of training for one step a → b with the given gap."""
        up = self.teer[a] >= 0 and self.teer[b] < self.teer[a]
        return float(max(self.teer_weeks[b] if up else 0.0, gap * self.settings.weeks_per_gap))

    def _training_weeks(self, origins: np.ndarray, gap: np.ndarray) -> np.ndarray:
        up = (self.teer[None, :] < self.teer[origins][:, None]) & (self.teer[origins][:, None] >= 0)
        by_teer = np.where(up, self.teer_weeks[None, :], 0)
        return np.maximum(by_teer, gap * self.settings.weeks_per_gap).astype(np.float32)

    def _mask(self, origins, gap, max_teer_step=None, max_training_weeks=None) -> np.ndarray:
        """Viable targets: gap, TEER distance, not the origin, and the people's own constraints."""
        s = self.settings
        mask = (gap <= s.max_gap) & (self.teer_distance[origins] <= s.max_teer_distance)
        mask[np.arange(len(origins)), origins] = False
        if max_teer_step is not None:
            step = (self.teer[origins][:, None] - self.teer[None, :]).astype(np.int16)
            limit = np.asarray(max_teer_step, dtype=np.int16)[:, None]
            mask &= (limit < 0) | (step <= limit)
        if max_training_weeks is not None:
            limit = np.asarray(max_training_weeks, dtype=np.float32)[:, None]
            mask &= np.isnan(limit) | (self._training_weeks(origins, gap) <= limit)
        return mask

    def _wage_term(self, origins: np.ndarray, person_wage: np.ndarray | None) -> np.ndarray | None:
        if not self.settings.wage_weight or np.isnan(self.wages).all():
            return None
        origin_wage = self.wages[origins]
        if person_wage is not None:
            origin_wage = np.where(np.isnan(person_wage), origin_wage, person_wage)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = np.log2(self.wages[None, :] / origin_wage[:, None])
        return self.settings.wage_weight * np.nan_to_num(np.clip(ratio, -1, 1), nan=0.0).astype(np.float32)

    def _score(self, rows_fit, origins, feasibility_only, extra, person_wage=None) -> np.ndarray:
        if feasibility_only:
            return rows_fit
        score = rows_fit + extra[None, :]
        wage = self._wage_term(origins, person_wage)
        return score if wage is None else score + wage

    @staticmethod
    def _top(score: np.ndarray, mask: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray]:
        """Best ``top`` masked columns per row, by score then by code (column order): (index, score)."""
        n, m = score.shape
        k = min(top, m)
        masked = np.where(mask, score, -np.inf).astype(np.float32)
        if k < m:
            part = np.argpartition(-masked, k - 1, axis=1)[:, :k]
        else:
            part = np.broadcast_to(np.arange(m), (n, m)).copy()
        chosen = np.take_along_axis(masked, part, 1)
        # ties at the cut-off: argpartition picks arbitrarily; re-rank with the column as tie-breaker
        order = np.lexsort((part, -chosen), axis=1)
        idx = np.take_along_axis(part, order, 1)
        val = np.take_along_axis(chosen, order, 1)
        kth = val[:, -1:]
        crossing = np.isfinite(kth[:, 0]) & ((masked == kth).sum(1) > (val == kth).sum(1))
        for r in np.flatnonzero(crossing):  # a tie crosses the cut-off: settle it by column order
            row = masked[r]
            full = np.lexsort((np.arange(m), -row))[:k]
            idx[r], val[r] = full, row[full]
        idx = np.where(np.isfinite(val), idx, -1)
        return idx.astype(np.int32), np.where(np.isfinite(val), val, np.nan).astype(np.float32)

    # ------------------------------------------------------------------ one person
    def transitions(
        self,
        who: str | Person,
        *,
        top: int = 20,
        feasibility_only: bool = False,
        region: str | None = None,
        explain: bool = True,
        include_nonviable: bool = False,
        nearest_if_none: bool = False,
        keep_constraints: bool = False,
    ) -> list[Transition]:
        """The best ``top`` viable targets for an occupation code or a Person, best first. Feasibility-only
        ignores the outlook, wages, exposure and everything personal (with ``keep_constraints``, it keeps
        the person's largest TEER step and longest training). ``include_nonviable`` appends the nearest
        non-viable targets (``viable=False``) when fewer than ``top`` are viable; ``nearest_if_none`` answers
        with them only when none is viable. Non-viable targets come nearest first: smallest gap, then
        score, then code; each names what blocks it (``not_viable_because``)."""
        if top < 1:
            raise PathwayDataError(f"top must be at least 1 (got {top}).")
        person, o, values, rows, score, mask = self._prepare(who, feasibility_only, region, keep_constraints)
        idx, _ = self._top(score, mask, top)
        chosen = [int(i) for i in idx[0] if i >= 0]
        viable = [True] * len(chosen)
        if (include_nonviable and len(chosen) < top) or (nearest_if_none and not chosen):
            more = self._nearest(rows.gap[0], score[0], ~mask[0], o, top - len(chosen))
            chosen += more
            viable += [False] * len(more)
        return [
            self._transition(person, o, t, rank, float(score[0, t]), rows, 0, values, region, ok, explain)
            for rank, (t, ok) in enumerate(zip(chosen, viable, strict=True), start=1)
        ]

    def explain(
        self,
        who: str | Person,
        target: str,
        *,
        region: str | None = None,
        feasibility_only: bool = False,
        keep_constraints: bool = False,
    ) -> Transition:
        """One origin → target transition with its full explanation, viable or not (rank 0)."""
        person, o, values, rows, score, mask = self._prepare(who, feasibility_only, region, keep_constraints)
        t = self.index(target)
        return self._transition(
            person, o, t, 0, float(score[0, t]), rows, 0, values, region, bool(mask[0, t]), True
        )

    @staticmethod
    def _nearest(gap: np.ndarray, score: np.ndarray, allowed: np.ndarray, origin: int, k: int) -> list[int]:
        """The ``k`` nearest allowed targets (never the origin): smallest gap, then best score, then code."""
        allowed = allowed.copy()
        allowed[origin] = False
        candidates = np.flatnonzero(allowed)
        order = np.lexsort((candidates, -score[candidates], gap[candidates]))
        return [int(i) for i in candidates[order[:k]]]

    def _blockers(self, person: Person, o: int, t: int, gap: float, weeks: float) -> tuple[str, ...]:
        """What makes o → t not viable, in the order of ``_mask``'s tests: ``origin`` (the same occupation),
        ``gap``, ``teer_distance``, ``teer_step`` (the person's largest step) and ``training_weeks``."""
        s = self.settings
        found = []
        if o == t:
            found.append("origin")
        if gap > s.max_gap:
            found.append("gap")
        if self.teer_distance[o, t] > s.max_teer_distance:
            found.append("teer_distance")
        step_limit = person.max_teer_step
        if step_limit is not None and step_limit >= 0 and int(self.teer[o]) - int(self.teer[t]) > step_limit:
            found.append("teer_step")
        week_limit = person.max_training_weeks
        if week_limit is not None and not math.isnan(week_limit) and weeks > week_limit:
            found.append("training_weeks")
        return tuple(found)

    def _prepare(self, who: str | Person, feasibility_only: bool, region: str | None, keep_constraints=False):
        """(person, origin index, effective profile or None, rows, score (1, N), viability mask (1, N))."""
        person = who if isinstance(who, Person) else Person(str(who))
        if feasibility_only:
            if keep_constraints:
                person = Person(
                    person.origin,
                    max_teer_step=person.max_teer_step,
                    max_training_weeks=person.max_training_weeks,
                )
            else:
                person = Person(person.origin)
        o, values = self._person_vector(person)
        origins = np.array([o])
        rows = self._rows(origins, None if values is None else values[None, :])
        wage = None if person.wage is None else np.array([person.wage], dtype=np.float32)
        score = self._score(rows.fit, origins, feasibility_only, self._extra_for(region), wage)
        mask = self._mask(
            origins,
            rows.gap,
            None if person.max_teer_step is None else [person.max_teer_step],
            None if person.max_training_weeks is None else [person.max_training_weeks],
        )
        return person, o, values, rows, score, mask

    # ------------------------------------------------------------------ every origin at once
    def rank_all(
        self,
        origins: list[str] | None = None,
        *,
        top: int = 20,
        feasibility_only: bool = True,
        region: str | None = None,
        nearest_if_none: bool = False,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(origin index (n,), targets (n, top), scores (n, top)) for occupation codes (None: all).
        ``nearest_if_none``: an origin without a viable target gets its nearest targets instead (as in
        ``transitions``); ``self.viable[origin, target]`` tells them apart."""
        idx = np.arange(len(self.codes)) if origins is None else np.array([self.index(c) for c in origins])
        extra = self._extra_for(region)
        targets = np.full((len(idx), min(top, len(self.codes))), -1, dtype=np.int32)
        scores = np.full(targets.shape, np.nan, dtype=np.float32)
        for start in range(0, len(idx), 256):
            chunk = idx[start : start + 256]
            rows = self._rows(chunk)
            score = self._score(rows.fit, chunk, feasibility_only, extra)
            targets[start : start + 256], scores[start : start + 256] = self._top(
                score, self._mask(chunk, rows.gap), top
            )
            if nearest_if_none:
                for r in np.flatnonzero(targets[start : start + 256, 0] < 0):
                    o = int(chunk[r])
                    near = self._nearest(rows.gap[r], score[r], ~self.viable[o], o, targets.shape[1])
                    targets[start + r, : len(near)] = near
                    scores[start + r, : len(near)] = score[r, near]
        return idx, targets, scores
