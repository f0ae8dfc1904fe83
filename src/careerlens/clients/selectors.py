"""Reads of client records and referrals, always within the reader's scope."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from rapidfuzz import fuzz
from unidecode import unidecode

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.audit.services import log_read
from careerlens.clients.choices import WAITING
from careerlens.clients.models import Client, Consent, Referral, ReferralTransition, normalise_postal_code

# A candidate is a likely duplicate when its score reaches this (out of 100).
DUPLICATE_THRESHOLD = 70


def may_list_clients(user) -> bool:
    """Staff who work with client records (not clients themselves, SSM managers or analysts)."""
    return user.role != Role.CLIENT and Client.scope(user, Action.VIEW) is not False


def visible_clients(user, q: str = ""):
    clients = Client.objects.restrict(user, Action.VIEW).filter(merged_into__isnull=True)
    for word in q.split():
        clients = clients.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(postal_code__icontains=word)
        )
    return clients.select_related("catchment").order_by("last_name", "first_name", "pk")


def client_for(user, pk: int, reason: str = "") -> Client:
    """One client record within the user's scope (else 404); the read is logged in the audit trail."""
    client = get_restricted_or_404(
        Client.objects.select_related("catchment", "registered_by", "merged_into", "user"),
        user,
        Action.VIEW,
        pk=pk,
    )
    log_read(user, client, reason)
    return client


def client_history(user, client: Client) -> dict:
    """What the user may see of a client's memberships, spells, consents and referrals."""
    transitions = ReferralTransition.objects.select_related("actor")
    return {
        "memberships": client.memberships.restrict(user, Action.VIEW),
        "spells": client.spells.restrict(user, Action.VIEW),
        "consents": client.consents.restrict(user, Action.VIEW).select_related("organisation"),
        "referrals": client.referrals.restrict(user, Action.VIEW)
        .select_related("provider", "from_organisation")
        .prefetch_related(Prefetch("transitions", queryset=transitions)),
    }


def has_consent(client, organisation, topic: str, on: datetime.date | None = None) -> bool:
    """Whether the client's consent to share ``topic`` with ``organisation`` is in force: the one check."""
    return Consent.objects.in_force(on).filter(client=client, organisation=organisation, topic=topic).exists()


@dataclass(frozen=True)
class Candidate:
    client: Client
    score: int
    same_birth_date: bool
    same_postal_code: bool


def _name_key(first: str, last: str) -> str:
    return unidecode(f"{first} {last}").lower().strip()


def find_duplicates(user, first_name: str, last_name: str, date_of_birth, postal_code: str, limit: int = 5):
    """Likely existing records of this person within the user's scope, best first.

    A candidate shares the date of birth or the postal code; its score weighs a fuzzy, accent-blind
    comparison of the names (60), the same date of birth (25) and the same postal code (15).
    """
    postal_code = normalise_postal_code(postal_code)
    pool = Client.objects.restrict(user, Action.VIEW).filter(merged_into__isnull=True)
    pool = pool.filter(Q(date_of_birth=date_of_birth) | Q(postal_code=postal_code))
    wanted = _name_key(first_name, last_name)
    found = []
    for client in pool.select_related("catchment")[:500]:
        name = fuzz.token_sort_ratio(wanted, _name_key(client.first_name, client.last_name))
        same_birth = client.date_of_birth == date_of_birth
        same_postal = client.postal_code == postal_code
        score = round(0.6 * name + 25 * same_birth + 15 * same_postal)
        if score >= DUPLICATE_THRESHOLD:
            found.append(Candidate(client, score, same_birth, same_postal))
    found.sort(key=lambda candidate: (-candidate.score, candidate.client.pk))
    return found[:limit]


def visible_referrals(user, status: str = ""):
    referrals = Referral.objects.restrict(user, Action.VIEW).select_related(
        "client", "provider", "from_organisation"
    )
    if status:
        referrals = referrals.filter(status=status)
    return referrals.order_by("created_at", "pk")


def referral_for(user, pk: int) -> Referral:
    return get_restricted_or_404(
        Referral.objects.select_related(
            "client", "provider", "from_organisation", "referred_by"
        ).prefetch_related(
            Prefetch("transitions", queryset=ReferralTransition.objects.select_related("actor"))
        ),
        user,
        Action.VIEW,
        pk=pk,
    )


def overdue_referrals(user, days: int | None = None, now: datetime.datetime | None = None):
    """Referrals still waiting (sent or accepted) longer than ``REFERRAL_WAIT_DAYS`` since their last move."""
    days = settings.REFERRAL_WAIT_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    return visible_referrals(user).filter(status__in=WAITING, status_changed_at__lt=cutoff)


def may_see_referrals(user) -> bool:
    return Referral.scope(user, Action.VIEW) is not False
