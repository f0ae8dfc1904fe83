"""Reads of organisations and accounts, always within the reader's scope."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.accounts.scoping import Action


def visible_organisations(user, kind: str | None = None, catchment: str | None = None):
    organisations = Organisation.objects.restrict(user, Action.VIEW).select_related("catchment", "parent")
    if kind:
        organisations = organisations.filter(kind=kind)
    if catchment:
        organisations = organisations.filter(catchment_id=catchment)
    return organisations.order_by("catchment__name_en", "kind", "name_en")


def providers_for(user):
    return visible_organisations(user, kind=OrganisationKind.PROVIDER).filter(is_active=True)


def providers_with_sites(user):
    sites = visible_organisations(user, kind=OrganisationKind.SITE)
    return providers_for(user).prefetch_related(Prefetch("children", queryset=sites, to_attr="visible_sites"))


def social_assistance_offices(user):
    return visible_organisations(user).filter(
        kind__in=[OrganisationKind.OW_OFFICE, OrganisationKind.ODSP_OFFICE]
    )


def visible_staff(user):
    return (
        User.objects.restrict(user, Action.VIEW)
        .exclude(role=Role.CLIENT)
        .select_related("organisation")
        .order_by("organisation__name_en", "last_name", "username")
    )


def account_counts(user) -> list[dict]:
    """Active accounts per role, for those allowed to see every account."""
    rows = (
        User.objects.restrict(user, Action.VIEW)
        .values("role")
        .annotate(total=Count("pk"), active=Count("pk", filter=Q(is_active=True)))
        .order_by("role")
    )
    labels = dict(Role.choices)
    return [
        {"role": labels.get(row["role"], "—"), "total": row["total"], "active": row["active"]} for row in rows
    ]
