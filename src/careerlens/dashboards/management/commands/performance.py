"""careerlens performance: the provincial performance report and its open-data export
(docs/performance.md). Reads a Parquet snapshot (``careerlens simulate --out DIR`` or ``careerlens
export``), not the database.

    careerlens performance report --data var/synth --format json > report.json
    careerlens performance report --data var/synth --rules my.toml --compare other.toml --format csv --out DIR
    careerlens performance export --data var/synth --out var/open-data
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.performance import PerformanceError, load_rules, open_parquet, run
from careerlens.analytics.performance import export as open_data


class Command(BaseCommand):
    help = "The provincial performance report (indicators, client-mix adjustment, funding) from a snapshot."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="{report,export}")
        for name, text in (
            ("report", "the full report"),
            ("export", "the open-data export (CSV + dictionary)"),
        ):
            sub = actions.add_parser(
                name, help=text, called_from_command_line=getattr(parser, "called_from_command_line", None)
            )
            sub.add_argument(
                "--data", required=True, metavar="DIR", help="snapshot directory of Parquet files"
            )
            sub.add_argument(
                "--rules", metavar="FILE", help="funding rules (TOML); default: the shipped rules"
            )
            sub.add_argument("--compare", metavar="FILE", help="a second rule file to compare side by side")
            sub.add_argument(
                "--out", required=name == "export", metavar="DIR", help="directory to write into"
            )
            if name == "report":
                sub.add_argument("--format", choices=("json", "csv"), default="json", help="json or csv")

    def handle(self, *args, action, data, rules, compare, out, format="csv", **options):
        try:
            result = run(
                open_parquet(data),
                rules=load_rules(rules),
                compare=load_rules(compare) if compare else None,
            )
            if action == "export":
                written = open_data.write(result, out)
                self.stdout.write(f"Wrote {len(written)} files to {out}")
            elif format == "json":
                self._json(result, out)
            else:
                self._csv(result, out)
        except PerformanceError as error:
            raise CommandError(str(error)) from error

    def _json(self, result, out) -> None:
        payload = json.dumps(
            {name: table.to_pylist() for name, table in result.tables.items()},
            ensure_ascii=False,
            default=str,
        )
        if out is None:
            self.stdout.write(payload)
            return
        directory = self._directory(out)
        (directory / "report.json").write_text(payload, encoding="utf-8")
        self.stdout.write(f"Wrote {directory / 'report.json'}")

    def _csv(self, result, out) -> None:
        if out is None:
            import io

            import pyarrow.csv as pacsv

            buffer = io.BytesIO()
            pacsv.write_csv(result.tables["indicators"], buffer)
            self.stdout.write(buffer.getvalue().decode(), ending="")
            return
        directory = self._directory(out)
        for name, table in result.tables.items():
            open_data.write_table(table, directory / f"{name}.csv")
        self.stdout.write(f"Wrote {len(result.tables)} CSV files to {directory}")

    def _directory(self, out: str) -> Path:
        directory = Path(out)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"--out {out}: cannot create the directory ({error})") from error
        return directory
