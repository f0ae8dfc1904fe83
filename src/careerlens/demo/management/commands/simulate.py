"""careerlens simulate: write a simulated Ontario (Parquet tables, truth.json, calibration.json).

    careerlens simulate --clients 1000000 --seed 1 --out var/synth

The model and the output schema are described in docs/synth.md and docs/synth-schema.md. The command
touches no database: it only writes files into --out.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.synth import SimConfig, calibration, simulate, writer

MAX_CLIENTS = 5_000_000  # about 1.5 GB of memory per million clients


class Command(BaseCommand):
    help = (
        "Simulate a province of clients, services and outcomes (with ground truth) and write it as Parquet."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--clients", type=int, default=100_000, help="number of referred clients (default 100000)"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="random seed; the same seed gives the same output"
        )
        parser.add_argument("--out", required=True, help="output directory (created if missing)")
        parser.add_argument(
            "--min-wage",
            type=float,
            default=None,
            help=f"minimum wage for the IES outcome rule, $/hour (default {SimConfig().min_wage})",
        )

    def handle(self, *args, clients, seed, out, min_wage, **options):
        if clients < 1:
            raise CommandError(f"--clients must be at least 1 (got {clients}).")
        if clients > MAX_CLIENTS:
            raise CommandError(f"--clients must be at most {MAX_CLIENTS:,} on one machine (got {clients:,}).")
        if seed < 0:
            raise CommandError(f"--seed must be zero or more (got {seed}).")
        cfg = SimConfig()
        if min_wage is not None:
            if not min_wage > 0:
                raise CommandError(f"--min-wage must be more than 0 (got {min_wage}).")
            cfg = dataclasses.replace(cfg, min_wage=min_wage)
        directory = self._directory(out)

        started = time.perf_counter()
        province = simulate(clients, seed, cfg)
        simulated = time.perf_counter()
        rows = writer.write(province, directory)
        finished = time.perf_counter()

        self.stdout.write(
            f"Simulated {clients:,} clients (seed {seed}) in {simulated - started:.1f} s; "
            f"wrote {sum(rows.values()):,} rows in {finished - simulated:.1f} s to {directory}"
        )
        for name, count in rows.items():
            self.stdout.write(f"  {name + '.parquet':<24}{count:>14,}")
        report = json.loads((directory / "calibration.json").read_text())
        self.stdout.write("Calibration (calibration.json):")
        self.stdout.write(calibration.format_report(report))
        if not all(r["ok"] for r in report.values()):
            self.stdout.write(
                self.style.WARNING(
                    "Some calibration targets are outside their tolerance (expected for small provinces: the "
                    "tolerances are set for 20,000 clients or more)."
                )
            )

    def _directory(self, out: str) -> Path:
        directory = Path(out).expanduser()
        if directory.exists() and not directory.is_dir():
            raise CommandError(f"--out {out}: exists and is not a directory.")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(f"--out {out}: cannot create the directory ({error.strerror}).") from error
        if not os.access(directory, os.W_OK | os.X_OK):
            raise CommandError(f"--out {out}: the directory is not writable.")
        try:
            with tempfile.TemporaryFile(dir=directory):
                pass
        except OSError as error:
            raise CommandError(f"--out {out}: cannot write there ({error.strerror}).") from error
        return directory
