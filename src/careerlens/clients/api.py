"""API routes for client records, consents and referrals, all within the caller's scope.

Bad input answers 422 with the reason (``ValidationError`` → the API's handler), an object outside the
caller's scope 404.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from careerlens.accounts.models import Organisation
from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.clients import selectors, services
from careerlens.clients.choices import ConsentTopic, ReferralStatus
from careerlens.clients.models import Consent

router = Router(tags=["clients"])


class ClientOut(Schema):
    id: int
    first_name: str
    last_name: str
    date_of_birth: datetime.date
    postal_code: str
    catchment: str = Field(alias="catchment_id")
    language: str
    merged_into: int | None = Field(alias="merged_into_id")


class ConsentOut(Schema):
    id: int
    client: int = Field(alias="client_id")
    organisation: str
    topic: str
    until: datetime.date | None
    granted_at: datetime.datetime
    withdrawn_at: datetime.datetime | None
    in_force: bool

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.code

    @staticmethod
    def resolve_in_force(obj):
        return obj.is_in_force


class ConsentIn(Schema):
    organisation: str = Field(max_length=80)
    topic: ConsentTopic
    until: datetime.date | None = None


class TransitionOut(Schema):
    from_status: str
    to_status: str
    at: datetime.datetime
    reason: str


class ReferralOut(Schema):
    id: int
    client: int = Field(alias="client_id")
    provider: str
    from_organisation: str | None
    source: str
    status: str
    created_at: datetime.datetime
    status_changed_at: datetime.datetime
    transitions: list[TransitionOut]

    @staticmethod
    def resolve_provider(obj):
        return obj.provider.code

    @staticmethod
    def resolve_from_organisation(obj):
        return obj.from_organisation.code if obj.from_organisation_id else None

    @staticmethod
    def resolve_transitions(obj):
        return list(obj.transitions.all())


class ReferralIn(Schema):
    client: int
    provider: str = Field(max_length=80)
    note: str = Field("", max_length=2000)
    share_status: bool = False


class TransitionIn(Schema):
    to_status: ReferralStatus
    reason: str = Field("", max_length=1000)


def _organisation(user, code: str, field: str) -> Organisation:
    found = Organisation.objects.restrict(user, Action.VIEW).filter(code=code).first()
    if found is None:
        raise ValidationError({field: _("No organisation with this code is visible to you.")})
    return found


@router.get("/clients", response=list[ClientOut], summary="Client records within your scope")
@paginate(LimitOffsetPagination)
def list_clients(request, q: str = ""):
    return selectors.visible_clients(request.auth, q[:100])


@router.get("/clients/{int:client_id}", response=ClientOut, summary="One client record (the read is logged)")
def get_client(request, client_id: int):
    return selectors.client_for(request.auth, client_id)


@router.get("/clients/{int:client_id}/consents", response=list[ConsentOut], summary="A client's consents")
def list_consents(request, client_id: int):
    client = selectors.client_for(request.auth, client_id)
    return list(selectors.client_history(request.auth, client)["consents"])


@router.post(
    "/clients/{int:client_id}/consents", response={201: ConsentOut}, summary="Record a client's consent"
)
def grant_consent(request, client_id: int, payload: ConsentIn):
    client = selectors.client_for(request.auth, client_id)
    organisation = _organisation(request.auth, payload.organisation, "organisation")
    consent = services.grant_consent(request.auth, client, organisation, payload.topic, payload.until)
    return Status(201, consent)


@router.post("/consents/{int:consent_id}/withdraw", response=ConsentOut, summary="Withdraw a consent")
def withdraw_consent(request, consent_id: int):
    consent = get_restricted_or_404(
        Consent.objects.select_related("organisation"), request.auth, Action.CHANGE, pk=consent_id
    )
    return services.withdraw_consent(request.auth, consent)


@router.get("/referrals", response=list[ReferralOut], summary="Referrals within your scope")
@paginate(LimitOffsetPagination)
def list_referrals(request, status: ReferralStatus | None = None):
    return selectors.visible_referrals(request.auth, status or "").prefetch_related("transitions")


@router.get(
    "/referrals/overdue",
    response=list[ReferralOut],
    summary="Referrals waiting longer than REFERRAL_WAIT_DAYS",
)
def overdue_referrals(request):
    return list(selectors.overdue_referrals(request.auth).prefetch_related("transitions"))


@router.get(
    "/referrals/{int:referral_id}", response=ReferralOut, summary="One referral with its status changes"
)
def get_referral(request, referral_id: int):
    return selectors.referral_for(request.auth, referral_id)


@router.post("/referrals", response={201: ReferralOut}, summary="Refer a client to a provider")
def create_referral(request, payload: ReferralIn):
    client = selectors.client_for(request.auth, payload.client)
    provider = _organisation(request.auth, payload.provider, "provider")
    referral = services.create_referral(request.auth, client, provider, payload.note, payload.share_status)
    return Status(201, referral)


@router.post(
    "/referrals/{int:referral_id}/transition", response=ReferralOut, summary="Move a referral to a new status"
)
def move_referral(request, referral_id: int, payload: TransitionIn):
    referral = selectors.referral_for(request.auth, referral_id)
    return services.move_referral(request.auth, referral, payload.to_status, payload.reason)
