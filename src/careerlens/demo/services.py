"""Create (or find again) the demonstration organisations and accounts. Idempotent."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind
from careerlens.audit.context import acting_as
from careerlens.casework.tasks import remind_due_checkpoints
from careerlens.demo import province
from careerlens.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from careerlens.demo.network import CATCHMENTS, FRANCOPHONE_PROVIDER, PROVIDER_PATTERNS
from careerlens.reference.models import Catchment


def _organisation(
    code: str,
    kind: str,
    name_en: str,
    name_fr: str,
    parent=None,
    catchment=None,
    city: str = "",
    serves_in_french: bool = False,
) -> tuple[Organisation, bool]:
    return Organisation.objects.get_or_create(
        code=code,
        defaults={
            "kind": kind,
            "name_en": name_en,
            "name_fr": name_fr,
            "parent": parent,
            "catchment": catchment,
            "city": city,
            "serves_in_french": serves_in_french,
            "email": f"info@{code}.example" if kind != OrganisationKind.MINISTRY else "",
        },
    )


@transaction.atomic
def create_network() -> int:
    """The ministry, the 15 SSMs, providers and sites, OW and ODSP offices. Returns how many were new."""
    created = 0
    ministry, new = _organisation(
        "ministry",
        OrganisationKind.MINISTRY,
        "Ministry of Labour, Immigration, Training and Skills Development",
        "Ministère du Travail, de l'Immigration, de la Formation et du Développement des compétences",
    )
    created += new
    catchments = {catchment.code: catchment for catchment in Catchment.objects.all()}
    for demo in CATCHMENTS:
        catchment = catchments[demo.code]
        region = catchment.name_en
        ssm, new = _organisation(
            f"{demo.code}-ssm",
            OrganisationKind.SSM,
            f"{catchment.ssm_name} — {region} SSM",
            f"{catchment.ssm_name} — GSS {catchment.name_fr}",
            ministry,
            catchment,
            demo.cities[0],
        )
        created += new
        for number, (name_en, name_fr) in enumerate(PROVIDER_PATTERNS, start=1):
            provider, new = _organisation(
                f"{demo.code}-p{number}",
                OrganisationKind.PROVIDER,
                name_en.format(region=region),
                name_fr.format(region=catchment.name_fr),
                ssm,
                catchment,
                demo.cities[0],
            )
            created += new
            for city in (demo.cities[0], demo.cities[number]):
                _, new = _organisation(
                    f"{provider.code}-{slugify(city)}",
                    OrganisationKind.SITE,
                    f"{provider.name_en} — {city}",
                    f"{provider.name_fr} — {city}",
                    provider,
                    catchment,
                    city,
                )
                created += new
        if demo.francophone_city:
            city = demo.francophone_city
            provider, new = _organisation(
                f"{demo.code}-fr",
                OrganisationKind.PROVIDER,
                FRANCOPHONE_PROVIDER[0].format(city=city),
                FRANCOPHONE_PROVIDER[1].format(city=city),
                ssm,
                catchment,
                city,
                serves_in_french=True,
            )
            created += new
            _, new = _organisation(
                f"{provider.code}-{slugify(city)}",
                OrganisationKind.SITE,
                f"{provider.name_en} — {city}",
                f"{provider.name_fr} — {city}",
                provider,
                catchment,
                city,
                serves_in_french=True,
            )
            created += new
        _, new = _organisation(
            f"{demo.code}-ow",
            OrganisationKind.OW_OFFICE,
            f"{demo.ow_delivery_agent} — Ontario Works",
            f"{demo.ow_delivery_agent} — Ontario au travail",
            ministry,
            catchment,
            demo.cities[0],
        )
        created += new
        _, new = _organisation(
            f"{demo.code}-odsp",
            OrganisationKind.ODSP_OFFICE,
            f"ODSP {demo.cities[0]} office",
            f"Bureau du POSPH de {demo.cities[0]}",
            ministry,
            catchment,
            demo.cities[0],
        )
        created += new
    return created


@transaction.atomic
def create_accounts() -> int:
    created = 0
    for account in ACCOUNTS:
        organisation = Organisation.objects.get(code=account.organisation) if account.organisation else None
        user, new = User.objects.get_or_create(
            username=account.username,
            defaults={
                "role": account.role,
                "first_name": account.first_name,
                "last_name": account.last_name,
                "organisation": organisation,
                "home_catchment_id": account.home_catchment or None,
                "preferred_language": account.preferred_language,
                "is_staff": account.is_staff,
                "is_superuser": account.is_staff,
                "email": f"{account.username}@careerlens.example",
            },
        )
        if new:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            created += 1
    return created


def link_client_account() -> bool:
    """Give the demo ``client`` account a client record of its own: a simulated client of its home
    catchment who is served in its language, renamed after the account. True if a link was made."""
    from careerlens.clients.models import Client

    account = User.objects.filter(username="client", role="client").first()
    if account is None or Client.objects.filter(user=account).exists():
        return False
    record = (
        Client.objects.filter(
            user__isnull=True, catchment_id=account.home_catchment_id, language=account.preferred_language
        )
        .order_by("pk")
        .first()
    )
    if record is None:
        return False
    record.user, record.first_name, record.last_name = account, account.first_name, account.last_name
    record.save(update_fields=["user", "first_name", "last_name"])
    return True


def set_up(clients: int = province.DEFAULT_CLIENTS, seed: int = province.SEED) -> dict:
    """The network, the accounts and a simulated province of ``clients`` people (none if 0)."""
    with acting_as(None, source="demo"):
        result = {
            "organisations": create_network(),
            "accounts": create_accounts(),
            "province": province.load(clients, seed),
        }
        result["client_linked"] = link_client_account()
        result["segmentation"] = segmentation_models(clients, seed)
        result["reminders"] = remind_due_checkpoints()
        return result


def segmentation_models(clients: int, seed: int) -> str:
    """The analytics snapshot of the simulated province, and segmentation versions trained on it: v1
    trained by the analyst, approved by the SSM manager and active; v2 trained, waiting for approval."""
    from careerlens.accounts.models import User
    from careerlens.segmentation import services as segmentation
    from careerlens.segmentation import snapshot
    from careerlens.segmentation.models import ModelVersion

    if clients <= 0 or ModelVersion.objects.exists():
        return "Segmentation: kept as it is."
    snapshot.write_simulated(clients, seed)
    analyst, manager = User.objects.get(username="analyst"), User.objects.get(username="ssm-manager")
    first = segmentation.train_version(analyst)
    segmentation.activate(manager, segmentation.approve(manager, first))
    segmentation.train_version(analyst)
    return f"Segmentation: v1 active (AUC {first.evaluation['auc']:.3f}), v2 waiting for approval."
