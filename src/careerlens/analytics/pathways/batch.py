"""Ranking many people at once (a batch of millions, in chunks): the part of the engine behind
``Engine.batch`` and ``Engine.rank_batch``. A mixin of ``Engine``; it uses the engine's index."""

from __future__ import annotations

import numpy as np

from . import oasis
from ._io import PathwayDataError
from .people import HOLLAND_LETTERS, Person, PersonBatch
from .results import BatchResult


class BatchRanking:
    def batch(self, people: list[Person]) -> PersonBatch:
        """A PersonBatch from Person objects: every descriptor anyone rated becomes a column (the six Holland
        descriptors when anyone gave interests)."""
        scale = self.scale_max
        resolved: list[tuple[int, dict[int, float]]] = []
        for p in people:
            o, v = self._person_vector(p)  # validates
            given: dict[int, float] = {}
            if v is not None:
                names = [str(k) for k in p.ratings]
                if p.interests:
                    names += [oasis.HOLLAND[x] for x in HOLLAND_LETTERS]
                for name in names:
                    j = self.descriptor_position[name]
                    given[j] = float(round(float(v[j]) * float(scale[j])))
            resolved.append((o, given))
        changed = sorted(set().union(*(g.keys() for _, g in resolved))) if resolved else []
        ratings = np.full((len(people), len(changed)), np.nan, dtype=np.float32)
        where = {j: c for c, j in enumerate(changed)}
        for i, (_, given) in enumerate(resolved):
            for j, value in given.items():
                ratings[i, where[j]] = value
        return PersonBatch(
            origin=np.array([o for o, _ in resolved], dtype=np.int32),
            columns=tuple(self.taxonomy.descriptors[j].id for j in changed),
            ratings=ratings,
            max_teer_step=np.array(
                [-1 if p.max_teer_step is None else p.max_teer_step for p in people], dtype=np.int8
            ),
            max_training_weeks=np.array(
                [np.nan if p.max_training_weeks is None else p.max_training_weeks for p in people],
                dtype=np.float32,
            ),
            wage=np.array([np.nan if p.wage is None else p.wage for p in people], dtype=np.float32),
        )

    def _psi_for(self, j: int) -> np.ndarray:
        """(m, N) level encoding of descriptor column j for every target: Σ_k [p ≥ k] ψ_k(t) = min(p, t)."""
        cached = self._psi.get(j)
        if cached is None:
            top = self.taxonomy.descriptors[j].scale_max
            if not float(top).is_integer():
                raise PathwayDataError(
                    f"descriptor {self.taxonomy.descriptors[j].id}: personal ratings in a batch need a "
                    "whole-number scale."
                )
            raw = self.taxonomy.values[:, j] * top
            steps = np.arange(int(top), dtype=np.float32)[:, None]
            cached = (np.clip(raw[None, :] - steps, 0, 1) / top).astype(np.float32)
            self._psi[j] = cached
        return cached

    def rank_batch(
        self,
        batch: PersonBatch,
        *,
        top: int = 20,
        feasibility_only: bool = False,
        region: str | None = None,
    ) -> BatchResult:
        """Top ``top`` viable targets for every person of the batch (vectorised; people are grouped by
        origin, and people with no ratings and the same origin and constraints are ranked once)."""
        p = len(batch)
        origin = np.asarray(batch.origin, dtype=np.int32)
        if p and (origin.min() < 0 or origin.max() >= len(self.codes)):
            raise PathwayDataError("batch: origin indexes must point into Engine.codes.")
        step = (
            np.full(p, -1, np.int8)
            if batch.max_teer_step is None
            else np.asarray(batch.max_teer_step, np.int8)
        )
        weeks = (
            np.full(p, np.nan, np.float32)
            if batch.max_training_weeks is None
            else np.asarray(batch.max_training_weeks, np.float32)
        )
        wage = np.full(p, np.nan, np.float32) if batch.wage is None else np.asarray(batch.wage, np.float32)
        columns = [self.descriptor_position.get(c) for c in batch.columns]
        unknown = [c for c, j in zip(batch.columns, columns, strict=True) if j is None]
        if unknown:
            raise PathwayDataError(f"batch: unknown descriptor(s) {', '.join(unknown)}.")
        ratings = batch.ratings
        if feasibility_only or ratings is None or not columns:
            personal = np.zeros(p, dtype=bool)
        else:
            ratings = np.asarray(ratings, dtype=np.float32)
            given = ~np.isnan(ratings)
            scale = self.scale_max[columns]
            bad = given & ((ratings < 0) | (ratings > scale[None, :]) | (ratings != np.round(ratings)))
            if bad.any():
                i, c = np.argwhere(bad)[0]
                raise PathwayDataError(
                    f"batch person {i}: rating {ratings[i, c]} of {batch.columns[c]} is not a whole number "
                    f"from 0 to {scale[c]:g}."
                )
            personal = given.any(1)
        if feasibility_only:
            step = np.full(p, -1, np.int8)
            weeks = np.full(p, np.nan, np.float32)
            wage = np.full(p, np.nan, np.float32)
        extra = self._extra_for(region)
        k = min(top, len(self.codes))
        targets = np.full((p, k), -1, dtype=np.int16)
        scores = np.full((p, k), np.nan, dtype=np.float32)

        # 1. people without ratings: one ranking per distinct (origin, constraints, wage)
        plain = np.flatnonzero(~personal)
        if len(plain):
            keys = np.stack(
                [
                    origin[plain].astype(np.float64),
                    step[plain].astype(np.float64),
                    np.nan_to_num(weeks[plain], nan=-1.0).astype(np.float64),
                    np.nan_to_num(wage[plain], nan=-1.0).astype(np.float64),
                ],
                axis=1,
            )
            unique, inverse = np.unique(keys, axis=0, return_inverse=True)
            inverse = inverse.reshape(-1)
            u_origin = unique[:, 0].astype(np.int32)
            u_step = unique[:, 1].astype(np.int8)
            u_weeks = np.where(unique[:, 2] < 0, np.nan, unique[:, 2]).astype(np.float32)
            u_wage = np.where(unique[:, 3] < 0, np.nan, unique[:, 3]).astype(np.float32)
            u_targets = np.empty((len(unique), k), dtype=np.int16)
            u_scores = np.empty((len(unique), k), dtype=np.float32)
            for start in range(0, len(unique), 1024):
                sl = slice(start, start + 1024)
                rows = self._rows(u_origin[sl])
                score = self._score(rows.fit, u_origin[sl], feasibility_only, extra, u_wage[sl])
                mask = self._mask(u_origin[sl], rows.gap, u_step[sl], u_weeks[sl])
                u_targets[sl], u_scores[sl] = self._top(score, mask, k)
            targets[plain] = u_targets[inverse]
            scores[plain] = u_scores[inverse]

        # 2. people with ratings, grouped by origin
        rated = np.flatnonzero(personal)
        if len(rated):
            order = rated[np.argsort(origin[rated], kind="stable")]
            col_facet: dict[int, list[int]] = {}
            for c, j in enumerate(columns):
                for kf, sl in enumerate(self.slices):
                    if sl.start <= j < sl.stop:
                        col_facet.setdefault(kf, []).append(c)
            prepared = {}
            for kf, cols in col_facet.items():
                js = [columns[c] for c in cols]
                tops = [int(self.taxonomy.descriptors[j].scale_max) for j in js]
                psi = np.concatenate([self._psi_for(j) for j in js], axis=0)  # (Σ tops, N)
                repeat = np.repeat(np.arange(len(js)), tops)
                thresholds = np.concatenate([np.arange(1, t + 1) for t in tops]).astype(np.float32)
                prepared[kf] = (cols, np.array(js), repeat, thresholds, psi)
            # The level-encoded overlap does not depend on the origin: one large matrix product per chunk
            # (small products per origin would pay BLAS's thread start-up each time).
            for start in range(0, len(order), 16384):
                chunk = order[start : start + 16384]
                chunk_ratings = ratings[chunk]
                encoded = {
                    kf: (
                        np.nan_to_num(chunk_ratings[:, cols], nan=-1.0)[:, repeat] >= thresholds[None, :]
                    ).astype(np.float32)
                    @ psi
                    for kf, (cols, _, repeat, thresholds, psi) in prepared.items()
                }
                bounds = np.flatnonzero(np.diff(origin[chunk])) + 1
                for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(chunk)], strict=True):
                    members = chunk[lo:hi]
                    self._rank_rated(
                        members,
                        int(origin[members[0]]),
                        chunk_ratings[lo:hi],
                        {kf: v[lo:hi] for kf, v in encoded.items()},
                        prepared,
                        step[members],
                        weeks[members],
                        wage[members],
                        extra,
                        k,
                        targets,
                        scores,
                    )
        return BatchResult(targets, scores)

    def _rank_rated(
        self, members, o, ratings, encoded, prepared, step, weeks, wage, extra, k, targets, scores
    ):
        n = len(members)
        x = self.taxonomy.values
        fit = np.repeat(self.fit[o][None, :], n, axis=0)
        gap = np.repeat(self.gap[o][None, :], n, axis=0)
        for kf, (cols, js, _, _, _) in prepared.items():
            r = ratings[:, cols]
            g = ~np.isnan(r)
            if not g.any():
                continue
            # Σ_d min(v_d, t_d) over the batch's columns of this facet: the person's whole-number ratings
            # through the level encoding (exact; ``encoded``), the origin's ratings where the person gave none
            overlap = (
                encoded[kf]
                + (self.overlap[kf][o] - np.minimum(x[o, js][:, None], x[:, js].T).sum(0))[None, :]
            )
            if not g.all():
                m_o = np.minimum(x[o, js][:, None], x[:, js].T)  # (K_f, N)
                overlap = overlap + (~g).astype(np.float32) @ m_o
            scale = self.scale_max[js]
            own = np.where(g, np.nan_to_num(r) / scale[None, :], x[o, js][None, :]).sum(1)
            origin_sum = (self.sums[kf][o] - x[o, js].sum() + own)[:, None]
            f_fit, f_gap = self._facet_scores(kf, overlap, origin_sum, self.sums[kf][None, :])
            fit += self.weights[kf] * (f_fit - self.facet_fit[kf][o][None, :])
            if self.level[kf]:
                gap += self.gap_weights[kf] * (f_gap - self.facet_gap[kf][o][None, :])
        origins = np.full(n, o, dtype=np.int32)
        score = self._score(fit, origins, False, extra, wage)
        mask = self._mask(origins, gap, step, weeks)
        targets[members], scores[members] = self._top(score, mask, k)

    # ------------------------------------------------------------------ multi-step paths
