"""The action plan: its career goal and goals, and its items from the intervention catalogue."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from careerlens.casework.choices import ItemStatus, PlanStatus
from careerlens.casework.models import ActionPlan, PlanItem
from careerlens.casework.services.common import changeable
from careerlens.clients.models import Client


def current_plan(client: Client) -> ActionPlan | None:
    return client.plans.filter(status=PlanStatus.ACTIVE).select_related("career_goal").first()


def save_plan(actor, client: Client, *, career_goal=None, goal: str = "", status: str = PlanStatus.ACTIVE):
    """Create the client's active plan, or change it (there is one active plan at a time)."""
    changeable(actor, client)
    plan = current_plan(client) or ActionPlan(client=client, created_by=actor)
    plan.episode = plan.episode or client.episodes.filter(closed_on__isnull=True).first()
    plan.career_goal = career_goal
    plan.goal = goal
    plan.status = status
    plan.full_clean()
    plan.save()
    return plan


def add_item(
    actor,
    plan: ActionPlan,
    *,
    intervention: str,
    goal: str = "",
    planned_start: datetime.date | None = None,
    planned_end: datetime.date | None = None,
) -> PlanItem:
    changeable(actor, plan.client)
    if plan.status != PlanStatus.ACTIVE:
        raise ValidationError(_("Items are added to an active plan only."))
    item = PlanItem(
        plan=plan, intervention=intervention, goal=goal, planned_start=planned_start, planned_end=planned_end
    )
    item.full_clean()
    item.save()
    return item


def move_item(actor, item: PlanItem, status: str, on: datetime.date) -> PlanItem:
    """Change an item's status; starting and ending set their dates."""
    changeable(actor, item.plan.client)
    if status not in ItemStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    if status == ItemStatus.IN_PROGRESS and item.started_on is None:
        item.started_on = on
    if status in (ItemStatus.COMPLETED, ItemStatus.CANCELLED) and item.ended_on is None:
        item.ended_on = on
        item.started_on = item.started_on or (on if status == ItemStatus.COMPLETED else None)
    item.status = status
    item.full_clean()
    item.save()
    return item


def needed_competencies(client: Client) -> set[str]:
    """The CDP competency areas that the client's active plan needs of a practitioner."""
    plan = current_plan(client)
    if plan is None:
        return set()
    needed = set()
    for item in plan.items.exclude(status=ItemStatus.CANCELLED):
        needed |= set(item.details.competencies)
    return needed
