"""Client records and referrals for the tests and the persona matrix, on top of ``tests.personas``.

In Peel: Amira Haddad, registered by Peel Careers and referred to it by Peel Ontario Works (with her
consent for the office to see the status); the ``client`` persona's own record. In Toronto: Jean Tremblay,
referred by Toronto ODSP to Toronto Jobs without any consent. Idempotent.
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from careerlens.clients.choices import ConsentTopic, Program, ReferralSource, ReferralStatus
from careerlens.clients.models import (
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    ReferralTransition,
)


def _client(first, last, **values) -> Client:
    found = Client.objects.filter(first_name=first, last_name=last).first()
    return found or Client.objects.create(first_name=first, last_name=last, **values)


def _referral(client, provider, office, actor) -> Referral:
    found = Referral.objects.filter(client=client, provider=provider).first()
    if found:
        return found
    referral = Referral.objects.create(
        client=client,
        provider=provider,
        from_organisation=office,
        source=ReferralSource.CASEWORKER,
        referred_by=actor,
    )
    ReferralTransition.objects.create(referral=referral, to_status=ReferralStatus.SENT, actor=actor)
    return referral


def build_clients(world) -> SimpleNamespace:
    amira = _client(
        "Amira",
        "Haddad",
        date_of_birth=datetime.date(1990, 4, 12),
        postal_code="L6Y 1N2",
        catchment_id="peel",
        registered_by=world.provider,
    )
    if not amira.memberships.exists():
        ProgramMembership.objects.create(
            client=amira, program=Program.OW, start_date=datetime.date(2024, 1, 8)
        )
        AssistanceSpell.objects.create(client=amira, program=Program.OW, start_date=datetime.date(2024, 1, 8))
    referral = _referral(amira, world.provider, world.office, world.users["caseworker"])
    consent = Consent.objects.filter(
        client=amira, organisation=world.office
    ).first() or Consent.objects.create(
        client=amira, organisation=world.office, topic=ConsentTopic.REFERRAL_STATUS
    )
    own = _client(
        "Casey",
        "Client",
        date_of_birth=datetime.date(1985, 9, 1),
        postal_code="L5B 2C9",
        catchment_id="peel",
        registered_by=world.provider,
        user=world.users["client"],
    )
    jean = _client(
        "Jean",
        "Tremblay",
        date_of_birth=datetime.date(1978, 2, 3),
        postal_code="M5V 3L9",
        catchment_id="toronto",
        language="fr",
        registered_by=world.other_provider,
    )
    toronto_referral = _referral(jean, world.other_provider, world.other_office, None)
    return SimpleNamespace(
        amira=amira, referral=referral, consent=consent, own=own, jean=jean, toronto_referral=toronto_referral
    )
