"""The simulated province's casework in the operational database (docs/synth.md, "Loading into the app").

``build(tables, province)`` turns the simulated episodes, assessments, interventions, jobs, checkpoints and
practitioners into unsaved casework and network records for the clients the province builder has just
made: the practitioners' accounts and profiles, an episode per client who reached intake, the common
assessment at intake and at exit, an action plan with one item per simulated intervention, jobs with their
four checkpoints, and the assignments. Dates are the province's (moved by the same shift); nothing after
the as-of date is written. The demo ``practitioner`` account takes a share of its provider's clients.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
from django.conf import settings
from django.contrib.auth.hashers import make_password

from careerlens.accounts.models import Organisation, User
from careerlens.accounts.roles import OrganisationKind, Role
from careerlens.casework import ies
from careerlens.casework import instrument as common_assessment
from careerlens.casework.catalogue import intervention
from careerlens.casework.choices import (
    AssessmentStatus,
    Evidence,
    ExitReason,
    ItemStatus,
    Occasion,
    PlanStatus,
)
from careerlens.casework.instrument import PREFER_NOT
from careerlens.casework.models import ActionPlan, Assessment, Checkpoint, Episode, Job, PlanItem
from careerlens.casework.services.jobs import add_months
from careerlens.clients.models import Client, Referral, provider_of
from careerlens.demo import names
from careerlens.network.models import Assignment, PractitionerProfile
from careerlens.reference.occupations import Occupation

if TYPE_CHECKING:
    from careerlens.demo.province import _Builder

DEMO_PRACTITIONER = "practitioner"  # the demo account (demo/accounts.py) that takes a share of clients
CASELOAD_OPEN = 30  # open clients the demo practitioner takes from its provider's practitioners
VERIFY_LAG_DAYS = (3, 60)  # a checkpoint is verified this many days after it falls due (uniform)

INTERVENTIONS = {  # simulated intervention → catalogue code (casework/data/interventions.json)
    "job_search": "job_search_workshop",
    "career_counselling": "career_counselling",
    "skills_training": "better_jobs_ontario",
    "work_placement": "work_placement",
    "basic_skills": "literacy_basic_skills",
}
EXITS = {reason: ExitReason(reason) for reason in ("employed", "plan_completed", "disengaged")}  # same codes
PLAN_AT_EXIT = {"employed": PlanStatus.COMPLETED, "plan_completed": PlanStatus.COMPLETED}
EVIDENCE = {
    "pay_stub": Evidence.PAY_STUB, "employer_letter": Evidence.EMPLOYER_LETTER,
    "self_report_only": Evidence.SELF_REPORT, "none": Evidence.NONE,
}  # fmt: skip
# Assignment end reasons (data, in the client's language of service).
ENDED = {
    "exit": ("Services ended.", "Fin des services."),
    "follow_up": ("12-month follow-up done.", "Suivi de 12 mois terminé."),
}
# Invented employers: a place-like name and a kind of business by NOC broad category (first digit).
EMPLOYER_NAMES = (
    "Aldergrove", "Bluestone", "Cedar Ridge", "Glenview", "Great Lakes", "Huron", "Lakeshore",
    "Laurentian", "Maplewood", "Northbrook", "Pinecrest", "Riverside", "Trillium", "Northern Lights",
)  # fmt: skip
EMPLOYER_KINDS = {
    "0": ("Group", "Groupe"), "1": ("Business Services", "Services aux entreprises"),
    "2": ("Engineering", "Ingénierie"), "3": ("Health Centre", "Centre de santé"),
    "4": ("Community Services", "Services communautaires"), "5": ("Media", "Médias"),
    "6": ("Retail", "Commerce de détail"), "7": ("Construction", "Construction"), "8": ("Farms", "Fermes"),
    "9": ("Manufacturing", "Fabrication"),
}  # fmt: skip
CLIENT_COLUMNS = (
    "program", "employed_at_referral", "disability", "dependants", "declined_dependants", "education",
    "language_barrier", "housing_unstable", "months_out_of_work", "prior_noc", "past_hourly_wage",
    "declined_past_wage", "goal_hourly_wage", "declined_goal_wage",
)  # fmt: skip
MODELS = (User, PractitionerProfile, Episode, Assessment, ActionPlan, PlanItem, Job, Checkpoint, Assignment)


def describe(counts: dict) -> str:
    """The casework part of the demo command's line."""
    return (
        f"{counts['episode']:,} episodes, {counts['assessment']:,} assessments, "
        f"{counts['actionplan']:,} action plans with {counts['planitem']:,} items, {counts['job']:,} jobs "
        f"with {counts['checkpoint']:,} checkpoints, {counts['user']:,} practitioners' accounts and "
        f"{counts['assignment']:,} assignments"
    )


def build(tables: dict, province: _Builder) -> dict:
    """Unsaved casework and network records for the province's clients, in the order they must be
    inserted (after the province's own)."""
    return _Casework(tables, province).build()


def _money(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(f"{value:.2f}")


def _items(mean: float) -> list[int]:
    """Three whole 1–5 answers whose mean is the nearest to a simulated dimension mean."""
    total = min(15, max(3, round(3 * mean)))
    return [total // 3 + (1 if k < total % 3 else 0) for k in range(3)]


class _Casework:
    def __init__(self, tables: dict, province: _Builder):
        self.p = province
        self.as_of = province.as_of
        self.people = tables["clients"].select(list(CLIENT_COLUMNS)).to_pylist()
        self.assessments = province.moved(tables["assessments"])
        self.interventions = province.moved(tables["interventions"])
        self.jobs = province.moved(tables["jobs"])
        self.checks = {(c["job_id"], c["months"]): c for c in province.moved(tables["checkpoints"])}
        self.practitioners = tables["practitioners"].to_pylist()
        self.french = {r["provider_id"] for r in tables["providers"].to_pylist() if r["serves_in_french"]}
        # The app's own random stream for what the simulation does not give (answers, lags, names).
        self.random = np.random.default_rng([province.seed, 0xCA5E]).random((len(self.people), 20)).tolist()
        self.occupations = {code: (teer, minor) for code, teer, minor in Occupation.objects.values_list(
            "code", "teer", "minor_group_id"
        )}  # fmt: skip
        needed = {j["noc"] for j in self.jobs} | {c["prior_noc"] for c in self.people if c["prior_noc"]}
        if missing := sorted(needed - self.occupations.keys()):
            raise LookupError(f"The reference data lacks NOC {', '.join(missing[:5])}: load it first.")
        self.zone = province.zone
        self.answers: dict[int, dict] = {}  # intake answers by client index, for the exit assessment too
        self.demo: User | None = None
        self.rows: dict = {model: [] for model in MODELS}

    def at(self, day: dt.date, hour: float) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(int(hour), int(hour % 1 * 60)), self.zone)

    def past(self, day: dt.date | None) -> dt.date | None:
        return day if day is not None and day <= self.as_of else None

    def build(self) -> dict:
        users = self.accounts()
        episodes = {
            index: e
            for index, e in enumerate(self.p.episodes)
            if e["intake_completed"] and e["intake_date"] <= self.as_of
        }
        by_client = defaultdict(list)
        for row in self.interventions:
            by_client[row["client_id"]].append(row)
        jobs = {j["client_id"]: j for j in self.jobs if j["start_date"] <= self.as_of}
        served = self.share(episodes)
        delivered = defaultdict(set)
        for index, e in episodes.items():
            user = served.get(index) or users[e["practitioner_id"]]
            cid = e["client_id"]
            episode = self.episode(index, e, user)
            answers = self.intake_answers(index)
            plan = self.plan(episode, e, jobs.get(cid), user)
            for row in by_client[cid]:
                delivered[user.username].add(INTERVENTIONS[row["intervention"]])
                self.item(plan, row, e)
            if cid in jobs:
                self.job(episode, jobs[cid], plan, answers, user, index)
            self.assignment(episode, e, jobs.get(cid), user)
        self.assess(episodes, served, users, jobs)
        self.profiles(users, delivered)
        return self.rows

    def accounts(self) -> dict[str, User]:
        """A practitioner account per simulated practitioner, at the provider's first site."""
        sites = {}
        all_sites = Organisation.objects.filter(kind=OrganisationKind.SITE).order_by("pk")
        for site in all_sites.select_related("parent"):
            sites.setdefault(site.parent.code, site)
        users = {}
        for number, row in enumerate(self.practitioners):
            provider = row["provider_id"]
            french = provider in self.french
            first = (names.FIRST_FR if french else names.FIRST_EN)[number % 2]
            last = names.LAST_FR if french else names.LAST_EN
            site = sites[provider]
            user = User(
                username=row["practitioner_id"],
                role=Role.PRACTITIONER,
                first_name=first[(number * 7) % len(first)],
                last_name=last[(number * 11) % len(last)],
                organisation=site,
                home_catchment_id=site.catchment_id,
                preferred_language="fr" if french else "en",
                email=f"{row['practitioner_id']}@careerlens.example",
                password=make_password(None),
            )
            users[row["practitioner_id"]] = user
            self.rows[User].append(user)
        return users

    def share(self, episodes: dict) -> dict:
        """The demo practitioner's share: its provider's clients in client order until it has
        ``CASELOAD_OPEN`` open ones (their closed neighbours come along). Episode index → the account."""
        demo = User.objects.filter(username=DEMO_PRACTITIONER, role=Role.PRACTITIONER).first()
        provider = provider_of(demo) if demo else None
        if provider is None:
            return {}
        taken, open_ = {}, 0
        for index, e in episodes.items():
            if open_ >= CASELOAD_OPEN:
                break
            if e["provider_id"] == provider.code:
                taken[index] = demo
                open_ += self.past(e["exit_date"]) is None
        self.demo = demo if taken else None
        return taken

    def episode(self, index: int, e: dict, user: User) -> Episode:
        closed = self.past(e["exit_date"])
        episode = Episode(
            client=self.p.rows[Client][index],
            provider=self.p.organisations[e["provider_id"]],
            referral=self.p.rows[Referral][index],
            opened_on=e["intake_date"],
            stream=e["stream"] or "",
            closed_on=closed,
            exit_reason=EXITS[e["exit_reason"]] if closed else "",
            opened_by=user,
        )
        self.rows[Episode].append(episode)
        return episode

    def intake_answers(self, index: int) -> dict:
        """The answers the simulation gives at intake (life stabilization and employment), with the
        rest filled plausibly from the client's own random numbers."""
        c, u = self.people[index], self.random[index]
        program = c["program"]
        answers = {f"riasec_{letter.lower()}{k}": 1 + int(u[2 * i + k - 1] * 5) for i, letter in
                   enumerate(common_assessment.RIASEC) for k in (1, 2)}  # fmt: skip
        if c["employed_at_referral"]:
            income = "yes"
        elif program in ("ontario_works", "odsp"):
            income = "no" if u[12] < 0.6 else "partly"
        else:
            income = "partly" if program == "ei" or u[12] < 0.5 else "yes"
        if c["declined_dependants"]:
            child_care = PREFER_NOT
        else:
            child_care = "not_needed" if not c["dependants"] else ("arranged" if u[13] < 0.6 else "needed")
        health = {"none": "no", "prefer_not_to_answer": PREFER_NOT, None: "no"}.get(
            c["disability"], "somewhat" if u[14] < 0.6 else "a_lot"
        )
        answers |= {
            "housing": "unstable" if c["housing_unstable"] else ("at_risk" if u[15] < 0.05 else "stable"),
            "income": income,
            "transportation": "yes" if u[16] < 0.8 else ("sometimes" if u[16] < 0.95 else "no"),
            "child_care": child_care,
            "health": health,
            "language_training": "yes" if c["language_barrier"] else "no",
            "situation": "employed"
            if c["employed_at_referral"]
            else ("unemployed" if c["prior_noc"] else "never_worked"),
            "months_out_of_work": int(c["months_out_of_work"]),
            "education": {"prefer_not_to_answer": PREFER_NOT}.get(c["education"], c["education"]),
        }
        if c["prior_noc"]:
            answers["last_occupation"] = c["prior_noc"]
        for key, declined in (("past", "declined_past_wage"), ("goal", "declined_goal_wage")):
            wage = c[f"{key}_hourly_wage"]
            question = "last_hourly_wage" if key == "past" else "goal_hourly_wage"
            if c[declined]:
                answers[question] = PREFER_NOT
            elif wage is not None:
                answers[question] = f"{wage:.2f}"
        self.answers[index] = answers
        return answers

    def assess(self, episodes: dict, served: dict, users: dict, jobs: dict) -> None:
        """The common assessment at intake and at exit, where the simulation has one by the as-of date."""
        version = common_assessment.CURRENT_VERSION
        validity = dt.timedelta(days=common_assessment.instrument(version).validity_days)
        for row in self.assessments:
            index = row["client_id"] - 1
            day = row["assessment_date"]
            if index not in episodes or day > self.as_of:
                continue
            e = episodes[index]
            answers = dict(self.answers[index])
            answers |= {k: int(v) for k, v in row.items() if k.startswith("cm_")}
            answers["self_efficacy"] = int(row["self_efficacy"])
            for dimension in common_assessment.ADAPTABILITY:
                for k, value in enumerate(_items(row[f"adapt_{dimension}"]), start=1):
                    answers[f"adapt_{dimension}{k}"] = value
            exit_ = row["occasion"] == "exit"
            job = jobs.get(row["client_id"])
            if exit_ and job is not None and job["start_date"] <= day:
                answers |= {"situation": "employed", "months_out_of_work": 0}
            started = self.at(day, 9.5 + self.random[index][17] * 6)
            self.rows[Assessment].append(
                Assessment(
                    client=self.p.rows[Client][index],
                    provider=self.p.organisations[e["provider_id"]],
                    instrument_version=version,
                    occasion=Occasion.EXIT if exit_ else Occasion.INTAKE,
                    status=AssessmentStatus.COMPLETED,
                    answers=answers,
                    scores=common_assessment.scores(answers, version),
                    started_at=started,
                    completed_at=started + dt.timedelta(minutes=45),
                    valid_until=day + validity,
                    assessed_by=served.get(index) or users[e["practitioner_id"]],
                )
            )

    def plan(self, episode: Episode, e: dict, job: dict | None, user: User) -> ActionPlan:
        """The career goal: the last occupation, or the job's for a client who never worked."""
        prior = self.people[e["client_id"] - 1]["prior_noc"]
        goal = prior or (job["noc"] if job else None)
        status = PlanStatus.ACTIVE
        if episode.closed_on:
            status = PLAN_AT_EXIT.get(e["exit_reason"], PlanStatus.CLOSED)
        plan = ActionPlan(
            client=episode.client,
            episode=episode,
            career_goal_id=goal,
            status=status,
            created_by=user,
            created_at=self.at(e["intake_date"], 14),
        )
        self.rows[ActionPlan].append(plan)
        return plan

    def item(self, plan: ActionPlan, row: dict, e: dict) -> None:
        started, ended = self.past(row["start_date"]), self.past(row["end_date"])
        if ended is not None:
            status = ItemStatus.COMPLETED if row["status"] == "completed" else ItemStatus.CANCELLED
        elif started is not None:
            status = ItemStatus.IN_PROGRESS
        else:
            status = ItemStatus.CANCELLED if self.past(e["exit_date"]) else ItemStatus.PLANNED
        self.rows[PlanItem].append(
            PlanItem(
                plan=plan,
                intervention=INTERVENTIONS[row["intervention"]],
                status=status,
                planned_start=row["planned_start_date"],
                planned_end=row["planned_end_date"],
                started_on=started,
                ended_on=ended,
            )
        )

    def job(self, episode: Episode, j: dict, plan: ActionPlan, answers: dict, user: User, index: int) -> None:
        """The job, with the career-quality fields computed as services.jobs.career_quality does, from the
        plan's goal and the last job of the intake assessment, and its four checkpoints."""
        teer, minor = self.occupations[j["noc"]]
        wage = _money(j["hourly_wage"])
        last = self.occupations.get(answers.get("last_occupation"))
        last_wage = answers.get("last_hourly_wage")
        goal = self.occupations.get(plan.career_goal_id)
        u = self.random[index]
        french = episode.client.language == "fr"
        kind = EMPLOYER_KINDS[j["noc"][0]][french]
        place = EMPLOYER_NAMES[int(u[18] * len(EMPLOYER_NAMES))]
        job = Job(
            client=episode.client,
            episode=episode,
            employer=f"{kind} {place}" if french else f"{place} {kind}",
            occupation_id=j["noc"],
            hours_per_week=_money(j["hours_per_week"]),
            hourly_wage=wage,
            start_date=j["start_date"],
            end_date=self.past(j["end_date"]),
            in_goal_field=None if goal is None else goal[1] == minor,
            teer_change=None if last is None else last[0] - teer,
            wage_change=None if last_wage in (None, PREFER_NOT) else wage - Decimal(last_wage),
            recorded_by=user,
            created_at=self.at(j["start_date"], 11),
        )
        self.rows[Job].append(job)
        for k, months in enumerate(settings.CHECKPOINT_MONTHS):
            self.checkpoint(job, self.checks[(j["job_id"], months)], months, user, u[k])

    def checkpoint(self, job: Job, row: dict, months: int, user: User, u: float) -> None:
        due = add_months(job.start_date, months)
        checkpoint = Checkpoint(job=job, months=months, due_date=due)
        low, high = VERIFY_LAG_DAYS
        verified = due + dt.timedelta(days=int(low + u * (high - low)))
        if verified <= self.as_of:
            employed = bool(row["employed"])
            hours = _money(row["hours_per_week"]) if employed else None
            wage = _money(row["hourly_wage"]) if employed else None
            evidence = EVIDENCE[row["evidence"]]
            checkpoint.employed, checkpoint.hours_per_week, checkpoint.hourly_wage = employed, hours, wage
            checkpoint.evidence = evidence
            checkpoint.outcome_met = ies.outcome_met(
                employed=employed, hours_per_week=hours, hourly_wage=wage, evidence=evidence, due_date=due
            )
            checkpoint.verified_by, checkpoint.verified_at = user, self.at(verified, 10 + u * 6)
        self.rows[Checkpoint].append(checkpoint)

    def assignment(self, episode: Episode, e: dict, job: dict | None, user: User) -> None:
        """From intake to exit; for a client who found a job, until its 12-month checkpoint (the
        provider follows the job up)."""
        end, reason = e["exit_date"], ENDED["exit"]
        if job is not None:
            follow_up = add_months(job["start_date"], max(settings.CHECKPOINT_MONTHS))
            end, reason = max(end, follow_up), ENDED["follow_up"]
        ended = self.past(end)
        self.rows[Assignment].append(
            Assignment(
                client=episode.client,
                practitioner=user,
                provider=episode.provider,
                started_at=self.at(e["intake_date"], 13),
                ended_at=self.at(ended, 16) if ended else None,
                reason=reason[episode.client.language == "fr"] if ended else "",
            )
        )

    def profiles(self, users: dict, delivered: dict) -> None:
        """CCDP from the simulation, French for French-language providers' staff, and the CDP competency
        areas of the interventions they deliver. The demo account gets one if it has none."""
        ccdp = {row["practitioner_id"]: row["ccdp_certified"] for row in self.practitioners}
        people = [(user, ccdp[code], ["en", "fr"] if user.preferred_language == "fr" else ["en"])
                  for code, user in users.items()]  # fmt: skip
        demo = self.demo
        if demo is not None and not PractitionerProfile.objects.filter(user=demo).exists():
            people.append((demo, True, ["en"]))
        for user, certified, languages in people:
            codes = delivered[user.username]
            areas = sorted({area for code in codes for area in intervention(code).competencies})
            self.rows[PractitionerProfile].append(
                PractitionerProfile(
                    user=user, ccdp_certified=certified, languages=languages, competency_areas=areas
                )
            )
