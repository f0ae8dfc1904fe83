"""Assigning a client to a practitioner, and transfers: between practitioners of a provider, or to another
provider (through a referral). An assignment checks the practitioner's language of service and the CDP
competency areas the client's plan needs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.accounts.roles import Role
from careerlens.casework.services.common import acting_provider, changeable
from careerlens.casework.services.plans import needed_competencies
from careerlens.clients import services as client_services
from careerlens.clients.models import Client, provider_of
from careerlens.network.framework import area_name
from careerlens.network.models import Assignment, PractitionerProfile


def _end_current(client: Client, reason: str) -> None:
    current = client.assignments.filter(ended_at__isnull=True).first()
    if current is not None:
        current.ended_at = timezone.now()
        current.reason = reason or current.reason
        current.save()


def check_fit(client: Client, practitioner) -> list[str]:
    """Why the practitioner cannot take the client (empty when they can)."""
    problems = []
    profile = PractitionerProfile.objects.filter(user=practitioner).first()
    if profile is None:
        return [_("%(name)s has no practitioner profile yet.") % {"name": practitioner.get_full_name()}]
    if client.language not in profile.languages:
        problems.append(_("%(name)s does not serve in the client's language.") % {"name": profile})
    lacking = profile.lacks(needed_competencies(client))
    if lacking:
        problems.append(
            _("%(name)s lacks competency areas the plan needs: %(areas)s.")
            % {"name": profile, "areas": ", ".join(area_name(code) for code in lacking)}
        )
    return problems


@transaction.atomic
def assign(actor, client: Client, practitioner, reason: str = "") -> Assignment:
    changeable(actor, client)
    provider = acting_provider(actor, client)
    if practitioner.role != Role.PRACTITIONER or not practitioner.is_active:
        raise ValidationError({"practitioner": _("Choose an active practitioner.")})
    if provider_of(practitioner) != provider:
        raise ValidationError({"practitioner": _("Choose a practitioner of your provider.")})
    current = client.assignments.filter(ended_at__isnull=True).first()
    if current is not None and current.practitioner_id == practitioner.pk:
        raise ValidationError({"practitioner": _("The client is already assigned to this practitioner.")})
    problems = check_fit(client, practitioner)
    if problems:
        raise ValidationError({"practitioner": problems})
    if current is not None and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the transfer.")})
    _end_current(client, reason)
    return Assignment.objects.create(
        client=client, practitioner=practitioner, provider=provider, reason=reason, assigned_by=actor
    )


@transaction.atomic
def transfer_to_provider(actor, client: Client, provider, reason: str):
    """End the client's assignment here and refer them to another provider, with the reason."""
    changeable(actor, client)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the transfer.")})
    _end_current(client, reason)
    return client_services.create_referral(actor, client, provider, note=reason)
