"""Segmentation in the app: train a version on the analytics snapshot (evaluated, audited and carded at
once), approve it (a person with that role, not the one who trained it), activate it (the active one
retires); propose a client's stream with the active version and record a person's decision, overrides
with their reason. Every step is audited."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.accounts.roles import Role
from careerlens.analytics.segmentation import AuditSettings, Model, StreamSettings
from careerlens.analytics.segmentation.audit import audit_held_out
from careerlens.analytics.segmentation.card import model_card
from careerlens.analytics.segmentation.explain import explain
from careerlens.analytics.segmentation.province import train_model
from careerlens.analytics.segmentation.streams import stream as stream_of
from careerlens.casework.services.common import changeable
from careerlens.clients.models import Client, is_admin
from careerlens.segmentation import features, snapshot
from careerlens.segmentation.choices import ModelKind, VersionState
from careerlens.segmentation.models import ModelVersion, StreamDecision

TRAINERS = (Role.ANALYST, Role.ADMINISTRATOR)
APPROVERS = (Role.SSM_MANAGER, Role.ADMINISTRATOR)
MIN_REASON = 10


def _role(user) -> str:
    return Role.ADMINISTRATOR if is_admin(user) else user.role


def may_train(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in TRAINERS


def may_approve(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in APPROVERS


def stream_settings() -> StreamSettings:
    return StreamSettings(b_from=settings.STREAM_B_FROM, c_from=settings.STREAM_C_FROM)


def audit_settings() -> AuditSettings:
    return AuditSettings(
        min_cell=settings.SMALL_CELL_THRESHOLD,
        parity_low=settings.FAIRNESS_PARITY_LOW,
        parity_high=settings.FAIRNESS_PARITY_HIGH,
        max_group_ece=settings.FAIRNESS_MAX_GROUP_ECE,
    )


@transaction.atomic
def train_version(actor, kind: str = ModelKind.LONG_TERM) -> ModelVersion:
    if not may_train(actor):
        raise Http404
    if kind not in ModelKind.values:
        raise ValidationError({"kind": _("Choose a model.")})
    tables = snapshot.tables()
    allowed = tuple(settings.SEGMENTATION_ALLOW_PROTECTED)
    table, training = train_model(tables, kind, allow_protected=allowed)
    number = (ModelVersion.objects.filter(kind=kind).aggregate(n=Max("number"))["n"] or 0) + 1
    audit = audit_held_out(table, training, stream_settings(), audit_settings())
    card = model_card(training.model, audit, version=f"{kind} v{number}")
    return ModelVersion.objects.create(
        kind=kind,
        number=number,
        model=training.model.as_dict(),
        evaluation=training.evaluation,
        audit=audit,
        card=card,
        data_source=f"{snapshot.directory()} ({table.num_rows:,} rows)",
        trained_by=actor,
    )


def approve(actor, version: ModelVersion) -> ModelVersion:
    if not may_approve(actor):
        raise Http404
    if version.state != VersionState.TRAINED:
        raise ValidationError(_("Only a trained version waiting for approval can be approved."))
    if version.trained_by_id == actor.pk:
        raise ValidationError(_("A version is approved by someone other than the person who trained it."))
    version.state, version.approved_by, version.approved_at = VersionState.APPROVED, actor, timezone.now()
    version.save()
    return version


@transaction.atomic
def activate(actor, version: ModelVersion) -> ModelVersion:
    if not may_approve(actor):
        raise Http404
    if version.state != VersionState.APPROVED:
        raise ValidationError(_("Only an approved version can be activated."))
    now = timezone.now()
    for previous in ModelVersion.objects.filter(kind=version.kind, state=VersionState.ACTIVE):
        previous.state, previous.retired_at = VersionState.RETIRED, now
        previous.save()
    version.state, version.activated_by, version.activated_at = VersionState.ACTIVE, actor, now
    version.save()
    return version


def active_version(kind: str = ModelKind.LONG_TERM) -> ModelVersion | None:
    return ModelVersion.objects.filter(kind=kind, state=VersionState.ACTIVE).first()


def proposal(client: Client) -> dict | None:
    """The active long-term-unemployment version's risk, stream and reasons for the client (None without
    an active version)."""
    version = active_version()
    if version is None:
        return None
    model = Model.from_dict(version.model)
    answers = features.answers_for(client)
    risk = model.probability(answers)
    return {
        "version": version,
        "risk": risk,
        "stream": stream_of(risk, stream_settings()),
        "factors": explain(model, answers, top=5),
    }


@transaction.atomic
def decide(actor, client: Client, final_stream: str, reason: str = "") -> StreamDecision:
    """A person's stream decision: the proposal stands, or is overridden with a reason. The client's open
    episode takes the stream."""
    changeable(actor, client)
    if final_stream not in ("A", "B", "C"):
        raise ValidationError({"final_stream": _("Choose stream A, B or C.")})
    proposed = proposal(client)
    proposed_stream = proposed["stream"] if proposed else ""
    if proposed_stream and final_stream != proposed_stream and len(reason.strip()) < MIN_REASON:
        raise ValidationError(
            {
                "reason": _("Changing the proposed stream needs a reason of at least %(n)s characters.")
                % {"n": MIN_REASON}
            }
        )
    episode = client.episodes.filter(closed_on__isnull=True).order_by("-opened_on").first()
    decision = StreamDecision.objects.create(
        client=client,
        episode=episode,
        model_version=proposed["version"] if proposed else None,
        risk=proposed["risk"] if proposed else None,
        proposed_stream=proposed_stream,
        final_stream=final_stream,
        reason=reason.strip(),
        factors=proposed["factors"] if proposed else [],
        decided_by=actor,
    )
    if episode is not None:
        episode.stream = final_stream
        episode.save()
    return decision
