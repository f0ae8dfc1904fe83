"""Writes of the check-up, each one a step the person chooses: save with an account (a client account and
its client record, registered by nobody), share with a provider (a consent, then a self-referral),
early-warning check-ins (a reminder by email, and the SSM's outreach list) and stopping them, and deleting
everything saved (and, if they wish, the account)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from careerlens.accounts.models import Organisation
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.clients.choices import ConsentTopic, ReferralSource
from careerlens.clients.models import Client, Referral
from careerlens.clients.services import create_referral, grant_consent
from careerlens.portal import reminders
from careerlens.portal.models import CheckUp
from careerlens.segmentation.models import EarlyWarningEnrolment

# The consent a self-referral from the check-up records: the check-up is the person's own assessment.
SHARE_TOPIC = ConsentTopic.ASSESSMENT


def is_client(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.role == Role.CLIENT)


def client_of(user) -> Client | None:
    """The client record of a client account (``None`` for anyone else, or a client account without one)."""
    if not is_client(user):
        return None
    return Client.objects.filter(user=user, merged_into__isnull=True).first()


@transaction.atomic
def save_with_account(answers: dict, language: str, values: dict):
    """A new client account and client record for the person, and their check-up: (user, check-up)."""
    user = get_user_model().objects.create_user(
        username=values["username"],
        password=values["password"],
        first_name=values["first_name"],
        last_name=values["last_name"],
        email=values.get("email", ""),
        role=Role.CLIENT,
        home_catchment_id=answers["place"]["catchment"],
        preferred_language=language,
    )
    return user, save_with_record(user, answers, language, values)


@transaction.atomic
def save_with_record(user, answers: dict, language: str, values: dict) -> CheckUp:
    """The client record of a client account (registered by nobody: the person), and their check-up."""
    catchment = answers["place"]["catchment"]
    client = Client(
        first_name=values["first_name"],
        last_name=values["last_name"],
        date_of_birth=values["date_of_birth"],
        postal_code=values["postal_code"],
        catchment_id=catchment,
        email=values.get("email", ""),
        language=language,
        user=user,
        registered_by=None,
    )
    client.full_clean()
    client.save()
    return CheckUp.objects.create(client=client, answers=answers, language=language)


def save_for_client(client: Client, answers: dict, language: str) -> CheckUp:
    """A signed-in client keeps another check-up with their record."""
    return CheckUp.objects.create(client=client, answers=answers, language=language)


def latest(client: Client) -> CheckUp | None:
    return CheckUp.objects.filter(client=client).first()


def check_ins_now(client: Client) -> dict:
    """What the person signed up for: the check-up holding the next reminder (or ``None``), where it goes,
    and whether they agreed to the SSM's outreach."""
    pending = CheckUp.objects.filter(client=client, remind_on__isnull=False).select_related("client__user")
    reminder = pending.first()
    current = EarlyWarningEnrolment.objects.filter(client=client, withdrawn_at__isnull=True).first()
    return {
        "reminder": reminder,
        "address": reminders.address(reminder) if reminder else "",
        "interval": reminders.REMIND_EVERY.get(reminder.remind_every_days, "") if reminder else "",
        "enrolled": current is not None,
        "outreach": bool(current and current.consent_to_contact),
    }


@transaction.atomic
def share(user, client: Client, provider_code: str, note: str) -> Referral:
    """The person's consent to share their check-up with the provider, then a self-referral to it."""
    provider = Organisation.objects.filter(
        code=provider_code, kind=OrganisationKind.PROVIDER, is_active=True, catchment_id=client.catchment_id
    ).first()
    if provider is None:
        raise Http404
    grant_consent(user, client, provider, SHARE_TOPIC)
    referral = create_referral(user, client, provider, note=note)
    referral.source = ReferralSource.CHECKUP
    referral.save(update_fields=["source"])
    return referral


@transaction.atomic
def check_ins(
    user, client: Client, checkup: CheckUp, *, every_days: int | None, outreach: bool, email: str, site: str
) -> EarlyWarningEnrolment:
    """Opt in to early-warning check-ins: a reminder by email to re-take the check-up every ``every_days``
    (``None``: no reminder), and (if the person agrees) a place on the SSM's outreach list when their risk
    rises. A new choice replaces the earlier one, and its pending reminder."""
    reminders.cancel(CheckUp.objects.filter(client=client))
    if email and email != client.email:
        client.email = email
        client.save(update_fields=["email"])
    if every_days:
        reminders.schedule(checkup, every_days, site)
    work = checkup.answers["occupation"]
    _withdraw(client)
    return EarlyWarningEnrolment.objects.create(
        client=client,
        occupation_id=work["noc"],
        tenure_years=Decimal(str(work["years"])).quantize(Decimal("0.1")),
        years_since_training=Decimal(str(work["training"])).quantize(Decimal("0.1")),
        consent_to_contact=outreach,
        recorded_by=user,
    )


def _withdraw(client: Client) -> None:
    current = EarlyWarningEnrolment.objects.filter(client=client, withdrawn_at__isnull=True)
    current.update(withdrawn_at=timezone.now())


@transaction.atomic
def stop_check_ins(client: Client) -> None:
    """Stop the check-ins: no more reminders (the pending one is cancelled) and off the outreach list."""
    reminders.cancel(CheckUp.objects.filter(client=client))
    _withdraw(client)


@transaction.atomic
def delete_everything(user, client: Client, close_account: bool) -> None:
    """Delete the person's check-ups and early-warning enrolments; with ``close_account``, the account too
    (and the client record, unless a provider already holds a referral of it). Pending reminders are
    cancelled."""
    reminders.cancel(CheckUp.objects.filter(client=client))
    CheckUp.objects.filter(client=client).delete()
    EarlyWarningEnrolment.objects.filter(client=client).delete()
    if not close_account:
        return
    if client.referrals.exists():
        client.user = None
        client.save(update_fields=["user"])
    else:
        client.delete()
    user.delete()
