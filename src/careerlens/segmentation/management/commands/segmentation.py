"""careerlens segmentation train: fit a glass-box model on a table and print its held-out evaluation
(docs/segmentation.md).

    careerlens segmentation train --data clients.parquet --outcome long_term_unemployed
    careerlens segmentation train --data t.csv --outcome y --features a b c --format json --out model.json
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careerlens.analytics.segmentation import SegmentationDataError, train
from careerlens.analytics.segmentation.files import read_table


class Command(BaseCommand):
    help = "Client segmentation models: train one on a table and print its evaluation on held-out rows."
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="train")
        trainer = actions.add_parser("train", help="train a model and print its held-out evaluation")
        trainer.add_argument("--data", required=True, metavar="FILE", help="Parquet or CSV table")
        trainer.add_argument("--outcome", required=True, metavar="COLUMN", help="binary outcome column")
        trainer.add_argument("--features", nargs="+", metavar="COL", help="feature columns (default: all)")
        trainer.add_argument(
            "--allow-protected",
            nargs="+",
            default=[],
            metavar="COL",
            help="protected columns to use as inputs",
        )
        trainer.add_argument("--format", choices=("text", "json"), default="text")
        trainer.add_argument("--out", metavar="MODEL.json", help="write the fitted model here")

    def handle(self, *args, action, data, outcome, features, allow_protected, format, out, **options):
        try:
            result = train(
                read_table(data),
                outcome,
                features,
                tuple(allow_protected),
                description={"source": Path(data).name},
            )
        except SegmentationDataError as error:
            raise CommandError(str(error)) from None
        if out:
            try:
                Path(out).write_text(json.dumps(result.model.as_dict(), ensure_ascii=False), encoding="utf-8")
            except OSError as error:
                raise CommandError(f"--out {out}: cannot write ({error.strerror}).") from None
        evaluation = result.evaluation
        if format == "json":
            payload = {
                "outcome": outcome,
                "features": result.model.feature_names,
                "protected_left_out": result.model.metadata["protected_left_out"],
                **evaluation,
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
            return
        rows = evaluation["rows"]
        self.stdout.write(f"outcome {outcome}: {rows['train']} training rows, {rows['held_out']} held out")
        self.stdout.write(f"features: {', '.join(result.model.feature_names)}")
        left_out = result.model.metadata["protected_left_out"]
        if left_out:
            self.stdout.write(f"protected, not used: {', '.join(left_out)}")
        self.stdout.write(f"AUC {evaluation['auc']:.3f}")
        observed, predicted = evaluation["observed_rate"], evaluation["mean_predicted"]
        self.stdout.write(
            f"calibration error (ECE) {evaluation['ece']:.3f}; observed rate {observed:.3f},"
            f" mean predicted {predicted:.3f}"
        )
        self.stdout.write("factors that weigh most (log-odds spread; level raising / lowering the risk):")
        for row in evaluation["weighing_most"]:
            self.stdout.write(
                f"  {row['feature']:<28} {row['spread']:6.3f}  {row['raises_risk']} / {row['lowers_risk']}"
            )
