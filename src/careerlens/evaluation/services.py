"""Running an evaluation: on the analytics snapshot (an intervention of the catalogue's types, an outcome,
optional subgroups) or on any uploaded table (CSV or Parquet), and keeping its report."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from careerlens.analytics.evaluation import (
    EvaluationError,
    EvaluationSettings,
    balance_chart,
    covariates_for,
    evaluate,
    evaluation_table,
    overlap_chart,
    read_directory,
    read_table,
)
from careerlens.analytics.evaluation.province import GROUPINGS, INTERVENTIONS, OUTCOMES
from careerlens.evaluation.models import EvaluationRun, Source

MAX_UPLOAD = 50 * 1024 * 1024


def may_run(user) -> bool:
    return bool(EvaluationRun.scope(user, "change"))


def engine_settings() -> EvaluationSettings:
    return EvaluationSettings(
        bootstrap=settings.EVALUATION_BOOTSTRAP, suppression_threshold=settings.SMALL_CELL_THRESHOLD
    )


def _keep(
    actor,
    title: str,
    source: str,
    table,
    treatment,
    outcome,
    covariates,
    by="",
    pre_outcome=None,
    file_name="",
) -> EvaluationRun:
    try:
        result = evaluate(
            table,
            treatment,
            outcome,
            list(covariates),
            pre_outcome=pre_outcome,
            by=by or None,
            settings=engine_settings(),
        )
    except EvaluationError as error:
        raise ValidationError(str(error)) from None
    charts = {
        language: {"balance": balance_chart(result, language), "overlap": overlap_chart(result, language)}
        for language in ("en", "fr")
    }
    return EvaluationRun.objects.create(
        title=title,
        source=source,
        file_name=file_name,
        treatment=treatment,
        outcome=outcome,
        covariates=list(covariates),
        by=by or "",
        result=result.as_dict(),
        charts=charts,
        created_by=actor,
    )


def run_on_snapshot(actor, treatment: str, outcome: str, by: str = "") -> EvaluationRun:
    if not may_run(actor):
        raise Http404
    if treatment not in INTERVENTIONS:
        raise ValidationError({"treatment": _("Choose one of the intervention types.")})
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": _("Choose one of the outcomes.")})
    if by and by not in GROUPINGS:
        raise ValidationError({"by": _("Choose one of the groupings.")})
    try:
        table = evaluation_table(read_directory(settings.ANALYTICS_SNAPSHOT_DIR))
    except EvaluationError:
        raise ValidationError(
            _(
                "The analytics snapshot in %(dir)s is missing or incomplete: run careerlens demo, "
                "or export one."
            )
            % {"dir": settings.ANALYTICS_SNAPSHOT_DIR}
        ) from None
    title = f"{treatment} → {outcome}"
    return _keep(actor, title, Source.SNAPSHOT, table, treatment, outcome, covariates_for(treatment), by)


def run_on_upload(
    actor, upload, *, treatment: str, outcome: str, covariates: list[str], by: str = "", pre_outcome: str = ""
) -> EvaluationRun:
    if not may_run(actor):
        raise Http404
    if upload.size > MAX_UPLOAD:
        raise ValidationError({"data": _("The file is larger than 50 MB.")})
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValidationError({"data": _("Send a .csv or .parquet file.")})
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            table = read_table(handle.name)
        except EvaluationError as error:
            raise ValidationError({"data": str(error)}) from None
    title = f"{treatment} → {outcome} ({upload.name})"
    return _keep(
        actor,
        title,
        Source.UPLOAD,
        table,
        treatment,
        outcome,
        covariates,
        by,
        pre_outcome or None,
        file_name=upload.name,
    )
