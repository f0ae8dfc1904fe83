"""Writes to client records, memberships, spells, consents and referrals. Every change is audited.

Services check scope themselves (``restrict`` with the change action) and raise ``ValidationError`` with a
message for the person when a value or a move is not allowed; outside a person's scope is ``Http404``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.accounts.models import Organisation
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.accounts.scoping import Action
from careerlens.clients.choices import NEEDS_REASON, TRANSITIONS, ConsentTopic, ReferralSource, ReferralStatus
from careerlens.clients.models import (
    PROVIDER_STAFF,
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    ReferralTransition,
    provider_of,
)

REGISTERING_ROLES = (*PROVIDER_STAFF, Role.CASEWORKER, Role.ADMINISTRATOR)
MERGING_ROLES = (Role.PROVIDER_MANAGER, Role.ADMINISTRATOR)


def _role(user) -> str:
    return Role.ADMINISTRATOR if user.is_superuser else user.role


def may_register(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in REGISTERING_ROLES


def may_refer(user) -> bool:
    """Staff who register clients, and clients themselves (for their own record)."""
    return may_register(user) or (user.is_authenticated and user.is_active and user.role == Role.CLIENT)


def may_merge(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in MERGING_ROLES


def _changeable(actor, client: Client) -> Client:
    if not Client.objects.restrict(actor, Action.CHANGE).filter(pk=client.pk).exists():
        raise Http404
    return client


def _registering_organisation(actor):
    if actor.role in PROVIDER_STAFF:
        return provider_of(actor)
    if actor.role == Role.CASEWORKER:
        return actor.organisation
    return None


@transaction.atomic
def register_client(actor, **values) -> Client:
    """A new client record, registered by the actor's provider or office (after the duplicate check)."""
    if not may_register(actor):
        raise Http404
    client = Client(registered_by=_registering_organisation(actor), **values)
    client.full_clean()
    client.save()
    return client


def update_client(actor, client: Client, **values) -> Client:
    _changeable(actor, client)
    for name, value in values.items():
        setattr(client, name, value)
    client.full_clean()
    client.save()
    return client


def add_membership(actor, client: Client, **values) -> ProgramMembership:
    _changeable(actor, client)
    membership = ProgramMembership(client=client, **values)
    membership.full_clean()
    membership.save()
    return membership


def add_spell(actor, client: Client, **values) -> AssistanceSpell:
    _changeable(actor, client)
    spell = AssistanceSpell(client=client, **values)
    spell.full_clean()
    spell.save()
    return spell


def grant_consent(actor, client: Client, organisation: Organisation, topic: str, until=None) -> Consent:
    """Record the client's consent to share ``topic`` with ``organisation`` (until a date, or no end)."""
    if not Consent.scope(actor, Action.CHANGE) or not (
        Client.objects.restrict(actor, Action.VIEW).filter(pk=client.pk).exists()
    ):
        raise Http404
    if actor.role == Role.CLIENT and client.user_id != actor.pk:
        raise Http404
    if until is not None and until < timezone.localdate():
        raise ValidationError({"until": _("The end date of a consent cannot be in the past.")})
    consent = Consent(client=client, organisation=organisation, topic=topic, until=until, recorded_by=actor)
    consent.full_clean()
    consent.save()
    return consent


def withdraw_consent(actor, consent: Consent) -> Consent:
    """Withdraw a consent: from now on no read that depends on it finds it (see ``Consent.in_force``)."""
    if not Consent.objects.restrict(actor, Action.CHANGE).filter(pk=consent.pk).exists():
        raise Http404
    if consent.withdrawn_at is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = actor
    consent.save()
    return consent


def _source_of(actor) -> tuple[str, Organisation | None]:
    if actor.role == Role.CASEWORKER:
        return ReferralSource.CASEWORKER, actor.organisation
    if actor.role == Role.CLIENT:
        return ReferralSource.CLIENT, None
    if actor.role in PROVIDER_STAFF:
        return ReferralSource.PROVIDER, provider_of(actor)
    return ReferralSource.PROVIDER, None


@transaction.atomic
def create_referral(
    actor, client: Client, provider: Organisation, note: str = "", share_status: bool = False
) -> Referral:
    """Refer a client to a provider. ``share_status``: the client consents to the referring office seeing
    the referral's status (a consent is recorded)."""
    if not may_refer(actor) or not Client.objects.restrict(actor, Action.VIEW).filter(pk=client.pk).exists():
        raise Http404
    if client.merged_into_id:
        raise ValidationError(_("This record was merged into another one: refer that one instead."))
    if provider.kind != OrganisationKind.PROVIDER or not provider.is_active:
        raise ValidationError({"provider": _("Choose an active employment service provider.")})
    source, origin = _source_of(actor)
    if origin is not None and origin.pk == provider.pk:
        raise ValidationError({"provider": _("A provider cannot refer a client to itself.")})
    referral = Referral.objects.create(
        client=client,
        provider=provider,
        source=source,
        from_organisation=origin,
        referred_by=actor,
        note=note,
    )
    ReferralTransition.objects.create(referral=referral, to_status=ReferralStatus.SENT, actor=actor)
    if share_status and origin is not None and actor.role == Role.CASEWORKER:
        Consent.objects.create(
            client=client, organisation=origin, topic=ConsentTopic.REFERRAL_STATUS, recorded_by=actor
        )
    return referral


def allowed_moves(referral: Referral) -> tuple[str, ...]:
    return TRANSITIONS.get(referral.status, ())


@transaction.atomic
def move_referral(actor, referral: Referral, to_status: str, reason: str = "") -> Referral:
    """Move a referral to ``to_status`` if the state machine allows it, and log the move."""
    referral = (
        Referral.objects.restrict(actor, Action.CHANGE).select_for_update().filter(pk=referral.pk).first()
    )
    if referral is None:
        raise Http404
    current = referral.status
    if to_status not in ReferralStatus.values:
        raise ValidationError(
            {"to_status": _("“%(status)s” is not a referral status.") % {"status": to_status}}
        )
    if to_status not in allowed_moves(referral):
        allowed = ", ".join(f"“{ReferralStatus(s).label}”" for s in allowed_moves(referral)) or _("none")
        message = _("A referral that is “%(current)s” cannot become “%(target)s”. Allowed: %(allowed)s.")
        raise ValidationError(
            {
                "to_status": message
                % {
                    "current": ReferralStatus(current).label,
                    "target": ReferralStatus(to_status).label,
                    "allowed": allowed,
                }
            }
        )
    reason = (reason or "").strip()
    if (current, to_status) in NEEDS_REASON and not reason:
        raise ValidationError({"reason": _("Give a reason for this change.")})
    referral.status = to_status
    referral.status_changed_at = timezone.now()
    referral.save()
    ReferralTransition.objects.create(
        referral=referral, from_status=current, to_status=to_status, actor=actor, reason=reason
    )
    return referral


@transaction.atomic
def merge_clients(actor, duplicate: Client, keep: Client) -> Client:
    """Move everything of ``duplicate`` to ``keep`` and mark ``duplicate`` as merged into it."""
    if not may_merge(actor):
        raise Http404
    changeable = Client.objects.restrict(actor, Action.CHANGE)
    if changeable.filter(pk__in=[duplicate.pk, keep.pk]).count() != len({duplicate.pk, keep.pk}):
        raise Http404
    if duplicate.pk == keep.pk:
        raise ValidationError({"keep": _("A record cannot be merged into itself.")})
    if duplicate.merged_into_id or keep.merged_into_id:
        raise ValidationError({"keep": _("One of these records was already merged.")})
    for related in (duplicate.memberships, duplicate.spells, duplicate.consents, duplicate.referrals):
        for item in related.all():  # one save each, so that every move is audited
            item.client = keep
            item.save()
    if duplicate.user_id and not keep.user_id:
        keep.user, duplicate.user = duplicate.user, None
        duplicate.save()
        keep.save()
    duplicate.merged_into = keep
    duplicate.save()
    return keep
