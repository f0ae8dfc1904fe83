"""Who may import and what (docs/import.md, "Who may import"): provider managers, for their provider and in
its catchment, and administrators, anywhere. ``ImportContext`` carries the importer's scope through one
import."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action
from careerlens.casework.imports.report import Report
from careerlens.clients.models import Client, is_admin, provider_of

IMPORTING_ROLES = (Role.PROVIDER_MANAGER, Role.ADMINISTRATOR)


def may_import(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if is_admin(user):
        return True
    return user.role == Role.PROVIDER_MANAGER and provider_of(user) is not None


@dataclass
class ImportContext:
    actor: object
    system: str
    report: Report
    today: object = field(default_factory=timezone.localdate)

    @property
    def clients(self):
        """The client records the importer may change (merged records left out)."""
        return Client.objects.restrict(self.actor, Action.CHANGE).filter(merged_into__isnull=True)

    def may_register_in(self, catchment: str) -> bool:
        """A provider manager registers clients in the provider's catchment only; administrators anywhere."""
        if is_admin(self.actor):
            return True
        return provider_of(self.actor).catchment_id == catchment

    def kept(self, client: Client) -> Client:
        """The record to work on: the one a merged record was merged into."""
        while client.merged_into_id:
            client = client.merged_into
        return client
