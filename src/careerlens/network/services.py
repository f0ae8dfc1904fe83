"""Writes to practitioner profiles (audited)."""

from __future__ import annotations

from django.http import Http404

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action
from careerlens.clients.models import provider_of
from careerlens.network.models import PractitionerProfile


def may_edit(actor, practitioner) -> bool:
    if not (actor.is_authenticated and actor.is_active) or practitioner.role != Role.PRACTITIONER:
        return False
    if actor.role == Role.ADMINISTRATOR or actor.is_superuser or actor.pk == practitioner.pk:
        return True
    return actor.role == Role.PROVIDER_MANAGER and provider_of(actor) == provider_of(practitioner)


def save_profile(actor, practitioner, **values) -> PractitionerProfile:
    if not may_edit(actor, practitioner):
        raise Http404
    profile = PractitionerProfile.objects.filter(user=practitioner).first() or PractitionerProfile(
        user=practitioner
    )
    if (
        profile.pk
        and not PractitionerProfile.objects.restrict(actor, Action.CHANGE).filter(pk=profile.pk).exists()
    ):
        raise Http404
    for name, value in values.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    return profile
