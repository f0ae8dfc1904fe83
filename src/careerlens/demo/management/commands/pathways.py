"""careerlens pathways: rank the transitions from NOC 2021 unit groups to others (docs/pathways.md).

    careerlens pathways --from 72106 --top 20 --feasibility-only --format csv
    careerlens pathways --from all --top 20 --feasibility-only --format csv > transitions.csv
    careerlens pathways --from 65100 14110 --format table --region 3530
    careerlens pathways --from 65100 --goal 32101 --format table          # multi-step paths

CSV columns are ``origin,target,rank,score,viable``; ``--format table`` adds titles, the gap and the TEER
step, ``--format json`` every explanation. Every origin answers: one with no viable target gets its nearest
targets (smallest gap first), with ``viable`` false. The command reads the reference files
(REFERENCE_DATA_DIR), not the database.
"""

from __future__ import annotations

import csv
import io
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.pathways import (
    Engine,
    PathwayDataError,
    PathwaySettings,
    from_long,
    labour,
    oasis,
    read_long,
)

FORMATS = ("csv", "table", "json")


class Command(BaseCommand):
    help = "Rank skills-based transitions from NOC 2021 unit groups (feasibility-only or full score)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="origins",
            nargs="+",
            required=True,
            metavar="NOC",
            help="origin unit group code(s), or 'all' for every unit group",
        )
        parser.add_argument("--top", type=int, default=20, help="targets per origin (default 20)")
        parser.add_argument(
            "--feasibility-only",
            action="store_true",
            help="rank by skills-based feasibility alone (no outlook, wages, exposure or personal data)",
        )
        parser.add_argument("--format", choices=FORMATS, default="table", help="csv, table or json")
        parser.add_argument(
            "--goal", metavar="NOC", help="show the best paths (up to 3 steps) to this unit group"
        )
        parser.add_argument(
            "--region", metavar="ER", help="economic region for Job Bank outlooks (with --jobbank)"
        )
        parser.add_argument(
            "--jobbank", metavar="FILE", help="Job Bank 3-year outlooks CSV (docs/pathways.md)"
        )
        parser.add_argument("--wages", metavar="FILE", help="hourly wages CSV: noc_code,wage")
        parser.add_argument(
            "--ratings", metavar="FILE", help="another taxonomy in the long format (CSV or Parquet)"
        )
        parser.add_argument("--language", choices=("en", "fr"), default="en", help="names in tables and JSON")
        parser.add_argument(
            "--include-nonviable",
            action="store_true",
            help="fill up to --top with the nearest non-viable targets (viable=false); without it, only "
            "an origin with no viable target gets its nearest ones",
        )

    def handle(
        self,
        *args,
        origins,
        top,
        feasibility_only,
        format,
        goal,
        region,
        jobbank,
        wages,
        ratings,
        language,
        include_nonviable,
        **options,
    ):
        if top < 1:
            raise CommandError(f"--top must be at least 1 (got {top}).")
        engine = self._engine(jobbank, wages, ratings)
        codes = self._origins(engine, origins)
        if goal is not None:
            self._paths(engine, codes, goal, top, format, language)
            return
        if format == "csv" and not include_nonviable:
            self._csv(engine, codes, top, feasibility_only, region)
            return
        try:
            results = [
                engine.transitions(
                    code,
                    top=top,
                    feasibility_only=feasibility_only,
                    region=region,
                    explain=format == "json",
                    include_nonviable=include_nonviable,
                    nearest_if_none=True,
                )
                for code in codes
            ]
        except PathwayDataError as error:
            raise CommandError(str(error)) from error
        if format == "json":
            payload = [t.as_dict(language) for found in results for t in found]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
        elif format == "csv":
            self._write_csv(
                [(t.origin, t.target, t.rank, t.score, t.viable) for found in results for t in found]
            )
        else:
            self._table(engine, codes, results, language)

    # ------------------------------------------------------------------
    def _engine(self, jobbank, wages, ratings) -> Engine:
        data = settings.REFERENCE_DATA_DIR
        try:
            if ratings:
                taxonomy = from_long(read_long(ratings), source=str(ratings))
                return Engine(taxonomy, PathwaySettings())
            known = {row["occupation"] for row in oasis.read_unit_groups(data).to_pylist()}
            return Engine.from_reference(
                data,
                wages=labour.read_wages(wages, known) if wages else None,
                jobbank=labour.read_jobbank(jobbank, known) if jobbank else None,
            )
        except PathwayDataError as error:
            raise CommandError(str(error)) from error

    def _origins(self, engine: Engine, origins: list[str]) -> list[str]:
        if any(o.strip().lower() == "all" for o in origins):
            if len(origins) > 1:
                raise CommandError("--from all cannot be combined with codes.")
            return [str(c) for c in engine.codes]
        unknown = []
        codes = []
        for raw in origins:
            try:
                codes.append(str(engine.codes[engine.index(raw)]))
            except PathwayDataError:
                unknown.append(raw)
        if unknown:
            raise CommandError(f"unknown NOC 2021 unit group code(s): {', '.join(unknown)}")
        return codes

    def _csv(self, engine: Engine, codes, top, feasibility_only, region) -> None:
        try:
            origin_idx, targets, scores = engine.rank_all(
                codes, top=top, feasibility_only=feasibility_only, region=region, nearest_if_none=True
            )
        except PathwayDataError as error:
            raise CommandError(str(error)) from error
        rows = []
        for i, o in enumerate(origin_idx):
            for rank, (t, score) in enumerate(zip(targets[i], scores[i], strict=True), start=1):
                if t < 0:
                    break
                rows.append((engine.codes[o], engine.codes[t], rank, float(score), bool(engine.viable[o, t])))
        self._write_csv(rows)

    def _write_csv(self, rows) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("origin", "target", "rank", "score", "viable"))
        writer.writerows((o, t, r, f"{s:.6f}", "true" if v else "false") for o, t, r, s, v in rows)
        self.stdout.write(buffer.getvalue(), ending="")

    def _table(self, engine: Engine, codes, results, language) -> None:
        titles = engine.taxonomy.titles_fr if language == "fr" else engine.taxonomy.titles_en
        for code, found in zip(codes, results, strict=True):
            i = engine.index(code)
            title = titles[i] or engine.taxonomy.titles_en[i]
            viable = sum(t.viable for t in found)
            self.stdout.write(f"{code} {title} (TEER {engine.teer[i]}): {viable} viable target(s)")
            if not viable:
                self.stdout.write("  no viable transition; the nearest targets, none viable:")
            for t in found:
                mark = "" if t.viable else f"  [not viable: {', '.join(t.not_viable_because)}]"
                outlook = ""
                if t.outlook is not None and t.outlook.label_en:
                    outlook = f"  {t.outlook.label_fr if language == 'fr' else t.outlook.label_en}"
                self.stdout.write(
                    f"  {t.rank:>3}  {t.target}  {t.score:6.3f}  gap {t.gap:5.3f}  TEER {t.teer_target}"
                    f" ({t.teer_step:+d})  {t.title(language)}{outlook}{mark}"
                )

    def _paths(self, engine: Engine, codes, goal, top, format, language) -> None:
        try:
            found = {code: engine.paths(code, goal, top=top) for code in codes}
        except PathwayDataError as error:
            raise CommandError(str(error)) from error
        if format == "json":
            payload = [
                {
                    "origin": code,
                    "goal": p.steps[-1].target,
                    "rank": rank,
                    "total_gap": round(p.total_gap, 6),
                    "training_weeks": round(p.total_training_weeks, 1),
                    "steps": [
                        {
                            "from": s.origin,
                            "to": s.target,
                            "gap": round(s.gap, 6),
                            "teer_step": s.teer_step,
                            "training_weeks": round(s.training_weeks, 1),
                        }
                        for s in p.steps
                    ],
                }
                for code, paths in found.items()
                for rank, p in enumerate(paths, start=1)
            ]
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        if format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(("origin", "goal", "rank", "total_gap", "path"))
            for code, paths in found.items():
                for rank, p in enumerate(paths, start=1):
                    writer.writerow(
                        (code, p.steps[-1].target, rank, f"{p.total_gap:.6f}", " > ".join(p.occupations))
                    )
            self.stdout.write(buffer.getvalue(), ending="")
            return
        titles = engine.taxonomy.titles_fr if language == "fr" else engine.taxonomy.titles_en
        for code, paths in found.items():
            self.stdout.write(f"{code} → {engine.codes[engine.index(goal)]}: {len(paths)} path(s)")
            if not paths:
                self.stdout.write("  no path of viable steps")
            for rank, p in enumerate(paths, start=1):
                names = " → ".join(f"{c} {titles[engine.index(c)]}" for c in p.occupations)
                self.stdout.write(
                    f"  {rank}. total gap {p.total_gap:.3f}, ~{p.total_training_weeks:.0f} weeks: {names}"
                )
