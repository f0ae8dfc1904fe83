"""API routes for reference data: catchments here; occupations in ``occupations_api`` (same router)."""

from __future__ import annotations

from ninja import Router, Schema

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.reference import selectors
from careerlens.reference.models import Catchment

router = Router(tags=["reference"])


class CatchmentOut(Schema):
    code: str
    name_en: str
    name_fr: str
    economic_region: str
    phase: str
    launch: str
    ssm_name: str
    ssm_source: str

    @staticmethod
    def resolve_economic_region(obj):
        return obj.economic_region_id


@router.get("/catchments", response=list[CatchmentOut], summary="The 15 IES catchments and their SSMs")
def list_catchments(request):
    return list(selectors.catchments(request.auth))


@router.get("/catchments/{code}", response=CatchmentOut, summary="One catchment")
def get_catchment(request, code: str):
    return get_restricted_or_404(Catchment, request.auth, Action.VIEW, code=code)


# The occupation routes live in their own module and register themselves on this router.
from careerlens.reference import occupations_api  # noqa: E402, F401
