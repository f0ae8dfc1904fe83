"""The simulated province's casework in the operational database (careerlens.demo.casework, docs/synth.md)."""

from __future__ import annotations

import collections
import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from careerlens.accounts.models import Organisation, User
from careerlens.analytics.synth import simulate, writer
from careerlens.audit.context import acting_as
from careerlens.casework import ies, instrument, selectors
from careerlens.casework.catalogue import catalogue
from careerlens.casework.models import ActionPlan, Assessment, Checkpoint, Episode, Job, PlanItem
from careerlens.casework.services.jobs import add_months
from careerlens.clients.models import Client
from careerlens.demo import casework, province, services
from careerlens.network.models import Assignment, PractitionerProfile

N, SEED = 300, 3
AS_OF = dt.date(2026, 6, 30)
SHIFT = AS_OF - province.SIMULATED_YEAR_END


@pytest.fixture(scope="module")
def tables():
    return writer.tables(simulate(N, SEED))


@pytest.fixture
def loaded(db):
    services.create_network()
    with acting_as(None, source="demo"):
        return province.load(N, SEED, as_of=AS_OF)


def _moved(rows: list[dict]) -> list[dict]:
    return [{k: v + SHIFT if isinstance(v, dt.date) else v for k, v in row.items()} for row in rows]


def test_the_counts_match_the_simulated_tables(loaded, tables):
    episodes = _moved(tables["episodes"].to_pylist())
    served = {e["client_id"] for e in episodes if e["intake_completed"] and e["intake_date"] <= AS_OF}
    assessments = [a for a in _moved(tables["assessments"].to_pylist()) if a["assessment_date"] <= AS_OF]
    jobs = [j for j in _moved(tables["jobs"].to_pylist()) if j["start_date"] <= AS_OF]
    items = [i for i in tables["interventions"].to_pylist() if i["client_id"] in served]
    assert Episode.objects.count() == ActionPlan.objects.count() == Assignment.objects.count() == len(served)
    assert Assessment.objects.count() == len(assessments) > len(served)
    assert collections.Counter(Assessment.objects.values_list("occasion", flat=True)) == collections.Counter(
        a["occasion"] for a in assessments
    )
    assert PlanItem.objects.count() == len(items)
    assert Job.objects.count() == len(jobs) > 0
    practitioners = tables["practitioners"].to_pylist()
    assert User.objects.filter(username__in=[p["practitioner_id"] for p in practitioners]).count() == len(
        practitioners
    )
    closed = sum(1 for e in episodes if e["client_id"] in served and e["exit_date"] <= AS_OF)
    assert Episode.objects.filter(closed_on__isnull=False).count() == closed
    assert {k: loaded.counts[k] for k in ("episode", "assessment", "job")} == {
        "episode": len(served),
        "assessment": len(assessments),
        "job": len(jobs),
    }
    assert "episodes" in province.describe(loaded)


def test_each_episode_follows_its_simulated_one(loaded, tables):
    episodes = {e["client_id"]: e for e in _moved(tables["episodes"].to_pylist())}
    clients = {client.pk: index for index, client in enumerate(Client.objects.order_by("pk"), start=1)}
    for episode in Episode.objects.select_related("provider", "referral"):
        simulated = episodes[clients[episode.client_id]]
        assert episode.opened_on == simulated["intake_date"]
        assert episode.stream == simulated["stream"]
        assert episode.provider.code == simulated["provider_id"] == episode.referral.provider.code
        if simulated["exit_date"] <= AS_OF:
            exit_ = (simulated["exit_date"], simulated["exit_reason"])
            assert (episode.closed_on, episode.exit_reason) == exit_
        else:
            assert (episode.closed_on, episode.exit_reason) == (None, "")
        episode.full_clean()


def test_every_assessment_is_complete_valid_and_scored(loaded):
    found = instrument.instrument()
    questions = {q.id: q for q in found.questions()}
    for assessment in Assessment.objects.all():
        assert assessment.status == "completed" and found.missing(assessment.answers) == []
        for key, value in assessment.answers.items():
            assert questions[key].clean(value) == value, (key, value)
        assert assessment.scores == instrument.scores(assessment.answers)
        assert assessment.scores["career_management"] is not None
        completed = timezone.localtime(assessment.completed_at).date()
        assert assessment.valid_until == completed + dt.timedelta(days=found.validity_days)
        assert completed <= AS_OF


def test_the_measures_map_onto_the_instrument(loaded, tables):
    first = Client.objects.order_by("pk").first().pk
    simulated = {
        (a["client_id"], a["occasion"]): a
        for a in _moved(tables["assessments"].to_pylist())
        if a["assessment_date"] <= AS_OF
    }
    people = tables["clients"].to_pylist()
    for assessment in Assessment.objects.all():
        client_id = assessment.client_id - first + 1
        row, person = simulated[(client_id, assessment.occasion)], people[client_id - 1]
        answers = assessment.answers
        assert all(answers[k] == row[k] for k in row if k.startswith("cm_"))
        assert answers["self_efficacy"] == row["self_efficacy"]
        for dimension in instrument.ADAPTABILITY:
            mean = sum(answers[f"adapt_{dimension}{k}"] for k in (1, 2, 3)) / 3
            assert abs(mean - row[f"adapt_{dimension}"]) <= 1 / 6 + 1e-6
        assert answers.get("last_occupation") == person["prior_noc"]
        assert answers["language_training"] == ("yes" if person["language_barrier"] else "no")
        assert (answers["housing"] == "unstable") == bool(person["housing_unstable"])
        if person["declined_past_wage"]:
            assert answers["last_hourly_wage"] == instrument.PREFER_NOT


def test_plan_items_come_from_the_catalogue_with_the_simulated_dates(loaded):
    codes = set(casework.INTERVENTIONS.values())
    assert codes <= set(catalogue())
    for item in PlanItem.objects.select_related("plan__episode"):
        assert item.intervention in codes
        item.full_clean()
        assert item.started_on is None or item.started_on <= AS_OF
        assert item.ended_on is None or item.ended_on <= AS_OF
        if item.status in ("completed", "cancelled"):
            assert item.ended_on is not None or item.plan.episode.closed_on is not None
    statuses = set(PlanItem.objects.values_list("status", flat=True))
    assert {"completed", "in_progress"} <= statuses
    active = ActionPlan.objects.filter(status="active").count()
    assert active == Episode.objects.filter(closed_on=None).count()


def test_no_job_without_its_four_checkpoints_and_the_ies_rule_decides(loaded, tables):
    simulated = {(c["client_id"], c["months"]): c for c in tables["checkpoints"].to_pylist()}
    first = Client.objects.order_by("pk").first().pk
    for job in Job.objects.prefetch_related("checkpoints"):
        job.full_clean()
        checkpoints = sorted(job.checkpoints.all(), key=lambda c: c.months)
        assert [c.months for c in checkpoints] == list(settings.CHECKPOINT_MONTHS)
        for checkpoint in checkpoints:
            assert checkpoint.due_date == add_months(job.start_date, checkpoint.months)
            if checkpoint.verified_at is None:
                assert checkpoint.outcome_met is None and checkpoint.evidence == ""
                continue
            assert checkpoint.due_date <= timezone.localtime(checkpoint.verified_at).date() <= AS_OF
            row = simulated[(job.client_id - first + 1, checkpoint.months)]
            assert checkpoint.employed == row["employed"]
            assert checkpoint.outcome_met == ies.outcome_met(
                employed=checkpoint.employed,
                hours_per_week=checkpoint.hours_per_week,
                hourly_wage=checkpoint.hourly_wage,
                evidence=checkpoint.evidence,
                due_date=checkpoint.due_date,
            )
            if Decimal("17.60") == settings.IES_MIN_HOURLY_WAGE:
                assert checkpoint.outcome_met == row["outcome_met"]
    assert Checkpoint.objects.count() == 4 * Job.objects.count()
    assert Checkpoint.objects.filter(verified_at__isnull=False).exists()
    assert Checkpoint.objects.filter(verified_at__isnull=True, due_date__lte=AS_OF).exists()


def test_practitioners_profiles_and_assignments(loaded, tables):
    french = {p["provider_id"] for p in tables["providers"].to_pylist() if p["serves_in_french"]}
    for profile in PractitionerProfile.objects.filter(user__username__contains="-cdp").select_related(
        "user__organisation__parent"
    ):
        profile.full_clean()
        user = profile.user
        assert user.role == "practitioner" and not user.has_usable_password()
        provider = user.organisation.parent
        first_site = Organisation.objects.filter(parent=provider).order_by("pk").first()
        assert user.organisation == first_site
        assert ("fr" in profile.languages) == (provider.code in french)
        delivered = set(PlanItem.objects.filter(plan__created_by=user).values_list("intervention", flat=True))
        needed = {area for code in delivered for area in catalogue()[code].competencies}
        assert profile.lacks(needed) == []
    for assignment in Assignment.objects.select_related("practitioner__organisation"):
        assert assignment.ended_at is None or assignment.started_at < assignment.ended_at
        assert assignment.practitioner.organisation.parent_id == assignment.provider_id
    assert (
        Assignment.objects.filter(ended_at__isnull=True).count()
        >= Episode.objects.filter(closed_on=None).count()
    )


def test_a_second_load_loads_no_casework(loaded):
    counts = {model: model.objects.count() for model in casework.MODELS}
    with acting_as(None, source="demo"):
        again = province.load(N, SEED, as_of=AS_OF)
    assert not again.loaded and again.counts == loaded.counts
    assert {model: model.objects.count() for model in casework.MODELS} == counts


def test_the_demo_practitioner_gets_a_caseload_with_checkpoints_due(db, client):
    """On a province of the demo's order of size: 20–60 current clients, some with checkpoints due,
    and the caseload and case-file pages show them."""
    services.create_network()
    demo = User.objects.get(username=casework.DEMO_PRACTITIONER)  # the persona of that name, moved
    demo.organisation = Organisation.objects.get(code="hamilton-niagara-p1-hamilton")
    demo.save()
    with acting_as(None, source="demo"):
        province.load(2000, 1)
    current = selectors.caseload(demo, status="all")
    open_ = selectors.caseload(demo, status="open")
    assert open_.count() == casework.CASELOAD_OPEN
    assert 20 <= current.count() <= 60
    assert any(row.checkpoints_due for row in current)
    assert PractitionerProfile.objects.get(user=demo).competency_areas
    client.force_login(demo)
    page = client.get(reverse("casework:caseload"))
    assert page.status_code == 200
    shown = open_.first()
    assert shown.last_name in page.content.decode()
    assert client.get(reverse("casework:case", args=[shown.pk])).status_code == 200
