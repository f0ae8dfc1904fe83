"""The app's choices and answers turned into the codes of the analytics snapshot (docs/synth-schema.md), in
one place. Each map says, for one column, which schema code an app value becomes; a value absent from a
map is exported as null (docs/export.md, "Mapping")."""

from __future__ import annotations

from careerlens.accounts.roles import OrganisationKind
from careerlens.casework.choices import Evidence, ExitReason, ItemStatus
from careerlens.casework.instrument import PREFER_NOT
from careerlens.clients.choices import Answer, Gender, Program, ReferralSource

DECLINED = "prefer_not_to_answer"  # the schema's "prefer not to answer"

# Columns of the schema the app does not record: always null in an export (docs/export.md, "What is null").
NOT_RECORDED: dict[str, tuple[str, ...]] = {
    "clients": (
        "lgbtq", "race", "criminal_record", "born_outside_canada", "dependants", "declined_dependants",
        "current_hourly_wage", "current_hours_per_week", "declined_current_wage",
    ),
    "interventions": ("credential",),
    "jobs": ("fit_rating", "contract_type"),
    "practitioners": ("years_experience",),
}  # fmt: skip

# Self-identification answers on the client record (clients.Client): blank (not asked) → null.
YES_NO = {Answer.YES: "yes", Answer.NO: "no", Answer.PREFER_NOT: DECLINED}
YES_NO_FLAG = {Answer.YES: True, Answer.NO: False}  # racialized, newcomer: declined → null
GENDER = {
    Gender.WOMAN: "woman",
    Gender.MAN: "man",
    Gender.NON_BINARY: "gender_diverse",
    Gender.ANOTHER: "gender_diverse",
    Gender.PREFER_NOT: DECLINED,
}
# The app records whether a person has a disability, not its main type: "yes" has no schema type.
DISABILITY = {Answer.NO: "none", Answer.PREFER_NOT: DECLINED, Answer.YES: "unspecified"}

# The program at referral: the income-support or benefit membership in force that day, first found here.
PROGRAMS = ((Program.OW, "ontario_works"), (Program.ODSP, "odsp"), (Program.EI, "ei"))
NO_PROGRAM = "none"

# Who referred: the referral's source, and for a caseworker the kind of the referring office.
OFFICES = {OrganisationKind.OW_OFFICE: "ontario_works_office", OrganisationKind.ODSP_OFFICE: "odsp_office"}
REFERRAL_SOURCE = {
    ReferralSource.CLIENT: "self",
    ReferralSource.CHECKUP: "self",
    ReferralSource.PROVIDER: "community_agency",
    ReferralSource.CASEWORKER: "community_agency",  # a caseworker whose office is unknown
}

EXIT_REASON = {
    ExitReason.EMPLOYED: "employed",
    ExitReason.PLAN_COMPLETED: "plan_completed",
    ExitReason.TRAINING: "plan_completed",
    ExitReason.DISENGAGED: "disengaged",
    ExitReason.MOVED: "disengaged",
    ExitReason.OTHER: "disengaged",
}

# Intervention catalogue types (casework/data/interventions.json) → schema interventions. Catalogue items
# of the type "life_stabilization" (a referral to other services) have no schema code and are left out.
INTERVENTION_TYPES = {
    "job_search": "job_search",
    "career_counselling": "career_counselling",
    "skills_training": "skills_training",
    "work_placement": "work_placement",
    "basic_skills": "basic_skills",
}

EVIDENCE = {
    Evidence.PAY_STUB: "pay_stub",
    Evidence.EMPLOYER_LETTER: "employer_letter",
    Evidence.SELF_REPORT: "self_report_only",
    Evidence.NONE: "none",
}
NO_EVIDENCE = "none"

# Common Assessment answers (casework/data/instrument_v1.json).
EDUCATION = {
    "less_than_high_school": "less_than_high_school",
    "high_school": "high_school",
    "college_or_trades": "college_or_trades",
    "bachelor": "bachelor",
    "graduate": "graduate",
    PREFER_NOT: DECLINED,
}
EMPLOYED_SITUATIONS = ("employed", "notice")  # working at intake (a layoff notice is still work)
UNSTABLE_HOUSING = "unstable"
NEEDS_LANGUAGE_TRAINING = "yes"


def intervention_status(status: str, started: bool, ended: bool) -> str:
    """A plan item's status on the as-of date: the schema's ``completed``, ``ended_early`` (started, then
    ended without completion) or ``not_started``, and ``in_progress`` (started, not ended: the simulator,
    whose follow-up is over, never has one)."""
    if not started:
        return "not_started"
    if not ended:
        return "in_progress"
    return "completed" if status == ItemStatus.COMPLETED else "ended_early"


def answer_code(mapping: dict, value) -> str | None:
    """``mapping[value]``, or None for a blank or unknown value."""
    return mapping.get(value) if value not in (None, "") else None
