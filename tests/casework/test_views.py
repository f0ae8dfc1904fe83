"""The casework pages as a practitioner uses them: the assessment module by module (kept answers on an
error, resume later), the plan, a job and its checkpoint; the case file's timeline."""

from __future__ import annotations

from careerlens.casework.models import Assessment
from tests.casework.world import complete_answers


def _post_module(browser, assessment, module, answers, then="next"):
    questions = assessment.instrument.module(module).questions
    data = {q.id: answers[q.id] for q in questions if q.id in answers}
    return browser.post(f"/en/casework/assessments/{assessment.pk}/{module}/", {**data, "then": then})


def test_an_assessment_page_by_page(case, world, client_for):
    browser = client_for("practitioner")
    amira = case.people.amira
    response = browser.post(f"/en/casework/clients/{amira.pk}/assessments/new/", {"occasion": "intake"})
    assessment = Assessment.objects.filter(client=amira).order_by("-pk").first()
    assert response.url.endswith(f"/assessments/{assessment.pk}/life_stabilization/")
    answers = complete_answers()
    # A bad answer: the page comes back with the error and keeps what was typed.
    bad = browser.post(
        f"/en/casework/assessments/{assessment.pk}/employment/",
        {"situation": "employed", "months_out_of_work": "lots", "last_hourly_wage": "31.25"},
    )
    assert bad.status_code == 400
    assert b'value="lots"' in bad.content and b'value="31.25"' in bad.content
    assert "Enter a number" in bad.content.decode()
    # Save part-way and come back later.
    later = _post_module(browser, assessment, "life_stabilization", answers, then="later")
    assert later.url.endswith(f"/casework/clients/{amira.pk}/")
    for module in ("employment", "career_management", "interests", "adaptability"):
        assert _post_module(browser, assessment, module, answers).status_code == 302
    detail = browser.get(f"/en/casework/assessments/{assessment.pk}/")
    assert "Complete the assessment" in detail.content.decode()
    browser.post(f"/en/casework/assessments/{assessment.pk}/complete/")
    assessment.refresh_from_db()
    assert assessment.is_completed
    french = browser.get(f"/fr/casework/assessments/{assessment.pk}/")
    assert "Évaluation commune" in french.content.decode()


def test_plan_job_and_checkpoint_pages(case, world, client_for):
    browser = client_for("practitioner")
    amira = case.people.amira
    base = f"/en/casework/clients/{amira.pk}/"
    assert browser.post(base + "plan/", {"career_goal": "72106", "goal": "Weld"}).status_code == 302
    bad = browser.post(
        base + "jobs/new/",
        {
            "employer": "Acme",
            "occupation": "99999",
            "hours_per_week": "30",
            "hourly_wage": "20",
            "start_date": "2026-09-01",
        },
    )
    assert bad.status_code == 400 and b'value="Acme"' in bad.content
    checkpoint = case.amira.checkpoint
    verified = browser.post(
        base + f"checkpoints/{checkpoint.pk}/",
        {"employed": "True", "hours_per_week": "37.5", "hourly_wage": "26", "evidence": "pay_stub"},
    )
    assert verified.status_code == 302
    page = browser.get(base).content.decode()
    assert "3-month checkpoint verified: outcome met" in page
    assert "Assigned to" in page and "Intake at Peel Careers" in page


def test_the_printable_plan_is_in_the_clients_language(case, world, client_for):
    browser = client_for("administrator")
    jean = case.people.jean  # served in French
    page = browser.get(f"/en/casework/clients/{jean.pk}/plans/{case.jean.plan.pk}/print/").content.decode()
    assert '<html lang="fr">' in page and "Mon plan d" in page
    pdf = browser.get(f"/en/casework/clients/{jean.pk}/plans/{case.jean.plan.pk}/print/?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_a_caseworker_reads_the_plan_summary_once_the_client_consents(case, world, client_for):
    from careerlens.clients import services as client_services
    from careerlens.clients.choices import ConsentTopic

    browser = client_for("caseworker")
    url = f"/en/casework/clients/{case.people.amira.pk}/plan/summary/"
    assert "No action plan" in browser.get(url).content.decode()
    client_services.grant_consent(
        world.users["practitioner"], case.people.amira, world.office, ConsentTopic.PLAN_SUMMARY, None
    )
    summary = browser.get(url, follow=True)
    assert "Weld again, full time." in summary.content.decode()
    assert browser.get(f"/en/casework/clients/{case.people.amira.pk}/").status_code == 404  # nothing else
