"""Roles belong to kinds of organisation, and organisations to their parent kind: clear messages."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import PARENT_KIND, ROLE_ORGANISATION_KINDS, OrganisationKind, Role


def _errors(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def _user(**fields) -> User:
    return User(username="someone", password="!", **fields)


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        (Role.PRACTITIONER, "site"),
        (Role.PRACTITIONER, "provider"),
        (Role.PROVIDER_MANAGER, "provider"),
        (Role.SSM_MANAGER, "ssm"),
        (Role.CASEWORKER, "office"),
        (Role.CASEWORKER, "other_office"),
        (Role.ANALYST, "ministry"),
        (Role.ADMINISTRATOR, "ministry"),
    ],
)
def test_each_role_in_its_kind_of_organisation_is_valid(world, role, organisation):
    _user(role=role, organisation=getattr(world, organisation)).full_clean()


@pytest.mark.parametrize(
    ("role", "organisation", "kinds"),
    [
        (Role.PRACTITIONER, "ssm", "“Employment service provider”, “Provider site”"),
        (Role.PROVIDER_MANAGER, "site", "“Employment service provider”"),
        (Role.SSM_MANAGER, "provider", "“Service system manager”"),
        (Role.CASEWORKER, "site", "“ODSP office”, “Ontario Works office”"),
        (Role.ANALYST, "ssm", "“Ministry”"),
        (Role.ANALYST, None, "“Ministry”"),
    ],
)
def test_a_role_in_the_wrong_kind_of_organisation_is_refused_with_the_kinds_it_needs(
    world, role, organisation, kinds
):
    errors = _errors(_user(role=role, organisation=getattr(world, organisation) if organisation else None))
    assert errors["organisation"] == [
        f"An account with the role “{Role(role).label}” belongs to an organisation of kind {kinds}."
    ]


def test_a_client_belongs_to_no_organisation(world):
    errors = _errors(_user(role=Role.CLIENT, organisation=world.site))
    assert errors["organisation"] == ["A client account belongs to no organisation."]
    _user(role=Role.CLIENT, home_catchment_id="peel").full_clean()


def test_an_account_without_a_role_may_have_no_organisation(db):
    _user(role="").full_clean()


def test_every_staff_role_names_its_organisation_kinds():
    assert set(ROLE_ORGANISATION_KINDS) == set(Role.values)
    assert all(ROLE_ORGANISATION_KINDS[role] for role in Role.values if role != Role.CLIENT)
    assert set(PARENT_KIND) == set(OrganisationKind.values)


def test_the_role_decides_access_to_the_admin_site(world):
    admin = User.objects.create(username="new-admin", role=Role.ADMINISTRATOR, organisation=world.ministry)
    assert admin.is_staff and admin.is_superuser
    admin.role = Role.ANALYST
    admin.save()
    assert not admin.is_staff and not admin.is_superuser
    root = User.objects.create(username="root", is_staff=True, is_superuser=True)  # createsuperuser: no role
    assert root.is_staff and root.is_superuser


def _organisation(**fields) -> Organisation:
    return Organisation(code="test-new", name_en="New", name_fr="Nouveau", **fields)


def test_a_well_placed_organisation_is_valid(world):
    _organisation(kind=OrganisationKind.SITE, parent=world.provider, catchment_id="peel").full_clean()
    _organisation(kind=OrganisationKind.ODSP_OFFICE, parent=world.ministry, catchment_id="peel").full_clean()


@pytest.mark.parametrize(
    ("kind", "parent", "field", "message"),
    [
        (OrganisationKind.MINISTRY, "ministry", "parent", "A ministry has no parent organisation."),
        (
            OrganisationKind.SITE,
            "ssm",
            "parent",
            "The parent of an organisation of kind “Provider site” must be of kind "
            "“Employment service provider”.",
        ),
        (
            OrganisationKind.PROVIDER,
            None,
            "parent",
            "The parent of an organisation of kind “Employment service provider” must be of kind "
            "“Service system manager”.",
        ),
        (
            OrganisationKind.OW_OFFICE,
            "ssm",
            "parent",
            "The parent of an organisation of kind “Ontario Works office” must be of kind “Ministry”.",
        ),
    ],
)
def test_an_organisation_under_the_wrong_parent_is_refused(world, kind, parent, field, message):
    organisation = _organisation(
        kind=kind, parent=getattr(world, parent) if parent else None, catchment_id="peel"
    )
    assert _errors(organisation)[field] == [message]


def test_an_organisation_needs_a_catchment(world):
    errors = _errors(_organisation(kind=OrganisationKind.SITE, parent=world.provider))
    assert "Every organisation except the ministry serves a catchment." in errors["catchment"]


def test_a_site_serves_its_providers_catchment(world):
    errors = _errors(_organisation(kind=OrganisationKind.SITE, parent=world.provider, catchment_id="toronto"))
    assert errors["catchment"] == ["The catchment must be the same as that of its parent, Peel Careers."]


def test_a_catchment_has_one_service_system_manager(world):
    errors = _errors(_organisation(kind=OrganisationKind.SSM, parent=world.ministry, catchment_id="peel"))
    assert errors["catchment"] == [
        "This catchment already has a service system manager; there is one per catchment."
    ]
    world.ssm.full_clean()  # the existing one is still valid
