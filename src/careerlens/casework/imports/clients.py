"""The "clients" file: one row per client, or several rows with the same client_id to give several program
memberships. A client that matches a record the importer may change (the same client_id in this system, or
the same names and date of birth) is linked to it, not created again; the report says so."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from careerlens.casework.imports.columns import NAME_COLUMNS
from careerlens.casework.imports.fields import RowCheck, choice, date, text
from careerlens.casework.imports.reading import Row
from careerlens.casework.imports.scope import ImportContext
from careerlens.casework.models.external_ids import ExternalId, ExternalKind
from careerlens.clients import services as client_services
from careerlens.clients.choices import Language, Program
from careerlens.clients.models import Client, ProgramMembership
from careerlens.reference.models import Catchment

PERSON = (
    "first_name",
    "last_name",
    "date_of_birth",
    "postal_code",
    "catchment",
    "language",
    "email",
    "phone",
)
MEMBERSHIP_COLUMNS = {"program": "program", "start_date": "program_start", "end_date": "program_end"}
CLIENT_COLUMNS = {name: name for name in PERSON}
NOT_FROM_FILE = ["user", "registered_by", "merged_into"]


@dataclass
class ClientPlan:
    row: int
    client_id: str
    values: dict
    existing: Client | None = None
    needs_external_id: bool = True
    memberships: list[dict] = field(default_factory=list)

    def write(self, context: ImportContext) -> None:
        counts = context.report.counts
        if self.existing is None:
            client = client_services.register_client(context.actor, **self.values)
            counts["clients_created"] += 1
        else:
            client = self.existing
            counts["clients_linked"] += 1
        if self.needs_external_id:
            ExternalId.objects.create(
                system=context.system, kind=ExternalKind.CLIENT, value=self.client_id, client=client
            )
        for membership in self.memberships:
            if not client.memberships.filter(
                program=membership["program"], start_date=membership["start_date"]
            ).exists():
                client_services.add_membership(context.actor, client, **membership)
                counts["memberships"] += 1


def _person(check: RowCheck, context: ImportContext, catchments: set[str]) -> dict:
    values = {
        "first_name": check.read("first_name", text(100), required=True),
        "last_name": check.read("last_name", text(100), required=True),
        "date_of_birth": check.read("date_of_birth", date, required=True),
        "postal_code": check.read("postal_code", text(10), required=True),
        "catchment_id": check.read("catchment", choice(sorted(catchments)), required=True),
        "language": check.read("language", choice(Language.values)) or Language.EN,
        "email": check.read("email", text(254)) or "",
        "phone": check.read("phone", text(30)) or "",
    }
    catchment = values["catchment_id"]
    if catchment and not context.may_register_in(catchment):
        check.problem("catchment", _("You may register clients only in your provider's catchment."))
    client = Client(**values)
    try:
        client.full_clean(exclude=[*check.bad, *NOT_FROM_FILE])
    except ValidationError as error:
        check.model_errors(error, {**CLIENT_COLUMNS, "catchment": "catchment"})
    values["postal_code"] = client.postal_code
    return values


def _membership(check: RowCheck) -> dict | None:
    program = check.read("program", choice(Program.values))
    start = check.read("program_start", date, required=program is not None)
    end = check.read("program_end", date)
    if program is None:
        if (start or end) and "program" not in check.bad:
            check.problem("program", _("Give the program of these dates."))
        return None
    membership = {"program": program, "start_date": start, "end_date": end}
    try:
        ProgramMembership(**membership).full_clean(exclude=["client", *check.bad])
    except ValidationError as error:
        check.model_errors(error, MEMBERSHIP_COLUMNS)
    return membership


def _match(
    check: RowCheck, context: ImportContext, client_id: str, values: dict
) -> tuple[Client | None, bool]:
    """The existing record this row is, and whether its client_id must still be recorded."""
    known = (
        ExternalId.objects.filter(system=context.system, kind=ExternalKind.CLIENT, value=client_id)
        .select_related("client")
        .first()
    )
    if known is not None:
        if not context.clients.filter(pk=context.kept(known.client).pk).exists():
            check.problem("client_id", _("This client_id belongs to a record you may not change."))
            return None, False
        client = context.kept(known.client)
        context.report.notice(
            check.row.number,
            "client_id",
            client_id,
            _("Linked to record %(pk)s (same client_id)."),
            pk=client.pk,
        )
        return client, False
    matches = list(
        context.clients.filter(
            first_name__iexact=values["first_name"],
            last_name__iexact=values["last_name"],
            date_of_birth=values["date_of_birth"],
        )[:2]
    )
    if len(matches) > 1:
        check.problem(
            NAME_COLUMNS,
            _("Several of your records have these names and date of birth: merge them first."),
            shown=" ".join(str(values[name]) for name in ("first_name", "last_name", "date_of_birth")),
        )
        return None, False
    if not matches:
        return None, True
    client = matches[0]
    other = client.external_ids.filter(system=context.system, kind=ExternalKind.CLIENT).first()
    if other is not None:
        check.problem(
            "client_id",
            _("Record %(pk)s has these names and date of birth but client_id %(other)s in this system."),
            pk=client.pk,
            other=other.value,
        )
        return None, False
    context.report.notice(
        check.row.number,
        "client_id",
        client_id,
        _("Linked to record %(pk)s (same names and date of birth); its details were not changed."),
        pk=client.pk,
    )
    return client, True


def check(context: ImportContext, rows: list[Row]) -> list[ClientPlan]:
    catchments = set(Catchment.objects.values_list("code", flat=True))
    plans: dict[str, ClientPlan] = {}
    people: dict[tuple, tuple[int, str]] = {}
    for row in rows:
        check_ = RowCheck(row, context.report)
        client_id = check_.read("client_id", text(100), required=True)
        values = _person(check_, context, catchments)
        membership = _membership(check_)
        if client_id is None:
            continue
        if client_id in plans:
            _same_person(check_, plans[client_id], values)
            if membership and check_.ok:
                plans[client_id].memberships.append(membership)
            continue
        person = (
            (values["first_name"] or "").lower(),
            (values["last_name"] or "").lower(),
            values["date_of_birth"],
        )
        if check_.ok and person in people:
            check_.problem(
                "client_id",
                _("Row %(row)s has the same names and date of birth with client_id %(other)s."),
                row=people[person][0],
                other=people[person][1],
            )
        if not check_.ok:
            continue
        people[person] = (row.number, client_id)
        existing, needs_id = _match(check_, context, client_id, values)
        if check_.ok:
            plans[client_id] = ClientPlan(
                row.number, client_id, values, existing, needs_id, [membership] if membership else []
            )
    return list(plans.values())


def _same_person(check: RowCheck, plan: ClientPlan, values: dict) -> None:
    for column in PERSON:
        key = "catchment_id" if column == "catchment" else column
        if column not in check.bad and values[key] != plan.values[key]:
            check.problem(
                column, _("Row %(row)s has the same client_id with another value here."), row=plan.row
            )
