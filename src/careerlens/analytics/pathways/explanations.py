"""How one transition reads: its facets, earnings, exposure, the strongest shared strengths, the largest gaps
by descriptor and the programs that could close them. A mixin of ``Engine``; it uses the engine's index."""

from __future__ import annotations

import numpy as np

from . import programs
from .results import DescriptorComparison, FacetFit, Transition

EPS = 1e-9


class Explanations:
    def _transition(self, person, o, t, rank, score, rows, r, values, region, viable, explain) -> Transition:
        gap = float(rows.gap[r, t])
        teer_o, teer_t = int(self.teer[o]), int(self.teer[t])
        weeks = self._weeks(o, t, gap)
        facet_fit = self.facet_fit[:, o, t] if rows.facet_fit is None else rows.facet_fit[:, r, t]
        facet_gap = self.facet_gap[:, o, t] if rows.facet_gap is None else rows.facet_gap[:, r, t]
        facets = tuple(
            FacetFit(
                f, float(self.weights[k]), float(facet_fit[k]), float(facet_gap[k]) if self.level[k] else None
            )
            for k, f in enumerate(self.facets)
        )
        earnings = None
        origin_wage = person.wage if person.wage is not None else float(self.wages[o])
        if not np.isnan(self.wages[t]) and origin_wage and not np.isnan(origin_wage):
            earnings = float(self.wages[t]) / origin_wage
        strengths, gaps, matched = (), (), ()
        if explain:
            strengths, gaps = self._compare(self.taxonomy.values[o] if values is None else values, t)
            matched = programs.match(
                self.catalogue, [(g.facet, g.descriptor) for g in gaps], self.codes[t], teer_t, weeks
            )
        automation = ai = None
        if self.exposures is not None:
            automation = self.exposures.by_measure[self.settings.automation_measure][t]
            ai = self.exposures.by_measure["ilo_genai"][t]
        return Transition(
            origin=str(self.codes[o]),
            target=str(self.codes[t]),
            title_en=str(self.taxonomy.titles_en[t]),
            title_fr=str(self.taxonomy.titles_fr[t] or self.taxonomy.titles_en[t]),
            rank=rank,
            score=score,
            feasibility=float(rows.fit[r, t]),
            gap=gap,
            viable=bool(viable),
            teer_origin=teer_o,
            teer_target=teer_t,
            teer_step=teer_o - teer_t if teer_o >= 0 and teer_t >= 0 else 0,
            training_weeks=weeks,
            facets=facets,
            outlook=None if self.outlooks is None else self.outlooks.get(t, region),
            earnings_ratio=earnings,
            automation=automation,
            ai_exposure=ai,
            strengths=strengths,
            gaps=gaps,
            programs=matched,
            not_viable_because=() if viable else self._blockers(person, o, t, gap, weeks),
        )

    def _compare(self, origin_values: np.ndarray, t: int):
        """Strongest shared strengths (highest min(origin, target)) and largest gaps (target − origin, at
        least ``gap_min_points`` scale points) among the level facets' descriptors."""
        s = self.settings
        columns = self._level_columns
        target = self.taxonomy.values[t]
        shared = np.minimum(origin_values[columns], target[columns])
        shortfall = (target[columns] - origin_values[columns]) * self.scale_max[columns]
        order = np.lexsort((columns, -shared))
        strengths = columns[order[shared[order] > 0][: s.explain_strengths]]
        order = np.lexsort((columns, -shortfall))
        gaps = columns[order[shortfall[order] >= max(s.gap_min_points, EPS)][: s.explain_gaps]]
        descriptors = self.taxonomy.descriptors

        def comparison(j: int) -> DescriptorComparison:
            d = descriptors[j]
            return DescriptorComparison(
                d.id,
                d.facet,
                d.name_en,
                d.name("fr"),
                float(origin_values[j] * d.scale_max),
                float(target[j] * d.scale_max),
                d.scale_max,
            )

        return tuple(comparison(int(j)) for j in strengths), tuple(comparison(int(j)) for j in gaps)
