"""The "jobs" file: one row per job, for a client named by their client_id (imported before) or by their
names and date of birth. Recording a job schedules its outcome checkpoints, as on the job page."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from careerlens.casework.imports.columns import NAME_COLUMNS
from careerlens.casework.imports.fields import RowCheck, amount, date, text, yes_no
from careerlens.casework.imports.noc import NocIndex
from careerlens.casework.imports.reading import Row
from careerlens.casework.imports.scope import ImportContext
from careerlens.casework.models import Job
from careerlens.casework.models.external_ids import ExternalId, ExternalKind
from careerlens.casework.services.jobs import record_job
from careerlens.clients.models import Client

HOURS = amount(Decimal(0), Decimal(100))
WAGE = amount(Decimal(0), Decimal(1000))
JOB_COLUMNS = {
    "employer": "employer",
    "occupation": "noc2021",
    "hours_per_week": "hours_per_week",
    "hourly_wage": "hourly_wage",
    "start_date": "start_date",
    "end_date": "end_date",
    "subsidised": "subsidised",
    "subsidy_end_date": "subsidy_end_date",
}
FIELD_OF = {column: name for name, column in JOB_COLUMNS.items()} | {"noc2016": "occupation"}


@dataclass
class JobPlan:
    row: int
    job_id: str
    client: Client
    values: dict

    def write(self, context: ImportContext) -> None:
        job = record_job(context.actor, self.client, **self.values)
        ExternalId.objects.create(
            system=context.system, kind=ExternalKind.JOB, value=self.job_id, client=self.client, job=job
        )
        context.report.counts["jobs"] += 1


def find_client(check: RowCheck, context: ImportContext) -> Client | None:
    """The client of a row, among the records the importer may change: by client_id, else by names and date
    of birth."""
    client_id = check.read("client_id", text(100))
    if client_id is not None:
        known = (
            ExternalId.objects.filter(system=context.system, kind=ExternalKind.CLIENT, value=client_id)
            .select_related("client")
            .first()
        )
        client = context.kept(known.client) if known else None
        if client is None or not context.clients.filter(pk=client.pk).exists():
            check.problem(
                "client_id",
                _("No client with this client_id in %(system)s that you may change."),
                system=context.system,
            )
            return None
        return client
    first = check.read("first_name", text(100))
    last = check.read("last_name", text(100))
    born = check.read("date_of_birth", date)
    if not check.ok:
        return None
    shown = " ".join(
        value
        for value in (check.row.get("first_name"), check.row.get("last_name"), check.row.get("date_of_birth"))
        if value
    )
    if not (first and last and born):
        check.problem("client_id", _("Give the client_id, or the first name, last name and date of birth."))
        return None
    matches = list(
        context.clients.filter(first_name__iexact=first, last_name__iexact=last, date_of_birth=born)[:2]
    )
    if len(matches) != 1:
        text_ = (
            _("No client with these names and date of birth that you may change.")
            if not matches
            else _("Several of your records have these names and date of birth: give the client_id.")
        )
        check.problem(NAME_COLUMNS, text_, shown=shown)
        return None
    return matches[0]


def _job_values(check: RowCheck, index: NocIndex) -> dict:
    return {
        "employer": check.read("employer", text(200), required=True),
        "occupation": index.resolve(check),
        "hours_per_week": check.read("hours_per_week", HOURS, required=True),
        "hourly_wage": check.read("hourly_wage", WAGE, required=True),
        "start_date": check.read("start_date", date, required=True),
        "end_date": check.read("end_date", date),
        "subsidised": bool(check.read("subsidised", yes_no)),
        "subsidy_end_date": check.read("subsidy_end_date", date),
    }


def check(context: ImportContext, rows: list[Row]) -> list[JobPlan]:
    index = NocIndex()
    imported = set(
        ExternalId.objects.filter(system=context.system, kind=ExternalKind.JOB).values_list(
            "value", flat=True
        )
    )
    seen: dict[str, int] = {}
    plans = []
    for row in rows:
        check_ = RowCheck(row, context.report)
        job_id = check_.read("job_id", text(100), required=True)
        if job_id in imported:
            check_.problem(
                "job_id",
                _("A job with this job_id was already imported from %(system)s."),
                system=context.system,
            )
        elif job_id in seen:
            check_.problem("job_id", _("Row %(row)s has the same job_id."), row=seen[job_id])
        elif job_id is not None:
            seen[job_id] = row.number
        client = find_client(check_, context)
        values = _job_values(check_, index)
        excluded = {FIELD_OF[column] for column in check_.bad if column in FIELD_OF}
        excluded |= {"client"} if client is None else set()
        excluded |= {"occupation"} if values["occupation"] is None else set()
        try:
            Job(client=client, **values).full_clean(exclude=[*excluded, "episode", "recorded_by"])
        except ValidationError as error:
            check_.model_errors(error, JOB_COLUMNS)
        if check_.ok:
            plans.append(JobPlan(row.number, job_id, client, values))
    return plans
