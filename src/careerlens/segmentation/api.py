"""API routes of segmentation: model versions and their cards, a client's proposed stream with its reasons
and a person's decision, and the generic trainer (any table with a binary outcome, evaluated on held-out
rows, nothing stored)."""

import datetime
import tempfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.analytics.segmentation import SegmentationDataError, train
from careerlens.analytics.segmentation.files import read_table
from careerlens.casework.choices import Stream
from careerlens.clients.models import Client
from careerlens.segmentation import selectors, services
from careerlens.segmentation.models import ModelVersion

router = Router(tags=["segmentation"])
MAX_UPLOAD = 50 * 1024 * 1024


class VersionOut(Schema):
    id: int
    kind: str
    number: int
    state: str
    evaluation: dict[str, Any]
    flags: list[dict[str, Any]]
    trained_at: datetime.datetime
    approved_at: datetime.datetime | None
    activated_at: datetime.datetime | None


class CardOut(Schema):
    id: int
    card: dict[str, Any]
    audit: dict[str, Any]


class ProposalOut(Schema):
    client: int
    version: int | None
    risk: float | None
    stream: str | None
    factors: list[dict[str, Any]]


class DecisionIn(Schema):
    final_stream: Stream
    reason: str = Field("", max_length=2000)


class DecisionOut(Schema):
    id: int
    proposed_stream: str
    final_stream: str
    reason: str
    is_override: bool
    decided_at: datetime.datetime


def _reader(request):
    if not selectors.may_read_cards(request.auth):
        raise Http404


@router.get("/segmentation/versions", response=list[VersionOut], summary="Segmentation model versions")
def versions(request):
    _reader(request)
    return list(ModelVersion.objects.restrict(request.auth))


@router.get("/segmentation/versions/{int:version_id}", response=CardOut, summary="A version's card and audit")
def version(request, version_id: int):
    _reader(request)
    return get_restricted_or_404(ModelVersion, request.auth, pk=version_id)


@router.get(
    "/segmentation/clients/{int:client_id}", response=ProposalOut, summary="A client's proposed stream"
)
def proposal(request, client_id: int):
    client = get_restricted_or_404(Client, request.auth, Action.CHANGE, pk=client_id)
    if request.auth.role not in ("practitioner", "provider_manager") and not request.auth.is_superuser:
        raise Http404
    found = services.proposal(client)
    if found is None:
        return {"client": client.pk, "version": None, "risk": None, "stream": None, "factors": []}
    return {
        "client": client.pk,
        "version": found["version"].pk,
        "risk": found["risk"],
        "stream": found["stream"],
        "factors": found["factors"],
    }


@router.post(
    "/segmentation/clients/{int:client_id}/decisions",
    response={201: DecisionOut},
    summary="Record a person's stream decision (an override needs a reason)",
)
def decide(request, client_id: int, payload: DecisionIn):
    client = get_restricted_or_404(Client, request.auth, Action.CHANGE, pk=client_id)
    if request.auth.role not in ("practitioner", "provider_manager") and not request.auth.is_superuser:
        raise Http404
    return Status(201, services.decide(request.auth, client, payload.final_stream, payload.reason))


@router.post(
    "/segmentation/evaluate", summary="Train and evaluate on any table (CSV or Parquet); nothing is kept"
)
def evaluate(request, data: File[UploadedFile], outcome: Form[str], features: Form[str] = ""):
    """Like ``careerlens segmentation train``: the evaluation on held-out rows (AUC, calibration error, the
    factors that weigh most). ``features``: comma-separated columns (default: every other column)."""
    if not services.may_train(request.auth):
        raise Http404
    if data.size > MAX_UPLOAD:
        raise ValidationError({"data": _("The file is larger than 50 MB.")})
    suffix = Path(data.name or "").suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValidationError({"data": _("Send a .csv or .parquet file.")})
    with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
        for chunk in data.chunks():
            handle.write(chunk)
        handle.flush()
        try:
            table = read_table(handle.name)
            chosen = [name.strip() for name in features.split(",") if name.strip()] or None
            result = train(table, outcome, chosen)
        except SegmentationDataError as error:
            raise ValidationError({"data": str(error)}) from None
    return {"outcome": outcome, "evaluation": result.evaluation, "features": result.model.feature_names}
