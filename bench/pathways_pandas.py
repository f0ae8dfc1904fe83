"""The baseline for bench/pathways.py: the same transition model written straightforwardly with pandas
(wide DataFrame of occupations × descriptors, one origin at a time, per-facet group sums). It computes the
same feasibility, gap and full score as careerlens.analytics.pathways (checked in the bench run), without
the engine's all-pairs matrices, level encoding or grouping of people.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


class PandasModel:
    def __init__(self, long: pd.DataFrame, occupations: pd.DataFrame, settings, extra: pd.Series):
        df = long.assign(unit=long["occupation"].str[:5], v=long["value"] / long["scale_max"])
        self.wide = df.pivot_table(
            index="unit", columns=["facet", "descriptor"], values="v", aggfunc="mean"
        ).fillna(0.0)
        self.scale = df.groupby(["facet", "descriptor"])["scale_max"].first().reindex(self.wide.columns)
        weights = pd.Series({f: w for f, w in settings.facet_weights.items() if w > 0})
        facets = [f for f in self.wide.columns.get_level_values(0).unique() if f in weights.index]
        self.wide = self.wide.loc[:, facets]
        self.weights = weights[facets] / weights[facets].sum()
        self.level = pd.Series({f: f not in settings.match_facets for f in facets})
        self.gap_weights = (self.weights * self.level) / (self.weights * self.level).sum()
        self.settings = settings
        self.teer = occupations.set_index("occupation")["teer"].reindex(self.wide.index)
        self.sums = self.wide.T.groupby(level="facet").sum().T  # units × facets
        self.extra = extra.reindex(self.wide.index).fillna(0.0)
        self.weeks_by_teer = self.teer.map(dict(settings.training_weeks_by_teer)).fillna(0.0)

    def _facets(self, origin_row: pd.Series):
        overlap = self.wide.clip(upper=origin_row, axis=1).T.groupby(level="facet").sum().T  # units × facets
        origin_sum = origin_row.groupby(level="facet").sum()
        lam = self.settings.excess_weight
        fits, gaps = {}, {}
        for facet in self.weights.index:
            ov, so, st = overlap[facet], origin_sum[facet], self.sums[facet]
            if self.level[facet]:
                gap = (1 - ov / st).where(st > 1e-9, 0.0)
                excess = (1 - ov / so) if so > 1e-9 else ov * 0
                fits[facet] = 1 - (gap + lam * excess) / (1 + lam)
                gaps[facet] = gap.clip(0, 1)
            else:
                union = so + st - ov
                fits[facet] = (ov / union).where(union > 1e-9, 1.0)
                gaps[facet] = ov * 0
        fit = (pd.DataFrame(fits) * self.weights).sum(axis=1)
        gap = (pd.DataFrame(gaps) * self.gap_weights).sum(axis=1)
        return fit, gap

    def build(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Every origin → every target: (feasibility, gap) DataFrames."""
        fit, gap = {}, {}
        for origin in self.wide.index:
            fit[origin], gap[origin] = self._facets(self.wide.loc[origin])
        return pd.DataFrame(fit).T, pd.DataFrame(gap).T

    def query(
        self,
        origin: str,
        ratings: dict[tuple[str, str], float] | None = None,
        top: int = 20,
        max_teer_step: int | None = None,
        max_training_weeks: float | None = None,
    ) -> pd.Series:
        """Top ``top`` viable targets (score, best first) for one person (ratings on their own scales)."""
        row = self.wide.loc[origin].copy()
        for key, value in (ratings or {}).items():
            row[key] = value / self.scale[key]
        fit, gap = self._facets(row)
        s = self.settings
        teer_o = self.teer[origin]
        mask = (gap <= s.max_gap) & ((self.teer - teer_o).abs() <= s.max_teer_distance)
        mask[origin] = False
        if max_teer_step is not None:
            mask &= (teer_o - self.teer) <= max_teer_step
        if max_training_weeks is not None:
            by_teer = self.weeks_by_teer.where(self.teer < teer_o, 0.0)
            weeks = np.maximum(by_teer, gap * s.weeks_per_gap)
            mask &= weeks <= max_training_weeks
        score = (fit + self.extra)[mask]
        return score.sort_values(ascending=False, kind="stable").head(top)
