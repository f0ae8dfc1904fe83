"""The ``providers``, ``sites`` and ``practitioners`` tables: the service network as the engines read it. A
practitioner's id is pseudonymous (their provider's code and a keyed hash, never the username); years of
practice are not recorded by the app (null)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.network.models import PractitionerProfile
from careerlens.snapshots.pseudonyms import Pseudonyms


@dataclass(frozen=True)
class Practitioner:
    code: str
    provider: str
    site: str | None  # the site they work at; None for staff attached to the provider itself
    ccdp_certified: bool


class Network:
    """The providers (by primary key) and the practitioners (by user) of the operational database."""

    def __init__(self):
        self.providers = {
            row["id"]: row
            for row in Organisation.objects.filter(kind=OrganisationKind.PROVIDER)
            .order_by("code")
            .values("id", "code", "catchment_id", "serves_in_french")
        }
        self.sites = {
            row["id"]: row
            for row in Organisation.objects.filter(kind=OrganisationKind.SITE, parent__isnull=False)
            .order_by("pk")
            .values("id", "code", "parent_id", "catchment_id")
        }
        sites = {pk: row["parent_id"] for pk, row in self.sites.items()}
        certified = set(
            PractitionerProfile.objects.filter(ccdp_certified=True).values_list("user_id", flat=True)
        )
        ids = Pseudonyms("practitioner")
        self.practitioners: dict[int, Practitioner] = {}
        staff = User.objects.filter(role=Role.PRACTITIONER, organisation__isnull=False).order_by("pk")
        for pk, organisation in staff.values_list("pk", "organisation_id"):
            provider = self.providers.get(sites.get(organisation, organisation))
            if provider is not None:
                code = ids.code(f"{provider['code']}-cdp-", pk)
                site = self.sites.get(organisation)
                self.practitioners[pk] = Practitioner(
                    code, provider["code"], site["code"] if site else None, pk in certified
                )

    def provider_code(self, pk: int) -> str:
        return self.providers[pk]["code"]

    def practitioner_code(self, user_pk: int | None) -> str | None:
        found = self.practitioners.get(user_pk)
        return found.code if found else None

    def practitioner_site(self, user_pk: int | None) -> str | None:
        found = self.practitioners.get(user_pk)
        return found.site if found else None

    def provider_rows(self) -> list[dict]:
        count = Counter(p.provider for p in self.practitioners.values())
        return [
            {
                "provider_id": row["code"],
                "catchment": row["catchment_id"],
                "serves_in_french": row["serves_in_french"],
                "practitioners": count[row["code"]],
            }
            for row in self.providers.values()
        ]

    def practitioner_rows(self) -> list[dict]:
        return [
            {
                "practitioner_id": p.code,
                "provider_id": p.provider,
                "ccdp_certified": p.ccdp_certified,
            }
            for p in sorted(self.practitioners.values(), key=lambda p: p.code)
        ]

    def site_rows(self) -> list[dict]:
        """Each provider's sites; the first one created is its main office (the app marks none)."""
        main: dict[int, int] = {}
        for pk, row in self.sites.items():
            main.setdefault(row["parent_id"], pk)
        return [
            {
                "site_id": row["code"],
                "provider_id": self.providers[row["parent_id"]]["code"],
                "catchment": row["catchment_id"],
                "main_site": main[row["parent_id"]] == pk,
            }
            for pk, row in self.sites.items()
            if row["parent_id"] in self.providers
        ]
