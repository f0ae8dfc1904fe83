"""What every casework service needs: the client the actor may change, and the actor's provider."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action
from careerlens.clients.models import PROVIDER_STAFF, Client, provider_of


def changeable(actor, client: Client) -> Client:
    if actor.role not in (*PROVIDER_STAFF, Role.ADMINISTRATOR) and not actor.is_superuser:
        raise Http404
    if not Client.objects.restrict(actor, Action.CHANGE).filter(pk=client.pk).exists():
        raise Http404
    if client.merged_into_id:
        raise ValidationError(_("This record was merged into another; work on the kept record."))
    return client


def acting_provider(actor, client: Client):
    """The provider on whose behalf the actor works: theirs, or for an administrator the provider of the
    client's open episode."""
    provider = provider_of(actor) if actor.role in PROVIDER_STAFF else None
    if provider is None:
        episode = client.episodes.filter(closed_on__isnull=True).select_related("provider").first()
        provider = episode.provider if episode else None
    if provider is None:
        raise ValidationError(_("Open a service episode with a provider first."))
    return provider


def require_object(queryset, actor, pk):
    """An object the actor may change, or 404."""
    found = queryset.restrict(actor, Action.CHANGE).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
