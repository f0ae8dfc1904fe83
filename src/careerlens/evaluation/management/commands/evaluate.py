"""careerlens evaluate: the effect of a service on an outcome (docs/evaluation.md).

    careerlens evaluate --data clients.csv --treatment training --outcome employed_12m \\
        --covariates age education program --by program --format json
    careerlens evaluate --data var/synth --treatment skills_training --outcome job_12m
    careerlens evaluate --data var/synth --treatment skills_training --outcome earnings_12m --by indigenous
    careerlens evaluate --data var/synth --write-table var/evaluation.parquet

``--data`` is a CSV or Parquet file, or the output directory of ``careerlens simulate`` (then the
evaluation table is built from it and ``--covariates`` defaults to the characteristics that drive the
choice of that intervention). The command only parses arguments; the work is in
``careerlens.analytics.evaluation``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.evaluation import (
    EvaluationError,
    EvaluationSettings,
    covariates_for,
    evaluate,
    evaluation_table,
    read_directory,
    read_table,
)
from careerlens.analytics.evaluation.messages import ESTIMAND_NAMES, METHOD_NAMES
from careerlens.analytics.evaluation.province import GROUPINGS, OUTCOMES

FORMATS = ("text", "json")


class Command(BaseCommand):
    help = "Estimate the effect of a service (a yes/no column) on an outcome, with diagnostics."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, metavar="FILE", help="CSV/Parquet file or province")
        parser.add_argument("--treatment", metavar="COL", help="yes/no column, or COL=VALUE")
        parser.add_argument(
            "--outcome",
            metavar="COL",
            help=f"numeric or yes/no outcome column (a province has {', '.join(OUTCOMES)})",
        )
        parser.add_argument("--covariates", nargs="+", metavar="COL", help="columns to adjust for")
        parser.add_argument("--pre-outcome", metavar="COL", help="outcome before (diff.-in-diff.)")
        parser.add_argument(
            "--by",
            metavar="COL",
            help=f"subgroup column, small cells suppressed (a province has {', '.join(GROUPINGS)})",
        )
        parser.add_argument("--format", choices=FORMATS, default="text", help="text or json")
        parser.add_argument("--language", choices=("en", "fr"), default="en", help="language of the text")
        parser.add_argument("--bootstrap", type=int, default=EvaluationSettings.bootstrap, help="replicates")
        parser.add_argument("--seed", type=int, default=EvaluationSettings.seed, help="bootstrap seed")
        parser.add_argument(
            "--no-specification-checks",
            action="store_true",
            help="skip re-estimating with each covariate left out (faster)",
        )
        parser.add_argument(
            "--write-table", metavar="FILE", help="write the province's evaluation table (.parquet or .csv)"
        )

    def handle(self, *args, data, treatment, outcome, covariates, format, language, **options):
        try:
            settings = EvaluationSettings(bootstrap=options["bootstrap"], seed=options["seed"])
            province = Path(data).is_dir()
            table = evaluation_table(read_directory(data)) if province else read_table(data)
            if options["write_table"]:
                self._write(table, options["write_table"])
                if treatment is None:
                    return
            if treatment is None or outcome is None:
                raise CommandError("--treatment and --outcome are required.")
            if covariates is None:
                if not province:
                    raise CommandError("--covariates is required for a data file.")
                covariates = covariates_for(treatment)
            result = evaluate(
                table,
                treatment,
                outcome,
                covariates,
                pre_outcome=options["pre_outcome"],
                by=options["by"],
                settings=settings,
                specification_checks=not options["no_specification_checks"],
            )
        except EvaluationError as error:
            raise CommandError(str(error)) from error
        if format == "json":
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=1))
        else:
            self._text(result, language)

    def _write(self, table, path: str) -> None:
        target = Path(path)
        if target.suffix not in (".parquet", ".csv"):
            raise CommandError(f"--write-table must end in .parquet or .csv, not {target.name}.")
        if not target.parent.is_dir():
            raise CommandError(f"--write-table: no such directory {target.parent}.")
        if target.suffix == ".parquet":
            pq.write_table(table, target)
        else:
            pacsv.write_csv(table, target)
        self.stderr.write(f"wrote {table.num_rows} rows to {target}")

    def _text(self, result, language: str) -> None:
        write = self.stdout.write
        write(f"{result.treatment} → {result.outcome}: {result.rows} rows")
        if result.dropped_missing:
            write(f"  ({result.dropped_missing} rows without a treatment or outcome left out)")
        width = max(len(METHOD_NAMES[e.method][language]) for e in result.estimates)
        for e in result.estimates:
            mark = "*" if e is result.recommended else " "
            value = "—" if e.estimate is None else f"{e.estimate:+.4f}"
            interval = "" if e.ci_low is None else f"  [{e.ci_low:+.4f}, {e.ci_high:+.4f}]"
            write(
                f" {mark} {METHOD_NAMES[e.method][language]:<{width}}  {e.estimand:<10} {value}{interval}"
                f"  treated {e.n_treated}, control {e.n_control}, trimmed {e.n_trimmed}"
            )
        chosen = result.recommended
        if chosen is not None:
            write(f"* {METHOD_NAMES[chosen.method][language]} — {ESTIMAND_NAMES[chosen.estimand][language]}")
        for s in result.statements:
            write(f"! {s[language]}")
        for s in result.caveats:
            write(f"- {s[language]}")
        for group in result.subgroups:
            if group.suppressed:
                write(f"  {result.by} = {group.value}: suppressed (small cells)")
                continue
            found = group.find(chosen.method, chosen.estimand) if chosen else None
            value = "—" if found is None or found.estimate is None else f"{found.estimate:+.4f}"
            counts = f"treated {group.n_treated}, control {group.n_control}"
            write(f"  {result.by} = {group.value}: {value} ({counts})")
