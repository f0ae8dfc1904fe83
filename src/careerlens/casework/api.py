"""API routes of casework, within the caller's scope: the caseload, a client's case, the common assessment
(the instrument, and answering it module by module), the action plan, jobs and checkpoint verification.

Bad input answers 422 with the reason, an object outside the caller's scope 404.
"""

import datetime
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.casework import catalogue, selectors
from careerlens.casework.choices import Evidence, ItemStatus, Occasion, Stream
from careerlens.casework.instrument import instrument
from careerlens.casework.models import ActionPlan, Assessment, Checkpoint, Job, PlanItem
from careerlens.casework.services import assessments, jobs, plans
from careerlens.clients.models import Client
from careerlens.reference.occupations import Occupation

router = Router(tags=["casework"])


class CaseloadOut(Schema):
    id: int
    first_name: str
    last_name: str
    practitioner: str
    stream: str | None
    opened_on: datetime.date | None
    checkpoints_due: int
    tasks_due: int

    @staticmethod
    def resolve_practitioner(obj):
        return f"{obj.practitioner_first or ''} {obj.practitioner_last or ''}".strip()


class EpisodeOut(Schema):
    id: int
    provider: str
    opened_on: datetime.date
    stream: str
    closed_on: datetime.date | None
    exit_reason: str

    @staticmethod
    def resolve_provider(obj):
        return obj.provider.code


class AssessmentOut(Schema):
    id: int
    client: int = Field(alias="client_id")
    provider: str
    instrument_version: int
    occasion: str
    status: str
    answers: dict[str, Any]
    scores: dict[str, Any]
    started_at: datetime.datetime
    completed_at: datetime.datetime | None
    valid_until: datetime.date | None
    missing: list[str]

    @staticmethod
    def resolve_provider(obj):
        return obj.provider.code

    @staticmethod
    def resolve_missing(obj):
        return [question.id for question in obj.instrument.missing(obj.answers)]


class PlanItemOut(Schema):
    id: int
    intervention: str
    name: str = Field(alias="intervention_name")
    goal: str
    status: str
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    started_on: datetime.date | None
    ended_on: datetime.date | None


class PlanOut(Schema):
    id: int
    career_goal: str | None = Field(alias="career_goal_id")
    goal: str
    status: str
    items: list[PlanItemOut]

    @staticmethod
    def resolve_items(obj):
        return list(obj.items.all())


class CheckpointOut(Schema):
    id: int
    months: int
    due_date: datetime.date
    status: str
    employed: bool | None
    hours_per_week: Decimal | None
    hourly_wage: Decimal | None
    evidence: str
    outcome_met: bool | None


class JobOut(Schema):
    id: int
    employer: str
    occupation: str = Field(alias="occupation_id")
    hours_per_week: Decimal
    hourly_wage: Decimal
    start_date: datetime.date
    end_date: datetime.date | None
    subsidised: bool
    in_goal_field: bool | None
    teer_change: int | None
    wage_change: Decimal | None
    checkpoints: list[CheckpointOut]

    @staticmethod
    def resolve_checkpoints(obj):
        return list(obj.checkpoints.all())


class CaseOut(Schema):
    client: int
    episodes: list[EpisodeOut]
    assessments: list[AssessmentOut]
    plan: PlanOut | None
    jobs: list[JobOut]


class ModuleIn(Schema):
    answers: dict[str, Any] = Field(description="Answers by question id; `prefer_not` where it is allowed.")


class StartIn(Schema):
    occasion: Occasion = Occasion.INTAKE


class PlanIn(Schema):
    career_goal: str | None = Field(None, description="NOC 2021 unit group, five digits.")
    goal: str = Field("", max_length=2000)


class PlanItemIn(Schema):
    intervention: str = Field(max_length=40, description="A code of GET /casework/interventions.")
    goal: str = Field("", max_length=300)
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None


class JobIn(Schema):
    employer: str = Field(min_length=1, max_length=200)
    occupation: str = Field(description="NOC 2021 unit group, five digits.")
    hours_per_week: Decimal = Field(max_digits=5, decimal_places=2)
    hourly_wage: Decimal = Field(max_digits=8, decimal_places=2)
    start_date: datetime.date
    end_date: datetime.date | None = None
    subsidised: bool = False
    subsidy_end_date: datetime.date | None = None


class VerificationIn(Schema):
    employed: bool
    evidence: Evidence
    hours_per_week: Decimal | None = Field(None, max_digits=5, decimal_places=2)
    hourly_wage: Decimal | None = Field(None, max_digits=8, decimal_places=2)


def _staff_client(request, client_id: int, action: str = Action.CHANGE) -> Client:
    if not selectors.may_see_caseload(request.auth):
        raise Http404
    return get_restricted_or_404(Client, request.auth, action, pk=client_id)


def _occupation(code: str | None, field: str) -> Occupation | None:
    if not code:
        return None
    found = Occupation.objects.filter(code=code).first()
    if found is None:
        raise ValidationError({field: _("No NOC 2021 unit group has this code.")})
    return found


@router.get("/casework/caseload", response=list[CaseloadOut], summary="Clients assigned now (your caseload)")
@paginate(LimitOffsetPagination)
def caseload(
    request,
    stream: Stream | None = None,
    status: Literal["open", "closed", "all"] = "all",
    due: bool = False,
):
    if not selectors.may_see_caseload(request.auth):
        raise Http404
    return selectors.caseload(request.auth, stream=stream or "", status=status, due_only=due)


@router.get(
    "/casework/clients/{int:client_id}", response=CaseOut, summary="A client's case, within your scope"
)
def case(request, client_id: int):
    if not selectors.may_see_caseload(request.auth) and request.auth.role != Role.CLIENT:
        raise Http404
    client = get_restricted_or_404(Client, request.auth, Action.VIEW, pk=client_id)
    found = selectors.case_file(request.auth, client)
    plan = found["plan"]
    return {
        "client": client.pk,
        "episodes": list(found["episodes"]),
        "assessments": list(found["assessments"]),
        "plan": plan,
        "jobs": list(
            Job.objects.filter(pk__in=[job.pk for job in found["jobs"]]).prefetch_related("checkpoints")
        ),
    }


@router.get("/casework/instrument", summary="The common assessment instrument (questions, EN and FR)")
def get_instrument(request, version: int = 1):
    try:
        found = instrument(version)
    except KeyError:
        raise Http404 from None
    return {
        "code": found.code,
        "version": found.version,
        "validity_days": found.validity_days,
        "modules": [{**module.raw} for module in found.modules],
    }


@router.get("/casework/interventions", summary="The intervention catalogue")
def interventions(request):
    return [
        {
            "code": item.code,
            "type": item.type,
            "names": item.names,
            "theories": list(item.theories),
            "competencies": list(item.competencies),
            "typical_weeks": item.typical_weeks,
            "typical_cost": item.typical_cost,
        }
        for item in catalogue.catalogue().values()
    ]


@router.post(
    "/casework/clients/{int:client_id}/assessments",
    response={201: AssessmentOut},
    summary="Start an assessment",
)
def start_assessment(request, client_id: int, payload: StartIn):
    client = _staff_client(request, client_id)
    return Status(201, assessments.start(request.auth, client, payload.occasion))


@router.get("/casework/assessments/{int:assessment_id}", response=AssessmentOut, summary="One assessment")
def get_assessment(request, assessment_id: int):
    return get_restricted_or_404(
        Assessment.objects.select_related("provider"), request.auth, pk=assessment_id
    )


@router.put(
    "/casework/assessments/{int:assessment_id}/modules/{module}",
    response=AssessmentOut,
    summary="Save the answers of one module (part-way is fine)",
)
def save_module(request, assessment_id: int, module: str, payload: ModuleIn):
    found = get_restricted_or_404(
        Assessment.objects.select_related("provider"), request.auth, Action.CHANGE, pk=assessment_id
    )
    if module not in {m.code for m in found.instrument.modules}:
        raise Http404
    known = {q.id for q in found.instrument.module(module).questions}
    unknown = sorted(set(payload.answers) - known)
    if unknown:
        raise ValidationError({name: _("This module has no such question.") for name in unknown})
    errors = assessments.save_module(request.auth, found, module, payload.answers)
    if errors:
        raise ValidationError(errors)
    return found


@router.post(
    "/casework/assessments/{int:assessment_id}/complete",
    response=AssessmentOut,
    summary="Complete an assessment",
)
def complete_assessment(request, assessment_id: int):
    found = get_restricted_or_404(
        Assessment.objects.select_related("provider"), request.auth, Action.CHANGE, pk=assessment_id
    )
    return assessments.complete(request.auth, found)


@router.put(
    "/casework/clients/{int:client_id}/plan", response=PlanOut, summary="Create or change the action plan"
)
def save_plan(request, client_id: int, payload: PlanIn):
    client = _staff_client(request, client_id)
    goal = _occupation(payload.career_goal, "career_goal")
    return plans.save_plan(request.auth, client, career_goal=goal, goal=payload.goal)


@router.get(
    "/casework/plans/{int:plan_id}", response=PlanOut, summary="An action plan (caseworkers: with consent)"
)
def get_plan(request, plan_id: int):
    return get_restricted_or_404(ActionPlan, request.auth, pk=plan_id)


@router.post("/casework/plans/{int:plan_id}/items", response={201: PlanItemOut}, summary="Add a plan item")
def add_item(request, plan_id: int, payload: PlanItemIn):
    plan = get_restricted_or_404(ActionPlan, request.auth, Action.CHANGE, pk=plan_id)
    if not selectors.may_see_caseload(request.auth):
        raise Http404
    return Status(201, plans.add_item(request.auth, plan, **payload.dict()))


@router.post(
    "/casework/plan-items/{int:item_id}/status", response=PlanItemOut, summary="Change an item's status"
)
def move_item(request, item_id: int, status: ItemStatus, on: datetime.date | None = None):
    item = get_restricted_or_404(
        PlanItem.objects.select_related("plan__client"), request.auth, Action.CHANGE, pk=item_id
    )
    if not selectors.may_see_caseload(request.auth):
        raise Http404
    return plans.move_item(request.auth, item, status, on or timezone.localdate())


@router.post("/casework/clients/{int:client_id}/jobs", response={201: JobOut}, summary="Record a job")
def record_job(request, client_id: int, payload: JobIn):
    client = _staff_client(request, client_id)
    values = payload.dict()
    values["occupation"] = _occupation(values.pop("occupation"), "occupation")
    job = jobs.record_job(request.auth, client, **values)
    return Status(201, Job.objects.prefetch_related("checkpoints").get(pk=job.pk))


@router.post(
    "/casework/checkpoints/{int:checkpoint_id}/verification",
    response=CheckpointOut,
    summary="Verify an outcome checkpoint (the IES rule decides whether the outcome counts)",
)
def verify(request, checkpoint_id: int, payload: VerificationIn):
    found = get_restricted_or_404(
        Checkpoint.objects.select_related("job__client"), request.auth, Action.CHANGE, pk=checkpoint_id
    )
    if not selectors.may_see_caseload(request.auth):
        raise Http404
    return jobs.verify_checkpoint(request.auth, found, **payload.dict())
