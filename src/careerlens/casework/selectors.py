"""Reads for casework pages and the API, always within the reader's scope: the caseload, a client's case
file and its timeline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.accounts.roles import Role
from careerlens.accounts.scoping import Action
from careerlens.casework import career_change
from careerlens.casework.models import ActionPlan, Assessment, CaseTask, Checkpoint, Episode, Job, Note
from careerlens.clients.models import (
    PROVIDER_STAFF,
    Client,
    Referral,
    ReferralTransition,
    is_admin,
    provider_of,
)
from careerlens.network.models import Assignment

CASELOAD_ROLES = (*PROVIDER_STAFF, Role.ADMINISTRATOR)


def may_see_caseload(user) -> bool:
    return user.is_authenticated and user.is_active and (user.role in CASELOAD_ROLES or user.is_superuser)


def _count(queryset, field: str = "pk"):
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# Up to this many clients assigned now, the caseload names them in its query: PostgreSQL then reads them by
# primary key. From a subquery it would scan every client to test the scope's rule (an OR with a hashed
# subplan, which no index serves): 40 ms at 100,000 clients for a caseload of 60 (bench/caseload.py).
ASSIGNED_BY_KEY = 1000


def _assigned(current):
    """The clients of the current assignments: their keys when they are few, else a subquery."""
    keys = list(current.order_by().values_list("client_id", flat=True)[: ASSIGNED_BY_KEY + 1])
    return keys if len(keys) <= ASSIGNED_BY_KEY else current.values("client_id")


def caseload(user, *, stream: str = "", status: str = "all", due_only: bool = False, practitioner=None):
    """Clients assigned now: to the practitioner; to the provider's practitioners for a provider manager (or
    to one of them); to anyone for an administrator. Annotated in one query with the practitioner, the open
    episode's stream, and the follow-ups due (checkpoints and open tasks)."""
    today = timezone.localdate()
    current = Assignment.objects.filter(ended_at__isnull=True)
    if user.role == Role.PRACTITIONER:
        current = current.filter(practitioner=user)
    elif user.role == Role.PROVIDER_MANAGER:
        current = current.filter(provider=provider_of(user))
    elif not is_admin(user):
        return Client.objects.none()
    if practitioner is not None:
        current = current.filter(practitioner=practitioner)
    episodes = Episode.objects.filter(client=OuterRef("pk")).order_by("closed_on", "-opened_on")
    assignment = current.filter(client=OuterRef("pk"))
    due_checkpoints = Checkpoint.objects.filter(
        job__client=OuterRef("pk"), verified_at__isnull=True, due_date__lte=today
    ).values("job__client")
    due_tasks = CaseTask.objects.filter(
        client=OuterRef("pk"), done_at__isnull=True, due_on__lte=today
    ).values("client")
    clients = (
        Client.objects.restrict(user, Action.VIEW)
        .filter(merged_into__isnull=True, pk__in=_assigned(current))
        .annotate(
            practitioner_first=Subquery(assignment.values("practitioner__first_name")[:1]),
            practitioner_last=Subquery(assignment.values("practitioner__last_name")[:1]),
            stream=Subquery(episodes.values("stream")[:1]),
            opened_on=Subquery(episodes.values("opened_on")[:1]),
            closed_on=Subquery(episodes.values("closed_on")[:1]),
            checkpoints_due=_count(due_checkpoints, "job__client"),
            tasks_due=_count(due_tasks, "client"),
        )
    )
    if stream:
        clients = clients.filter(stream=stream)
    if status == "open":
        clients = clients.filter(opened_on__isnull=False, closed_on__isnull=True)
    elif status == "closed":
        clients = clients.filter(closed_on__isnull=False)
    if due_only:
        clients = clients.filter(Q(checkpoints_due__gt=0) | Q(tasks_due__gt=0))
    return clients.order_by("last_name", "first_name", "pk")


@dataclass(frozen=True)
class Event:
    when: datetime.datetime | datetime.date
    kind: str
    text: str

    @property
    def sort_key(self) -> datetime.datetime:
        if isinstance(self.when, datetime.datetime):
            return self.when
        return datetime.datetime.combine(self.when, datetime.time.min, tzinfo=timezone.get_current_timezone())


def timeline(user, client: Client, found: dict) -> list[Event]:
    """Everything that happened to the client that the user may see, newest first; ``found`` is what
    :func:`case_file` read (so nothing is read twice)."""
    events: list[Event] = []
    for move in (
        ReferralTransition.objects.restrict(user)
        .filter(referral__client=client)
        .select_related("referral__provider")
    ):
        events.append(
            Event(
                move.at,
                "referral",
                _("Referral to %(provider)s: %(status)s")
                % {"provider": move.referral.provider, "status": move.get_to_status_display()},
            )
        )
    for episode in found["episodes"]:
        events.append(
            Event(episode.opened_on, "episode", _("Intake at %(provider)s") % {"provider": episode.provider})
        )
        if episode.closed_on:
            events.append(
                Event(
                    episode.closed_on,
                    "episode",
                    _("Exit: %(reason)s") % {"reason": episode.get_exit_reason_display()},
                )
            )
    for assessment in found["assessments"]:
        events.append(
            Event(
                assessment.started_at,
                "assessment",
                _("Assessment started (%(occasion)s)") % {"occasion": assessment.get_occasion_display()},
            )
        )
        if assessment.completed_at:
            events.append(Event(assessment.completed_at, "assessment", _("Assessment completed")))
    for plan in found["plans"]:
        events.append(Event(plan.created_at, "plan", _("Action plan created")))
        for item in plan.items.all():
            if item.started_on:
                events.append(
                    Event(item.started_on, "plan", _("Started: %(item)s") % {"item": item.intervention_name})
                )
            if item.ended_on:
                events.append(
                    Event(
                        item.ended_on,
                        "plan",
                        _("%(status)s: %(item)s")
                        % {"status": item.get_status_display(), "item": item.intervention_name},
                    )
                )
    for job in found["jobs"]:
        events.append(
            Event(job.start_date, "job", _("Started work at %(employer)s") % {"employer": job.employer})
        )
    for checkpoint in found["checkpoints"]:
        if checkpoint.verified_at is None:
            continue
        met = _("outcome met") if checkpoint.outcome_met else _("outcome not met")
        events.append(
            Event(
                checkpoint.verified_at,
                "checkpoint",
                _("%(months)s-month checkpoint verified: %(met)s")
                % {"months": checkpoint.months, "met": met},
            )
        )
    for note in found["notes"]:
        events.append(Event(note.created_at, "note", note.text))
    for assignment in found["assignments"]:
        events.append(
            Event(
                assignment.started_at,
                "assignment",
                _("Assigned to %(name)s") % {"name": assignment.practitioner.get_full_name()},
            )
        )
    return sorted(events, key=lambda event: event.sort_key, reverse=True)


def pathway_query(assessments, plan) -> str:
    """The pathway explorer's query for the client: from the last occupation of their latest completed
    assessment, with their Holland code, to their plan's career goal (empty without a last occupation)."""
    completed = [a for a in assessments if a.status == "completed" and a.completed_at]
    latest = max(completed, key=lambda a: a.completed_at, default=None)
    origin = (latest.answers.get("last_occupation") if latest else None) or ""
    if not origin or origin == "prefer_not":
        return ""
    query = {"origin": origin, "interests": latest.scores.get("holland_code", "")}
    if plan is not None and plan.career_goal_id and plan.career_goal_id != origin:
        query["goal"] = plan.career_goal_id
    return urlencode(query)


def case_file(user, client: Client) -> dict:
    """What the case file page shows of the client, each part within the user's scope, read once."""
    plans = list(
        ActionPlan.objects.restrict(user)
        .filter(client=client)
        .select_related("career_goal")
        .prefetch_related("items")
    )
    plan = next((p for p in plans if p.status == "active"), plans[0] if plans else None)
    assessments = list(Assessment.objects.restrict(user).filter(client=client).select_related("provider"))
    assignments = list(Assignment.objects.restrict(user).filter(client=client).select_related("practitioner"))
    jobs = list(Job.objects.restrict(user).filter(client=client).select_related("occupation"))
    found = {
        "plans": plans,
        "plan": plan,
        "items": list(plan.items.all()) if plan else [],
        "pathway": pathway_query(assessments, plan),
        "episodes": list(Episode.objects.restrict(user).filter(client=client).select_related("provider")),
        "assessments": assessments,
        "jobs": jobs,
        # A checkpoint is seen through its job's client, as the job is: no job seen, no checkpoint to read.
        "checkpoints": list(
            Checkpoint.objects.restrict(user).filter(job__client=client).select_related("job")
        )
        if jobs
        else [],
        "notes": list(Note.objects.restrict(user).filter(client=client).select_related("author")[:20]),
        "tasks": list(
            CaseTask.objects.restrict(user)
            .filter(client=client, done_at__isnull=True)
            .select_related("assigned_to")
        ),
        "assignments": assignments,
        "assignment": next((a for a in assignments if a.ended_at is None), None),
        "referrals": Referral.objects.restrict(user).filter(client=client).select_related("provider"),
    }
    found["events"] = timeline(user, client, found)
    found["career_change"] = career_change.change(assessments)
    found["exit_measure_due"] = career_change.exit_measure_due(found["episodes"], assessments)
    return found
