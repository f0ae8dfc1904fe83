"""Reads for the segmentation pages: versions, the overrides report (an aggregate, small cells hidden) and
the SSM's outreach list (only people who opted in and consented to be contacted)."""

from __future__ import annotations

import datetime

import pyarrow as pa
from django.conf import settings
from django.utils import timezone

from careerlens.accounts.roles import Role
from careerlens.analytics.segmentation import early_warning
from careerlens.analytics.segmentation.overrides import report
from careerlens.clients.models import is_admin, provider_of
from careerlens.segmentation.models import STAFF, EarlyWarningEnrolment, StreamDecision

REPORT_ROLES = (Role.PROVIDER_MANAGER, Role.SSM_MANAGER, Role.ANALYST, Role.ADMINISTRATOR)
OUTREACH_ROLES = (Role.SSM_MANAGER, Role.ADMINISTRATOR)
REPORT_BY = (
    "practitioner",
    "provider",
    "age_band",
    "gender",
    "francophone",
    "indigenous",
    "newcomer",
    "disability",
    "racialized",
)


def _role(user) -> str:
    return Role.ADMINISTRATOR if is_admin(user) else user.role


def may_read_cards(user) -> bool:
    return user.is_authenticated and user.is_active and (_role(user) in STAFF or is_admin(user))


def may_see_report(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in REPORT_ROLES


def may_see_outreach(user) -> bool:
    return user.is_authenticated and user.is_active and _role(user) in OUTREACH_ROLES


def age_band(born: datetime.date, on: datetime.date) -> str:
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for low, label in ((65, "65+"), (55, "55-64"), (45, "45-54"), (35, "35-44"), (25, "25-34")):
        if age >= low:
            return label
    return "16-24"


def _decisions_for_report(user):
    """The decisions an aggregate may count: the provider's, the catchment's, or all."""
    decisions = StreamDecision.objects.select_related("client", "episode__provider", "decided_by")
    role = _role(user)
    if role == Role.PROVIDER_MANAGER:
        return decisions.filter(episode__provider=provider_of(user))
    if role == Role.SSM_MANAGER:
        return decisions.filter(client__catchment=user.catchment)
    return decisions


def overrides_report(user) -> dict[str, list[dict]]:
    today = timezone.localdate()
    rows = []
    for d in _decisions_for_report(user).exclude(proposed_stream=""):
        client = d.client
        rows.append(
            {
                "proposed_stream": d.proposed_stream,
                "final_stream": d.final_stream,
                "practitioner": d.decided_by.get_full_name() if d.decided_by else None,
                "provider": d.episode.provider.name if d.episode else None,
                "age_band": age_band(client.date_of_birth, today),
                **{name: getattr(client, name) or None for name in REPORT_BY[3:]},
            }
        )
    if not rows:
        return {}
    table = pa.Table.from_pylist(rows)
    threshold = settings.SMALL_CELL_THRESHOLD
    return {
        by: [row for row in report(table, by, min_cell=threshold) if row["decisions"] >= threshold]
        for by in REPORT_BY
    }


def outreach_list(user) -> list[dict]:
    """The outreach list of the SSM manager's catchment (an administrator: every catchment)."""
    today = timezone.localdate()
    enrolments = (
        EarlyWarningEnrolment.objects.restrict(user)
        .filter(consent_to_contact=True, withdrawn_at__isnull=True)
        .select_related("client", "occupation")
    )
    people, by_id = [], {}
    for e in enrolments:
        born = e.client.date_of_birth
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        people.append(
            {
                "person_id": e.pk,
                "catchment": e.client.catchment_id,
                "noc": e.occupation_id,
                "age": age,
                "tenure_years": float(e.tenure_years),
                "years_since_training": float(e.years_since_training),
                "opted_in": True,
                "consent_to_contact": True,
            }
        )
        by_id[e.pk] = e
    catchments = {p["catchment"] for p in people}
    found = []
    for catchment in sorted(catchments):
        for row in early_warning.outreach(people, catchment):
            found.append({**row, "enrolment": by_id[row["person_id"]]})
    return sorted(found, key=lambda row: -row["score"])
