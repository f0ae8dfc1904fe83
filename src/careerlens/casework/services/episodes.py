"""Opening and closing a service episode, and setting the client's stream."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from careerlens.casework.models import Episode
from careerlens.casework.services.common import acting_provider, changeable
from careerlens.clients.choices import ReferralStatus
from careerlens.clients.models import Client, Referral


@transaction.atomic
def open_episode(actor, client: Client, *, opened_on: datetime.date, stream: str = "") -> Episode:
    changeable(actor, client)
    provider = acting_provider(actor, client)
    if Episode.objects.filter(client=client, provider=provider, closed_on__isnull=True).exists():
        raise ValidationError(_("This client already has an open service episode with this provider."))
    referral = (
        Referral.objects.filter(client=client, provider=provider)
        .exclude(status__in=(ReferralStatus.DECLINED, ReferralStatus.CLOSED))
        .order_by("-created_at")
        .first()
    )
    episode = Episode(
        client=client,
        provider=provider,
        referral=referral,
        opened_on=opened_on,
        stream=stream,
        opened_by=actor,
    )
    episode.full_clean()
    try:
        with transaction.atomic():
            episode.save()
    except IntegrityError:
        raise ValidationError(
            _("This client already has an open service episode with this provider.")
        ) from None
    return episode


def set_stream(actor, episode: Episode, stream: str) -> Episode:
    changeable(actor, episode.client)
    episode.stream = stream
    episode.full_clean()
    episode.save()
    return episode


def close_episode(actor, episode: Episode, *, closed_on: datetime.date, exit_reason: str) -> Episode:
    changeable(actor, episode.client)
    if not episode.is_open:
        raise ValidationError(_("This service episode is already closed."))
    episode.closed_on = closed_on
    episode.exit_reason = exit_reason
    episode.full_clean()
    episode.save()
    return episode
