"""A simulated province in the operational database (docs/synth.md, "Loading into the app").

``load(clients, seed)`` simulates ``clients`` referred people with ``careerlens.analytics.synth`` and
bulk-creates, through the app's own models, their client records (with invented names), program
memberships, social-assistance spells, referral-status consents for the referring offices, one referral
each to a provider of the demo network, and each referral's status log, consistent with the simulated
episode (referred → accepted → intake booked → intake done → closed at exit; or declined, or closed
before intake when the simulation says the referral never reached intake); then their casework
(``careerlens.demo.casework``: episodes, assessments, action plans, jobs and checkpoints, the
practitioners and their assignments).

All of it in one transaction, with one audit entry for the whole load (bulk inserts send no per-row
signals). That entry is also the marker: a second call finds it and loads nothing.
"""

from __future__ import annotations

import datetime as dt
import time
import zoneinfo
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from careerlens.accounts.models import Organisation
from careerlens.analytics.synth import simulate, writer
from careerlens.audit.models import AuditAction, AuditEntry
from careerlens.audit.services import record_event
from careerlens.clients.choices import (
    Answer,
    AssistanceProgram,
    ConsentTopic,
    Gender,
    Language,
    Program,
    ReferralSource,
    ReferralStatus,
)
from careerlens.clients.models import (
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    ReferralTransition,
)
from careerlens.demo import casework, names

DEFAULT_CLIENTS = 5000
MAX_CLIENTS = 100_000  # bulk inserts of a few hundred thousand rows; the simulation itself goes further
SEED = 1
BATCH = 2000
SIMULATED_YEAR_END = dt.date(2025, 12, 31)  # referrals fall in 2025 in the simulation
MARKER = "province"  # the key of the load's audit entry detail that marks a loaded province

GENDERS = {
    "woman": Gender.WOMAN,
    "man": Gender.MAN,
    "gender_diverse": Gender.NON_BINARY,
    "prefer_not_to_answer": Gender.PREFER_NOT,
}
ANSWERS = {"yes": Answer.YES, "no": Answer.NO, "prefer_not_to_answer": Answer.PREFER_NOT}
OFFICES = {"ontario_works_office": "ow", "odsp_office": "odsp"}  # referral source → office code suffix
CONSENT_SHARE = 0.85  # caseworker referrals where the client agreed that the office sees the status

# Reasons written in the status log (data, in the client's language of service).
DECLINED = (
    ("The client lives outside our service area.", "Le client habite hors de notre territoire."),
    ("The client chose another provider.", "Le client a choisi un autre fournisseur."),
)
NO_CONTACT = ("No answer after three contact attempts.", "Aucune réponse après trois tentatives de contact.")
NO_SHOW = ("Did not come to the intake appointment.", "Ne s’est pas présenté au rendez-vous d’accueil.")
EXITS = {
    "employed": ("Employed.", "En emploi."),
    "plan_completed": ("Action plan completed.", "Plan d’action terminé."),
    "disengaged": ("No contact for several months.", "Aucun contact depuis plusieurs mois."),
}

CLIENT_COLUMNS = (
    "client_id", "catchment", "program", "employed_at_referral", "age", "gender", "indigenous",
    "francophone", "racialized", "race", "disability", "born_outside_canada", "years_since_arrival",
    "newcomer", "months_out_of_work", "prior_ow_spells",
)  # fmt: skip


@dataclass
class Result:
    key: str
    loaded: bool  # False when the province was already there (counts are then those of the first load)
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


def province_key(seed: int, clients: int) -> str:
    return f"sim-{seed}-{clients}"


def loaded_province() -> AuditEntry | None:
    """The audit entry of the province already loaded, if any."""
    return AuditEntry.objects.filter(detail__has_key=MARKER).order_by("pk").first()


def load(clients: int = DEFAULT_CLIENTS, seed: int = SEED, as_of: dt.date | None = None) -> Result:
    """Simulate and load a province of ``clients`` people (none if 0); skip if one is already loaded.

    The simulated year of referrals ends on ``as_of`` (default yesterday); statuses and dates after it
    are not written: an episode still running stays "intake done", a membership still running has no
    end, a referral made in the last days may still be "sent". Call it inside ``acting_as(...)``.
    """
    key = province_key(seed, clients)
    if clients <= 0:
        return Result(key, loaded=False)
    started = time.perf_counter()
    if (existing := loaded_province()) is not None:
        return Result(existing.detail[MARKER], loaded=False, counts=_counts(existing.detail))
    tables = writer.tables(simulate(clients, seed))
    with transaction.atomic():
        yesterday = timezone.localdate() - dt.timedelta(days=1)
        builder = _Builder(tables, seed, as_of or yesterday)
        rows = builder.build() | casework.build(tables, builder)
        for model, objects in rows.items():
            model.objects.bulk_create(objects, batch_size=BATCH)
        counts = {model._meta.model_name: len(objects) for model, objects in rows.items()}
        record_event(AuditAction.CREATE, detail={MARKER: key, "seed": seed, **counts})
    return Result(key, loaded=True, counts=counts, seconds=time.perf_counter() - started)


def _counts(detail: dict) -> dict:
    return {name: value for name, value in detail.items() if name not in (MARKER, "seed")}


def describe(result: Result) -> str:
    """One line for the demo command's output."""
    if not result.counts:
        return "Simulated province: none (--clients 0)."
    c = result.counts
    what = (
        f"{c['client']:,} clients, {c['programmembership']:,} program memberships, "
        f"{c['assistancespell']:,} social-assistance spells, {c['consent']:,} consents, "
        f"{c['referral']:,} referrals with {c['referraltransition']:,} status changes"
    )
    if "episode" in c:  # provinces loaded before casework had its models have none
        what += "; " + casework.describe(c)
    if result.loaded:
        return f"Simulated province {result.key}: {what} loaded in {result.seconds:.1f} s."
    return f"Simulated province {result.key} already loaded ({what}); kept as it is."


class _Builder:
    """Model instances (unsaved) for every table, in the order they must be inserted."""

    def __init__(self, tables: dict, seed: int, as_of: dt.date):
        # The simulated year of referrals (2025) is moved to end on ``as_of``, so that the newest
        # referrals are still waiting, recent episodes still running and older ones closed.
        self.shift = as_of - SIMULATED_YEAR_END
        self.seed = seed
        self.clients = tables["clients"].select(list(CLIENT_COLUMNS)).to_pylist()
        # The true gender and Francophone identity, for the invented names only.
        self.truth = tables["truth_clients"].select(["gender", "francophone"]).to_pylist()
        self.episodes = self.moved(tables["episodes"])
        self.ow = {row["client_id"]: row for row in self.moved(tables["ow_spells"])}
        self.as_of = as_of
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        # The app's own random stream (names, postal codes, dates the simulation does not give).
        self.random = np.random.default_rng([seed, 0x0DE0]).random((len(self.clients), 16)).tolist()
        codes = {row["provider_id"] for row in tables["providers"].to_pylist()}
        codes |= {f"{c['catchment']}-{suffix}" for c in self.clients for suffix in OFFICES.values()}
        self.organisations = {o.code: o for o in Organisation.objects.filter(code__in=codes)}
        if missing := sorted(codes - self.organisations.keys()):
            raise LookupError(f"The demo network lacks {', '.join(missing[:5])}: create it first.")

    def moved(self, table) -> list[dict]:
        """A simulated table's rows with every date moved by the shift."""
        shift, rows = self.shift, table.to_pylist()
        return [{k: v + shift if isinstance(v, dt.date) else v for k, v in row.items()} for row in rows]

    def build(self) -> dict:
        self.rows = {
            model: []
            for model in (Client, ProgramMembership, AssistanceSpell, Consent, Referral, ReferralTransition)
        }
        for person, episode, truth, u in zip(
            self.clients, self.episodes, self.truth, self.random, strict=True
        ):
            self.person(person, episode, truth, u)
        return self.rows

    def person(self, c: dict, e: dict, truth: dict, u: list[float]) -> None:
        provider = self.organisations[e["provider_id"]]
        # The self-identification questions are asked at intake (the Common Assessment): blank before.
        asked = e["intake_completed"] and e["intake_date"] <= self.as_of
        ask = lambda value: value if asked else ""  # noqa: E731
        french = provider.serves_in_french or (truth["francophone"] and u[0] < 0.5)
        language = Language.FR if french else Language.EN
        francophone_name = french or (truth["francophone"] and u[1] < 0.7)
        given = names.FIRST_FR if francophone_name else names.FIRST_EN
        first = given[{"woman": 0, "man": 1}.get(truth["gender"], int(u[0] * 2))]
        last = names.LAST_FR if francophone_name else names.LAST_EN
        referred = e["referral_date"]
        source, office = self.source(c, e)
        years = c["years_since_arrival"]
        client = Client(
            first_name=first[int(u[2] * len(first))],
            last_name=last[int(u[3] * len(last))],
            date_of_birth=referred - dt.timedelta(days=int(c["age"] * 365.25 + u[4] * 364)),
            postal_code=self.postal_code(c["catchment"], u),
            catchment_id=c["catchment"],
            language=language,
            francophone=ask(ANSWERS.get(c["francophone"], "")),
            indigenous=ask(ANSWERS.get(c["indigenous"], "")),
            newcomer=ask(self.newcomer(c)),
            arrival_year=referred.year - years if asked and c["newcomer"] and years is not None else None,
            disability=ask(self.disability(c["disability"])),
            racialized=ask(self.racialized(c)),
            gender=ask(GENDERS.get(c["gender"], "")),
            registered_by=office or provider,
        )
        self.rows[Client].append(client)
        self.programs(client, c, e, u)
        referral = Referral(client=client, source=source, from_organisation=office, provider=provider)
        self.rows[Referral].append(referral)
        self.timeline(referral, e, u, language)
        if office is not None and u[9] < CONSENT_SHARE:
            consent = Consent(
                client=client,
                organisation=office,
                topic=ConsentTopic.REFERRAL_STATUS,
                granted_at=referral.created_at,
            )
            self.rows[Consent].append(consent)

    def source(self, c: dict, e: dict) -> tuple[str, Organisation | None]:
        simulated = e["referral_source"]
        if simulated in OFFICES:
            return ReferralSource.CASEWORKER, self.organisations[f"{c['catchment']}-{OFFICES[simulated]}"]
        if simulated == "community_agency":
            return ReferralSource.PROVIDER, None  # an agency outside the IES network
        return (ReferralSource.CHECKUP if c["employed_at_referral"] else ReferralSource.CLIENT), None

    def postal_code(self, catchment: str, u: list[float]) -> str:
        areas, letters = names.POSTAL_AREAS[catchment], names.POSTAL_LETTERS
        pick = lambda chars, x: chars[int(x * len(chars))]  # noqa: E731
        return (
            f"{pick(areas, u[5])}{pick(letters, u[6])} "
            f"{int(u[7] * 10)}{pick(letters, u[8])}{int(u[6] * 97) % 10}"
        )

    @staticmethod
    def newcomer(c: dict) -> str:
        if c["newcomer"] is None:
            return Answer.PREFER_NOT
        return Answer.YES if c["newcomer"] else Answer.NO

    @staticmethod
    def racialized(c: dict) -> str:
        if c["racialized"] is None:
            return Answer.PREFER_NOT
        return Answer.YES if c["racialized"] else Answer.NO

    @staticmethod
    def disability(answer: str | None) -> str:
        if answer is None:
            return ""
        return {"none": Answer.NO, "prefer_not_to_answer": Answer.PREFER_NOT}.get(answer, Answer.YES)

    def past(self, day: dt.date | None) -> dt.date | None:
        return day if day is not None and day <= self.as_of else None

    def programs(self, client: Client, c: dict, e: dict, u: list[float]) -> None:
        """Memberships (Employment Ontario from intake; OW, ODSP or EI at referral) and OW/ODSP spells."""
        referred, program = e["referral_date"], c["program"]
        member = self.rows[ProgramMembership].append
        spell = self.rows[AssistanceSpell].append
        if e["intake_completed"] and e["intake_date"] <= self.as_of:
            end = self.past(e["exit_date"])
            member(
                ProgramMembership(
                    client=client, program=Program.EO, start_date=e["intake_date"], end_date=end
                )
            )
        months_out = max(1, c["months_out_of_work"])
        if program == "ontario_works":
            start = referred - dt.timedelta(days=int(30.44 * (1 + u[10] * min(months_out, 36))))
            left = self.ow.get(c["client_id"])
            end = self.past(left["exit_date"]) if left else None
            member(ProgramMembership(client=client, program=Program.OW, start_date=start, end_date=end))
            spell(
                AssistanceSpell(client=client, program=AssistanceProgram.OW, start_date=start, end_date=end)
            )
            if end is not None and (back := self.past(left["return_date"])) is not None:
                member(ProgramMembership(client=client, program=Program.OW, start_date=back))
                spell(AssistanceSpell(client=client, program=AssistanceProgram.OW, start_date=back))
        elif program == "odsp":
            start = referred - dt.timedelta(days=int(365.25 * (1 + u[10] * 9)))
            member(ProgramMembership(client=client, program=Program.ODSP, start_date=start))
            spell(AssistanceSpell(client=client, program=AssistanceProgram.ODSP, start_date=start))
        elif program == "ei":
            start = referred - dt.timedelta(days=int(30.44 * months_out * (0.5 + 0.5 * u[10])))
            end = self.past(start + dt.timedelta(weeks=int(26 + u[11] * 19)))
            member(ProgramMembership(client=client, program=Program.EI, start_date=start, end_date=end))
        # Earlier Ontario Works spells, going back in time from three months before referral.
        cursor = referred - dt.timedelta(days=int(30.44 * (3 + months_out)))
        for k in range(c["prior_ow_spells"]):
            x = u[(12 + k) % 16]
            end = cursor - dt.timedelta(days=int(60 + x * 600))
            start = end - dt.timedelta(days=int(60 + (1 - x) * 480))
            spell(
                AssistanceSpell(client=client, program=AssistanceProgram.OW, start_date=start, end_date=end)
            )
            cursor = start

    def timeline(self, referral: Referral, e: dict, u: list[float], language: str) -> None:
        """The referral's status log, from the simulated episode; statuses after ``as_of`` are left out."""
        fr = language == Language.FR
        day = lambda base, days: base + dt.timedelta(days=int(days))  # noqa: E731
        referred = e["referral_date"]
        steps = [("", ReferralStatus.SENT, referred, "")]
        accepted = day(referred, 1 + u[12] * 3)
        if e["intake_completed"]:
            intake = e["intake_date"]
            accepted = min(accepted, intake)
            booked = day(accepted, u[13] * (intake - accepted).days)
            steps += [
                (ReferralStatus.SENT, ReferralStatus.ACCEPTED, accepted, ""),
                (ReferralStatus.ACCEPTED, ReferralStatus.INTAKE_BOOKED, booked, ""),
                (ReferralStatus.INTAKE_BOOKED, ReferralStatus.INTAKE_DONE, intake, ""),
            ]
            if e["exit_date"] is not None:
                reason = EXITS[e["exit_reason"]][fr]
                steps.append((ReferralStatus.INTAKE_DONE, ReferralStatus.CLOSED, e["exit_date"], reason))
        elif u[14] < 0.3:
            reason = DECLINED[int(u[15] * len(DECLINED))][fr]
            steps.append((ReferralStatus.SENT, ReferralStatus.DECLINED, day(referred, 1 + u[13] * 5), reason))
        elif u[14] < 0.65:
            steps += [
                (ReferralStatus.SENT, ReferralStatus.ACCEPTED, accepted, ""),
                (
                    ReferralStatus.ACCEPTED,
                    ReferralStatus.CLOSED,
                    day(accepted, 14 + u[13] * 28),
                    NO_CONTACT[fr],
                ),
            ]
        else:
            booked = day(accepted, 2 + u[13] * 10)
            steps += [
                (ReferralStatus.SENT, ReferralStatus.ACCEPTED, accepted, ""),
                (ReferralStatus.ACCEPTED, ReferralStatus.INTAKE_BOOKED, booked, ""),
                (
                    ReferralStatus.INTAKE_BOOKED,
                    ReferralStatus.CLOSED,
                    day(booked, 7 + u[15] * 14),
                    NO_SHOW[fr],
                ),
            ]
        moment = None
        for index, (before, after, date, reason) in enumerate(steps):
            if index and date > self.as_of:
                break
            at = dt.datetime.combine(date, dt.time(9 + int(u[index] * 7), int(u[index + 4] * 60)), self.zone)
            moment = at if moment is None else max(at, moment + dt.timedelta(minutes=20))
            if not index:
                referral.created_at = moment
            referral.status, referral.status_changed_at = after, moment
            self.rows[ReferralTransition].append(
                ReferralTransition(
                    referral=referral, from_status=before, to_status=after, at=moment, reason=reason
                )
            )
