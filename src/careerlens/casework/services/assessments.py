"""The common assessment: start it, save it module by module (part-way is fine: resume later), complete
it, or reuse another assessment that is still valid and that the actor may see."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.accounts.scoping import Action
from careerlens.casework.choices import AssessmentStatus, Occasion
from careerlens.casework.instrument import CURRENT_VERSION, scores
from careerlens.casework.models import Assessment
from careerlens.casework.services.common import acting_provider, changeable
from careerlens.clients.models import Client
from careerlens.reference.occupations import Occupation


def start(actor, client: Client, occasion: str = Occasion.INTAKE) -> Assessment:
    changeable(actor, client)
    if occasion not in Occasion.values:
        raise ValidationError({"occasion": _("Choose intake, review or exit.")})
    assessment = Assessment(
        client=client,
        provider=acting_provider(actor, client),
        occasion=occasion,
        assessed_by=actor,
        instrument_version=CURRENT_VERSION,
    )
    assessment.save()
    return assessment


def _editable(actor, assessment: Assessment) -> Assessment:
    changeable(actor, assessment.client)
    if not Assessment.objects.restrict(actor, Action.CHANGE).filter(pk=assessment.pk).exists():
        raise ValidationError(_("Only the provider that did this assessment may change it."))
    if assessment.is_completed:
        raise ValidationError(_("This assessment is completed; start a new one to record changes."))
    return assessment


def save_module(actor, assessment: Assessment, module_code: str, data: dict) -> dict[str, str]:
    """Check and store one module's answers. Returns the errors by question id (nothing is stored when
    there are any, so the person can correct them without losing what they typed)."""
    _editable(actor, assessment)
    module = assessment.instrument.module(module_code)
    cleaned, errors = {}, {}
    for question in module.questions:
        try:
            cleaned[question.id] = question.clean(data.get(question.id))
        except ValueError as error:
            errors[question.id] = str(error)
            continue
        code = cleaned[question.id]
        is_code = question.type == "noc" and code and code != "prefer_not"
        if is_code and not Occupation.objects.filter(code=code).exists():
            errors[question.id] = _("No NOC 2021 unit group has this code.")
    if not errors:
        assessment.answers = {**assessment.answers, **cleaned}
        assessment.save()
    return errors


@transaction.atomic
def complete(actor, assessment: Assessment) -> Assessment:
    _editable(actor, assessment)
    missing = assessment.instrument.missing(assessment.answers)
    if missing:
        names = ", ".join(q.text for q in missing[:5])
        raise ValidationError(
            _("Answer every required question first (%(count)s left: %(names)s).")
            % {"count": len(missing), "names": names}
        )
    now = timezone.now()
    assessment.status = AssessmentStatus.COMPLETED
    assessment.completed_at = now
    assessment.valid_until = timezone.localdate() + datetime.timedelta(
        days=assessment.instrument.validity_days
    )
    assessment.scores = scores(assessment.answers, assessment.instrument_version)
    assessment.save()
    return assessment


@transaction.atomic
def reuse(actor, client: Client, source: Assessment) -> Assessment:
    """A copy, for the actor's provider, of a completed assessment that is still valid and that the actor
    may see (the client's consent to share it, when another provider did it)."""
    changeable(actor, client)
    if (
        not Assessment.objects.restrict(actor, Action.VIEW)
        .valid()
        .filter(pk=source.pk, client=client)
        .exists()
    ):
        raise ValidationError(
            _("Only a completed assessment that is still valid and shared with you can be reused.")
        )
    copy = Assessment(
        client=client,
        provider=acting_provider(actor, client),
        occasion=source.occasion,
        instrument_version=source.instrument_version,
        status=AssessmentStatus.COMPLETED,
        answers=dict(source.answers),
        scores=dict(source.scores),
        completed_at=timezone.now(),
        valid_until=source.valid_until,
        assessed_by=actor,
        reused_from=source,
    )
    copy.save()
    return copy
