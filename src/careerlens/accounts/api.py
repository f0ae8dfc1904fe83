"""API routes for organisations and the signed-in account."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Router, Schema

from careerlens.accounts import selectors, services
from careerlens.accounts.models import Organisation
from careerlens.accounts.roles import OrganisationKind
from careerlens.accounts.scoping import Action, get_restricted_or_404

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    code: str
    kind: str
    name_en: str
    name_fr: str
    parent: str | None
    catchment: str | None
    city: str
    serves_in_french: bool
    is_active: bool

    @staticmethod
    def resolve_parent(obj):
        return obj.parent.code if obj.parent_id else None

    @staticmethod
    def resolve_catchment(obj):
        return obj.catchment_id


class MeOut(Schema):
    username: str
    first_name: str
    last_name: str
    role: str
    organisation: str | None
    preferred_language: str

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.code if obj.organisation_id else None


class MeIn(Schema):
    first_name: str | None = Field(None, max_length=150)
    last_name: str | None = Field(None, max_length=150)
    preferred_language: Literal["en", "fr"] | None = None


@router.get("/me", response=MeOut, summary="The signed-in account", tags=["account"])
def me(request):
    return request.auth


@router.patch("/me", response=MeOut, summary="Change your names or preferred language", tags=["account"])
def update_me(request, changes: MeIn):
    return services.update_profile(request.auth, **changes.dict(exclude_unset=True))


@router.get("/organisations", response=list[OrganisationOut], summary="Organisations within your scope")
def list_organisations(request, kind: OrganisationKind | None = None, catchment: str | None = None):
    return list(selectors.visible_organisations(request.auth, kind=kind, catchment=catchment))


@router.get(
    "/organisations/{code}", response=OrganisationOut, summary="One organisation (404 outside your scope)"
)
def get_organisation(request, code: str):
    return get_restricted_or_404(
        Organisation.objects.select_related("parent"), request.auth, Action.VIEW, code=code
    )
