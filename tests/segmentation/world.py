"""Segmentation records for the tests and the persona matrix, on top of ``tests/casework/world.py``.

Two versions of the long-term-unemployment model, trained once per test process on a small simulated
province: v1 active (trained by the analyst, approved and activated by the SSM manager), v2 trained and
waiting for approval. Amira has a stream decision and an early-warning enrolment with consent to contact.
Idempotent.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from types import SimpleNamespace

from django.utils import timezone

from careerlens.analytics.segmentation.audit import audit_held_out
from careerlens.analytics.segmentation.card import model_card
from careerlens.analytics.segmentation.province import LONG_TERM, train_model
from careerlens.analytics.synth import simulate, writer
from careerlens.segmentation.choices import VersionState
from careerlens.segmentation.models import EarlyWarningEnrolment, ModelVersion, StreamDecision
from careerlens.segmentation.services import audit_settings, stream_settings
from tests.casework.world import build_casework

CLIENTS = 4000


@cache
def trained() -> dict:
    """One training of the province model, as the fields of a ModelVersion."""
    tables = writer.tables(simulate(CLIENTS, 5))
    table, training = train_model(tables, LONG_TERM)
    audit = audit_held_out(table, training, stream_settings(), audit_settings())
    return {
        "model": training.model.as_dict(),
        "evaluation": training.evaluation,
        "audit": audit,
        "card": model_card(training.model, audit, version="test"),
        "data_source": f"simulated province of {CLIENTS} clients",
    }


def build_segmentation(world) -> SimpleNamespace:
    case = build_casework(world)
    analyst, manager = world.users["analyst"], world.users["ssm_manager"]
    active = ModelVersion.objects.filter(kind=LONG_TERM, number=1).first() or ModelVersion.objects.create(
        kind=LONG_TERM,
        number=1,
        state=VersionState.ACTIVE,
        trained_by=analyst,
        approved_by=manager,
        approved_at=timezone.now(),
        activated_by=manager,
        activated_at=timezone.now(),
        **trained(),
    )
    waiting = ModelVersion.objects.filter(kind=LONG_TERM, number=2).first() or ModelVersion.objects.create(
        kind=LONG_TERM, number=2, trained_by=analyst, **trained()
    )
    amira = case.people.amira
    decision = StreamDecision.objects.filter(client=amira).first() or StreamDecision.objects.create(
        client=amira,
        episode=case.amira.episode,
        model_version=active,
        risk=0.7,
        proposed_stream="C",
        final_stream="B",
        reason="Strong network in welding; ready now.",
        decided_by=world.users["practitioner"],
    )
    enrolment = EarlyWarningEnrolment.objects.filter(
        client=amira
    ).first() or EarlyWarningEnrolment.objects.create(
        client=amira,
        occupation_id="72106",
        tenure_years=Decimal("0.5"),
        years_since_training=Decimal("8"),
        consent_to_contact=True,
        recorded_by=world.users["practitioner"],
    )
    return SimpleNamespace(case=case, active=active, waiting=waiting, decision=decision, enrolment=enrolment)
