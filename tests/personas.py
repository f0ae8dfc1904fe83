"""The people of the test suite, in one place.

A small world in two catchments: Peel (where every persona works or lives) and Toronto (outside their
scope). Each persona is one account with one role; ``stranger`` is an active account with no role and no
organisation; ``anonymous`` is nobody signed in.
"""

from __future__ import annotations

from types import SimpleNamespace

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role

PERSONAS = (
    "anonymous",
    "stranger",
    "client",
    "practitioner",
    "provider_manager",
    "ssm_manager",
    "caseworker",
    "analyst",
    "administrator",
)
PASSWORD = "correct horse battery staple"


def _org(code, kind, name, parent=None, catchment=None, **extra) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        code=code,
        defaults={
            "kind": kind,
            "name_en": name,
            "name_fr": f"{name} (FR)",
            "parent": parent,
            "catchment_id": catchment,
            **extra,
        },
    )
    return organisation


def build_world() -> SimpleNamespace:
    """Organisations and persona accounts (catchments must be loaded). Idempotent."""
    ministry = _org("test-ministry", OrganisationKind.MINISTRY, "Test Ministry")
    ssm = _org("test-ssm-peel", OrganisationKind.SSM, "Peel SSM", ministry, "peel")
    provider = _org(
        "test-provider-peel", OrganisationKind.PROVIDER, "Peel Careers", ssm, "peel", city="Brampton"
    )
    site = _org("test-site-brampton", OrganisationKind.SITE, "Peel Careers Brampton", provider, "peel")
    other_site = _org(
        "test-site-mississauga", OrganisationKind.SITE, "Peel Careers Mississauga", provider, "peel"
    )
    office = _org("test-ow-peel", OrganisationKind.OW_OFFICE, "Peel Ontario Works", ministry, "peel")
    other_ssm = _org("test-ssm-toronto", OrganisationKind.SSM, "Toronto SSM", ministry, "toronto")
    other_provider = _org(
        "test-provider-toronto", OrganisationKind.PROVIDER, "Toronto Jobs", other_ssm, "toronto"
    )
    other_site = _org(
        "test-site-toronto", OrganisationKind.SITE, "Toronto Jobs Downtown", other_provider, "toronto"
    )
    other_office = _org(
        "test-odsp-toronto", OrganisationKind.ODSP_OFFICE, "Toronto ODSP", ministry, "toronto"
    )

    def person(username, role, organisation=None, **extra) -> User:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "organisation": organisation,
                "first_name": username.split("_")[0].title(),
                **extra,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    users = {
        "stranger": person("stranger", ""),
        "client": person("client", Role.CLIENT, home_catchment_id="peel"),
        "practitioner": person("practitioner", Role.PRACTITIONER, site),
        "provider_manager": person("provider_manager", Role.PROVIDER_MANAGER, provider),
        "ssm_manager": person("ssm_manager", Role.SSM_MANAGER, ssm),
        "caseworker": person("caseworker", Role.CASEWORKER, office),
        "analyst": person("analyst", Role.ANALYST, ministry),
        "administrator": person(
            "administrator", Role.ADMINISTRATOR, ministry, is_staff=True, is_superuser=True
        ),
        "other_practitioner": person("other_practitioner", Role.PRACTITIONER, other_site),
    }
    return SimpleNamespace(
        ministry=ministry,
        ssm=ssm,
        provider=provider,
        site=site,
        other_site_same_provider=other_site,
        office=office,
        other_ssm=other_ssm,
        other_provider=other_provider,
        other_site=other_site,
        other_office=other_office,
        users=users,
    )
