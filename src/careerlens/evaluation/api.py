"""API routes of evaluation: run one on the analytics snapshot or on an uploaded table, list them, read one
(the same JSON as ``careerlens evaluate --format json``, with the diagnostics)."""

import datetime
from typing import Any, Literal

from django.http import Http404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from careerlens.accounts.scoping import get_restricted_or_404
from careerlens.analytics.evaluation.province import GROUPINGS, INTERVENTIONS, OUTCOMES
from careerlens.evaluation import services
from careerlens.evaluation.models import EvaluationRun

router = Router(tags=["evaluation"])


class RunOut(Schema):
    id: int
    title: str
    source: str
    treatment: str
    outcome: str
    covariates: list[str]
    by: str
    created_at: datetime.datetime
    result: dict[str, Any]


class SnapshotIn(Schema):
    treatment: Literal[INTERVENTIONS]
    outcome: Literal[OUTCOMES] = "job_12m"
    by: Literal[("", *GROUPINGS)] = ""


def _runner(request):
    if not services.may_run(request.auth):
        raise Http404


@router.get("/evaluations", response=list[RunOut], summary="Evaluations")
def evaluations(request):
    _runner(request)
    return list(EvaluationRun.objects.restrict(request.auth))


@router.get("/evaluations/{int:run_id}", response=RunOut, summary="One evaluation and its diagnostics")
def evaluation(request, run_id: int):
    return get_restricted_or_404(EvaluationRun, request.auth, pk=run_id)


@router.post("/evaluations", response={201: RunOut}, summary="Evaluate a service on the analytics snapshot")
def run_snapshot(request, payload: SnapshotIn):
    _runner(request)
    return Status(201, services.run_on_snapshot(request.auth, payload.treatment, payload.outcome, payload.by))


@router.post(
    "/evaluations/upload", response={201: RunOut}, summary="Evaluate on an uploaded table (CSV/Parquet)"
)
def run_upload(
    request,
    data: File[UploadedFile],
    treatment: Form[str],
    outcome: Form[str],
    covariates: Form[str],
    by: Form[str] = "",
    pre_outcome: Form[str] = "",
):
    """``covariates``: comma-separated column names."""
    _runner(request)
    names = [name.strip() for name in covariates.split(",") if name.strip()]
    run = services.run_on_upload(
        request.auth,
        data,
        treatment=treatment,
        outcome=outcome,
        covariates=names,
        by=by,
        pre_outcome=pre_outcome,
    )
    return Status(201, run)
