"""Multi-step career paths: the best paths of up to three steps from an origin to a goal occupation,
every step viable, ranked by total gap. A mixin of ``Engine``; it uses the engine's index."""

from __future__ import annotations

import numpy as np

from ._io import PathwayDataError
from .people import Person
from .results import CareerPath, PathStep


class PathSearch:
    def paths(
        self, who: str | Person, goal: str, *, top: int = 5, max_steps: int | None = None
    ) -> list[CareerPath]:
        """The best paths of up to ``max_steps`` (default ``settings.max_path_steps``, at most 3) from the
        origin to ``goal``, every step viable (and within the person's constraints), ranked by total gap
        (ties: fewer steps). The first step uses the person's own ratings; later steps start from the
        occupation reached."""
        steps = self.settings.max_path_steps if max_steps is None else max_steps
        if not 1 <= steps <= 3:
            raise PathwayDataError(f"max_steps must be 1, 2 or 3 (got {steps}).")
        person = who if isinstance(who, Person) else Person(str(who))
        o, values = self._person_vector(person)
        g = self.index(goal)
        if g == o:
            raise PathwayDataError(f"the goal {self.codes[g]} is the origin occupation.")
        rows = self._rows(np.array([o]), None if values is None else values[None, :])
        step_limit = None if person.max_teer_step is None else person.max_teer_step
        week_limit = person.max_training_weeks
        first_mask = self._mask(
            np.array([o]),
            rows.gap,
            None if step_limit is None else [step_limit],
            None if week_limit is None else [week_limit],
        )[0]
        first = np.where(first_mask, rows.gap[0], np.inf)
        n = len(self.codes)
        everyone = np.arange(n)
        later_mask = self._mask(
            everyone,
            self.gap,
            None if step_limit is None else np.full(n, step_limit),
            None if week_limit is None else np.full(n, week_limit),
        )
        later = np.where(later_mask, self.gap, np.inf).astype(np.float32)
        found: list[tuple[float, int, tuple[int, ...]]] = []
        if np.isfinite(first[g]):
            found.append((float(first[g]), 1, (o, g)))
        blocked = np.zeros(n, dtype=bool)
        blocked[[o, g]] = True
        if steps >= 2:
            two = first + later[:, g]
            two[blocked] = np.inf
            for m in np.argsort(two, kind="stable")[:top]:
                if np.isfinite(two[m]):
                    found.append((float(two[m]), 2, (o, int(m), g)))
        if steps >= 3:
            three = first[:, None] + later + later[:, g][None, :]
            three[blocked, :] = np.inf
            three[:, blocked] = np.inf
            np.fill_diagonal(three, np.inf)
            flat = three.ravel()
            best = (
                np.argpartition(flat, min(top, flat.size - 1))[: top + 1]
                if flat.size > top
                else np.arange(flat.size)
            )
            for cell in best[np.argsort(flat[best], kind="stable")][:top]:
                if np.isfinite(flat[cell]):
                    m1, m2 = divmod(int(cell), n)
                    found.append((float(flat[cell]), 3, (o, m1, m2, g)))
        found.sort(key=lambda item: (round(item[0], 6), item[1], item[2]))
        result = []
        for total, _, nodes in found[:top]:
            path_steps = []
            for i, (a, b) in enumerate(zip(nodes[:-1], nodes[1:], strict=True)):
                step_gap = float(rows.gap[0, b]) if i == 0 else float(self.gap[a, b])
                weeks = self._weeks(a, b, step_gap)
                teer_step = int(self.teer[a] - self.teer[b]) if self.teer[a] >= 0 and self.teer[b] >= 0 else 0
                path_steps.append(
                    PathStep(str(self.codes[a]), str(self.codes[b]), step_gap, teer_step, weeks)
                )
            result.append(CareerPath(tuple(path_steps), total, sum(s.training_weeks for s in path_steps)))
        return result
