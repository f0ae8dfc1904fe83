"""Casework pages (tests/casework/world.py holds the records): the staff of the provider that serves the
client and administrators work on the case; the client sees their own case file and plan; OW/ODSP
caseworkers, SSM managers, analysts and strangers see no casework detail; Toronto's cases are seen by
administrators only."""

from __future__ import annotations

from tests.access.matrix import TO_SIGN_IN, Row, expect, only
from tests.casework.world import build_casework

PROVIDER_SIDE = ("practitioner", "provider_manager", "administrator")
NOT_FOUND = 404


def at(template: str, **names: str):
    """A path computed from the casework world: ``at("/en/casework/clients/{pk}/", pk="people.amira.pk")``."""

    def path(world):
        case = build_casework(world)
        values = {}
        for key, attribute in names.items():
            value = case
            for part in attribute.split("."):
                value = getattr(value, part)
            values[key] = value
        return template.format(**values)

    return path


def provider_side(status: int = 200, **exceptions: int):
    return only(PROVIDER_SIDE, status, otherwise=NOT_FOUND, **{"anonymous": TO_SIGN_IN, **exceptions})


def amira(suffix: str):
    return at("/en/casework/clients/{pk}/" + suffix, pk="people.amira.pk")


def page(suffix: str, label: str, statuses=None, **kwargs) -> Row:
    return Row(amira(suffix), statuses or provider_side(), label=label, **kwargs)


JOB = {
    "employer": "Northern Steel",
    "occupation": "72106",
    "hours_per_week": "40",
    "hourly_wage": "27.50",
    "start_date": "2026-10-01",
}
ROWS = [
    Row("/en/casework/", provider_side()),
    Row("/fr/casework/?stream=B&status=all&due=on", provider_side()),
    Row("/en/casework/?stream=Z", provider_side()),  # a bad filter is ignored, never a 5xx
    page("", "case file of Amira"),
    Row(
        at("/fr/casework/clients/{pk}/", pk="people.own.pk"), provider_side(client=200), label="own case file"
    ),
    Row(
        at("/en/casework/clients/{pk}/", pk="people.jean.pk"),
        only(("administrator",), 200, NOT_FOUND, anonymous=TO_SIGN_IN),
        label="Toronto case file",
    ),
    page("episodes/new/", "open-episode form"),
    Row(
        at("/en/casework/clients/{pk}/episodes/new/", pk="people.own.pk"),
        provider_side(302, administrator=400),
        method="POST",
        data={"opened_on": "2026-11-02", "stream": "A"},
        label="open an episode",
    ),
    page(
        "episodes/new/",
        "open a second episode",
        provider_side(400),
        method="POST",
        data={"opened_on": "2026-11-02"},
    ),
    Row(
        at("/en/casework/clients/{pk}/episodes/{e}/close/", pk="people.amira.pk", e="amira.episode.pk"),
        provider_side(),
        label="close-episode form",
    ),
    Row(
        at("/en/casework/clients/{pk}/episodes/{e}/close/", pk="people.amira.pk", e="amira.episode.pk"),
        provider_side(302),
        method="POST",
        data={"closed_on": "2026-11-20", "exit_reason": "employed"},
        label="close an episode",
    ),
    page(
        "notes/new/", "add a note", provider_side(302), method="POST", data={"text": "Called the employer."}
    ),
    page("notes/new/", "add an empty note", provider_side(400), method="POST", data={"text": ""}),
    page("notes/new/", "notes form by GET", expect(405, anonymous=TO_SIGN_IN)),
    page("tasks/new/", "task form"),
    page(
        "tasks/new/",
        "add a task",
        provider_side(302),
        method="POST",
        data={"title": "Call", "due_on": "2026-12-01"},
    ),
    Row(
        at("/en/casework/clients/{pk}/tasks/{t}/done/", pk="people.amira.pk", t="amira.task.pk"),
        provider_side(302),
        method="POST",
        label="complete a task",
    ),
    page("assign/", "assignment form"),
    page(
        "assign/",
        "assign to the same practitioner",
        provider_side(400),
        method="POST",
        data={"practitioner": "0"},
    ),
    page("transfer/", "transfer form"),
    page(
        "assessments/new/",
        "start an assessment",
        provider_side(302),
        method="POST",
        data={"occasion": "exit"},
    ),
    Row(at("/en/casework/assessments/{a}/", a="amira.assessment.pk"), provider_side(), label="assessment"),
    Row(
        at("/fr/casework/assessments/{a}/", a="jean.assessment.pk"),
        only(("administrator",), 200, NOT_FOUND, anonymous=TO_SIGN_IN),
        label="Toronto assessment",
    ),
    Row(
        at("/en/casework/assessments/{a}/life_stabilization/", a="amira.draft.pk"),
        provider_side(),
        label="assessment module",
    ),
    Row(
        at("/fr/casework/assessments/{a}/interests/", a="amira.draft.pk"),
        provider_side(),
        label="assessment module in French",
    ),
    Row(
        at("/en/casework/assessments/{a}/nonsense/", a="amira.draft.pk"),
        provider_side(404),
        label="unknown assessment module",
    ),
    Row(
        at("/en/casework/assessments/{a}/life_stabilization/", a="amira.draft.pk"),
        provider_side(302),
        method="POST",
        data={"housing": "at_risk", "income": "partly", "then": "next"},
        label="save a module",
    ),
    Row(
        at("/en/casework/assessments/{a}/employment/", a="amira.draft.pk"),
        provider_side(400),
        method="POST",
        data={"months_out_of_work": "many"},
        label="save a module with a bad answer",
    ),
    Row(
        at("/en/casework/assessments/{a}/complete/", a="amira.draft.pk"),
        provider_side(302),
        method="POST",
        label="complete an unfinished assessment",
    ),
    Row(
        at("/en/casework/clients/{pk}/assessments/{a}/reuse/", pk="people.amira.pk", a="amira.assessment.pk"),
        provider_side(302),
        method="POST",
        label="reuse an assessment",
    ),
    page("plan/", "plan form"),
    page(
        "plan/",
        "save the plan",
        provider_side(302),
        method="POST",
        data={"career_goal": "72106", "goal": "Weld"},
    ),
    page(
        "plan/",
        "save the plan with an unknown goal",
        provider_side(400),
        method="POST",
        data={"career_goal": "99999"},
    ),
    Row(
        at("/en/casework/clients/{pk}/plans/{p}/items/new/", pk="people.amira.pk", p="amira.plan.pk"),
        provider_side(),
        label="plan item form",
    ),
    Row(
        at("/en/casework/clients/{pk}/plans/{p}/items/new/", pk="people.amira.pk", p="amira.plan.pk"),
        provider_side(302),
        method="POST",
        data={"intervention": "job_matching"},
        label="add a plan item",
    ),
    Row(
        at("/en/casework/clients/{pk}/items/{i}/status/", pk="people.amira.pk", i="amira.item.pk"),
        provider_side(302),
        method="POST",
        data={"status": "in_progress"},
        label="start a plan item",
    ),
    Row(
        at("/en/casework/clients/{pk}/plans/{p}/print/", pk="people.amira.pk", p="amira.plan.pk"),
        provider_side(),
        label="printable plan",
    ),
    Row(
        at("/en/casework/clients/{pk}/plans/{p}/print/?format=pdf", pk="people.amira.pk", p="amira.plan.pk"),
        provider_side(),
        label="plan as PDF",
    ),
    Row(
        at("/fr/casework/clients/{pk}/plans/{p}/print/", pk="people.own.pk", p="own_plan.pk"),
        provider_side(client=200),
        label="own printable plan",
    ),
    page("jobs/new/", "job form"),
    page("jobs/new/", "record a job", provider_side(302), method="POST", data=JOB),
    page(
        "jobs/new/",
        "record a job with bad hours",
        provider_side(400),
        method="POST",
        data={**JOB, "hours_per_week": "0"},
    ),
    Row(
        at("/en/casework/clients/{pk}/checkpoints/{c}/", pk="people.amira.pk", c="amira.checkpoint.pk"),
        provider_side(),
        label="checkpoint form",
    ),
    Row(
        at("/en/casework/clients/{pk}/checkpoints/{c}/", pk="people.amira.pk", c="amira.checkpoint.pk"),
        provider_side(302),
        method="POST",
        label="verify a checkpoint",
        data={"employed": "True", "hours_per_week": "37.5", "hourly_wage": "26", "evidence": "pay_stub"},
    ),
    Row(
        at(
            "/en/casework/clients/{pk}/checkpoints/{c}/", pk="people.amira.pk", c="amira.future_checkpoint.pk"
        ),
        provider_side(400),
        method="POST",
        label="verify a checkpoint before it is due",
        data={"employed": "False", "evidence": "none"},
    ),
]


def api(statuses_default: int = 200, **exceptions: int):
    return only(
        PROVIDER_SIDE, statuses_default, otherwise=NOT_FOUND, **{"anonymous": UNAUTHORISED, **exceptions}
    )


UNAUTHORISED = 401
SIGNED_IN_API = expect(200, anonymous=UNAUTHORISED)
ANSWERS = {"answers": {"housing": "stable", "income": "yes", "transportation": "yes"}}
API_JOB = {**JOB, "hours_per_week": "40.00", "hourly_wage": "27.50"}
del API_JOB["occupation"]
API_JOB["occupation"] = "72106"
VERIFY = {"employed": True, "evidence": "employer_letter", "hours_per_week": "37.50", "hourly_wage": "26.00"}

ROWS += [
    Row("/api/v1/casework/caseload", api()),
    Row("/api/v1/casework/caseload?stream=B&status=all&due=true", api()),
    Row("/api/v1/casework/caseload?status=nonsense", expect(422, anonymous=UNAUTHORISED)),
    Row(at("/api/v1/casework/clients/{pk}", pk="people.amira.pk"), api(), label="API case of Amira"),
    Row(at("/api/v1/casework/clients/{pk}", pk="people.own.pk"), api(client=200), label="API own case"),
    Row(
        at("/api/v1/casework/clients/{pk}", pk="people.jean.pk"),
        only(("administrator",), 200, NOT_FOUND, anonymous=UNAUTHORISED),
        label="API Toronto case",
    ),
    Row("/api/v1/casework/instrument", SIGNED_IN_API),
    Row("/api/v1/casework/instrument?version=9", expect(404, anonymous=UNAUTHORISED)),
    Row("/api/v1/casework/interventions", SIGNED_IN_API),
    Row(
        at("/api/v1/casework/clients/{pk}/assessments", pk="people.amira.pk"),
        api(201),
        method="POST",
        as_json=True,
        data={"occasion": "review"},
        label="API start an assessment",
    ),
    Row(at("/api/v1/casework/assessments/{a}", a="amira.assessment.pk"), api(), label="API assessment"),
    Row(
        at("/api/v1/casework/assessments/{a}/modules/life_stabilization", a="amira.draft.pk"),
        api(),
        method="PUT",
        as_json=True,
        data=ANSWERS,
        label="API save a module",
    ),
    Row(
        at("/api/v1/casework/assessments/{a}/modules/life_stabilization", a="amira.draft.pk"),
        api(422),
        method="PUT",
        as_json=True,
        data={"answers": {"housing": "castle"}},
        label="API save a bad answer",
    ),
    Row(
        at("/api/v1/casework/assessments/{a}/modules/employment", a="amira.draft.pk"),
        api(422),
        method="PUT",
        as_json=True,
        data={"answers": {"shoe_size": 9}},
        label="API save an unknown question",
    ),
    Row(
        at("/api/v1/casework/assessments/{a}/modules/nonsense", a="amira.draft.pk"),
        api(404),
        method="PUT",
        as_json=True,
        data=ANSWERS,
        label="API save an unknown module",
    ),
    Row(
        at("/api/v1/casework/assessments/{a}/complete", a="amira.draft.pk"),
        api(422),
        method="POST",
        label="API complete an unfinished assessment",
    ),
    Row(
        at("/api/v1/casework/clients/{pk}/plan", pk="people.amira.pk"),
        api(),
        method="PUT",
        as_json=True,
        data={"career_goal": "72106", "goal": "Weld"},
        label="API save the plan",
    ),
    Row(
        at("/api/v1/casework/clients/{pk}/plan", pk="people.amira.pk"),
        api(422),
        method="PUT",
        as_json=True,
        data={"career_goal": "99999"},
        label="API save the plan with an unknown goal",
    ),
    Row(at("/api/v1/casework/plans/{p}", p="amira.plan.pk"), api(), label="API plan"),
    Row(
        at("/api/v1/casework/plans/{p}/items", p="amira.plan.pk"),
        api(201),
        method="POST",
        as_json=True,
        data={"intervention": "job_matching"},
        label="API add a plan item",
    ),
    Row(
        at("/api/v1/casework/plans/{p}/items", p="amira.plan.pk"),
        api(422),
        method="POST",
        as_json=True,
        data={"intervention": "astrology"},
        label="API add an unknown intervention",
    ),
    Row(
        at("/api/v1/casework/plan-items/{i}/status?status=completed", i="amira.item.pk"),
        api(),
        method="POST",
        label="API complete a plan item",
    ),
    Row(
        at("/api/v1/casework/clients/{pk}/jobs", pk="people.amira.pk"),
        api(201),
        method="POST",
        as_json=True,
        data=API_JOB,
        label="API record a job",
    ),
    Row(
        at("/api/v1/casework/clients/{pk}/jobs", pk="people.amira.pk"),
        api(422),
        method="POST",
        as_json=True,
        data={**API_JOB, "occupation": "12"},
        label="API record a job with a bad NOC",
    ),
    Row(
        at("/api/v1/casework/checkpoints/{c}/verification", c="amira.checkpoint.pk"),
        api(),
        method="POST",
        as_json=True,
        data=VERIFY,
        label="API verify a checkpoint",
    ),
    Row(
        at("/api/v1/casework/checkpoints/{c}/verification", c="amira.future_checkpoint.pk"),
        api(422),
        method="POST",
        as_json=True,
        data=VERIFY,
        label="API verify a checkpoint before it is due",
    ),
]

ROWS += [
    page("plan/summary/", "plan summary", provider_side(302, caseworker=200, client=404)),
    Row(
        at("/en/casework/clients/{pk}/plan/summary/", pk="people.own.pk"),
        provider_side(302, client=302),
        label="own plan summary",
    ),
]
