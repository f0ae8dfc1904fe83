"""The roles of careerlens (docs/roles.md) and the organisation kinds each belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CLIENT = "client", _("Client")
    PRACTITIONER = "practitioner", _("Career development practitioner")
    PROVIDER_MANAGER = "provider_manager", _("Provider manager")
    SSM_MANAGER = "ssm_manager", _("Service system manager")
    CASEWORKER = "caseworker", _("Social assistance caseworker")
    ANALYST = "analyst", _("Ministry analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    SSM = "ssm", _("Service system manager")
    PROVIDER = "provider", _("Employment service provider")
    SITE = "site", _("Provider site")
    OW_OFFICE = "ow_office", _("Ontario Works office")
    ODSP_OFFICE = "odsp_office", _("ODSP office")


# Which organisation kinds a staff role may belong to. A client belongs to none.
ROLE_ORGANISATION_KINDS: dict[str, set[str]] = {
    Role.CLIENT: set(),
    Role.PRACTITIONER: {OrganisationKind.SITE, OrganisationKind.PROVIDER},
    Role.PROVIDER_MANAGER: {OrganisationKind.PROVIDER},
    Role.SSM_MANAGER: {OrganisationKind.SSM},
    Role.CASEWORKER: {OrganisationKind.OW_OFFICE, OrganisationKind.ODSP_OFFICE},
    Role.ANALYST: {OrganisationKind.MINISTRY},
    Role.ADMINISTRATOR: {OrganisationKind.MINISTRY},
}

# The parent kind each organisation kind must have (None: no parent).
PARENT_KIND: dict[str, str | None] = {
    OrganisationKind.MINISTRY: None,
    OrganisationKind.SSM: OrganisationKind.MINISTRY,
    OrganisationKind.PROVIDER: OrganisationKind.SSM,
    OrganisationKind.SITE: OrganisationKind.PROVIDER,
    OrganisationKind.OW_OFFICE: OrganisationKind.MINISTRY,
    OrganisationKind.ODSP_OFFICE: OrganisationKind.MINISTRY,
}
