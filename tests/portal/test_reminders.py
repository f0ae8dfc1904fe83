"""The reminder to take the check-up again: opting in schedules a background task for the due date; the real
worker (the database backend's ``db_worker``) sends one mail in the person's language, records it and
schedules the next; stopping the check-ins or deleting the check-up cancels it, and a task that runs anyway
sends nothing."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from careerlens.portal.models import CheckUp
from careerlens.portal.tasks import checkup_reminder
from careerlens.segmentation.models import EarlyWarningEnrolment
from tests.portal.conftest import ACCOUNT, WELDER, text, walk

pytestmark = pytest.mark.django_db
TASK = "careerlens.portal.tasks.checkup_reminder"


@pytest.fixture
def opt_in(django_capture_on_commit_callbacks):
    """Sign up for check-ins on the person's page, running what waits for the commit (the enqueueing)."""

    def make(browser, language: str = "en", every: int = 182, email: str = "dana@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = browser.post(
                f"/{language}/check-up/mine/check-ins/", {"reminder": str(every), "email": email}
            )
        assert response.status_code == 302, text(response)[-2000:]
        return CheckUp.objects.get(remind_on__isnull=False)

    return make


@pytest.fixture
def worker(monkeypatch, django_capture_on_commit_callbacks):
    """Run the real worker once over what is due, as if the due date had come."""
    # The worker closes database connections between tasks; inside this test's transaction it must not.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run() -> None:
        DBTaskResult.objects.filter(task_path=TASK, status="READY").update(run_after=timezone.now())
        with django_capture_on_commit_callbacks(execute=True):
            call_command("db_worker", batch=True, startup_delay=False, verbosity=0)

    return run


@pytest.fixture
def welder(visitor, world):
    """A French-speaking welder of 58 of Hamilton who saved the check-up in French."""
    walk(visitor, WELDER, language="fr")
    born = {**ACCOUNT, "username": "gilles", "first_name": "Gilles", "date_of_birth": "1968-04-09"}
    assert visitor.post("/fr/check-up/save/", {**born, "postal_code": "L8P 4R5"}).status_code == 302
    return visitor


def test_opting_in_schedules_the_reminder_for_its_due_date(saved, opt_in):
    checkup = opt_in(saved, every=91)
    due = timezone.localdate() + datetime.timedelta(days=91)
    assert checkup.remind_on == due and checkup.remind_every_days == 91
    task = DBTaskResult.objects.get(task_path=TASK)
    assert str(task.id) == checkup.reminder_task and task.status == "READY"
    assert timezone.localtime(task.run_after).date() == due
    page = text(saved.get("/en/check-up/mine/"))
    assert f"Next reminder to take the check-up again: {due:%Y-%m-%d}, by email to dana@example.org" in page
    assert "Every three months" in page and "/en/check-up/mine/check-ins/stop/" in page


def test_the_worker_sends_one_mail_in_french_and_schedules_the_next(welder, opt_in, worker):
    first = opt_in(welder, language="fr", email="gilles@example.org")
    worker()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["gilles@example.org"]
    assert sent.subject == "C’est le moment de refaire votre bilan de carrière"
    assert "Bonjour Gilles" in sent.body
    assert "http://testserver/fr/check-up/\n" in sent.body + "\n"
    assert "http://testserver/fr/check-up/mine/check-ins/" in sent.body
    checkup = CheckUp.objects.get(pk=first.pk)
    assert checkup.reminders_sent == 1 and checkup.reminded_at is not None
    assert DBTaskResult.objects.get(id=first.reminder_task).status == "SUCCESSFUL"
    following = DBTaskResult.objects.get(task_path=TASK, status="READY")
    assert str(following.id) == checkup.reminder_task != first.reminder_task
    assert timezone.localtime(following.run_after).date() == checkup.remind_on


def test_the_mail_is_in_english_for_an_english_speaking_person(saved, opt_in, worker):
    opt_in(saved, every=365)
    worker()
    assert [m.subject for m in mail.outbox] == ["Time to take your career check-up again"]
    assert "Hello Dana," in mail.outbox[0].body and "http://testserver/en/check-up/" in mail.outbox[0].body
    checkup = CheckUp.objects.get(client__user__username="dana.check")
    assert checkup.remind_on == timezone.localdate() + datetime.timedelta(days=365)  # once a year


def test_nothing_is_sent_after_the_person_stops_the_check_ins(saved, opt_in, worker):
    checkup = opt_in(saved)
    queued = DBTaskResult.objects.get(id=checkup.reminder_task)
    assert saved.post("/en/check-up/mine/check-ins/stop/").status_code == 302
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()  # the pending task is cancelled
    assert not EarlyWarningEnrolment.objects.filter(withdrawn_at__isnull=True).exists()
    assert checkup_reminder.call(*queued.args_kwargs["args"]) is False  # and would do nothing if run
    worker()
    assert mail.outbox == [] and CheckUp.objects.get(pk=checkup.pk).remind_on is None
    assert "Next reminder" not in text(saved.get("/en/check-up/mine/"))


def test_nothing_is_sent_after_the_person_deletes_what_they_saved(saved, opt_in, worker):
    checkup = opt_in(saved)
    queued = DBTaskResult.objects.get(id=checkup.reminder_task)
    assert saved.post("/en/check-up/mine/delete/", {"confirm": "on"}).status_code == 302
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()
    assert checkup_reminder.call(*queued.args_kwargs["args"]) is False
    worker()
    assert mail.outbox == []


def test_an_earlier_choice_is_replaced_and_its_task_cancelled(saved, opt_in, worker):
    first = opt_in(saved, every=91)
    second = opt_in(saved, every=365)
    assert DBTaskResult.objects.filter(task_path=TASK).count() == 1
    assert not DBTaskResult.objects.filter(id=first.reminder_task).exists()
    assert re.search(r'value="365"[^>]*checked', text(saved.get("/en/check-up/mine/check-ins/")))
    worker()
    assert len(mail.outbox) == 1 and CheckUp.objects.get(pk=second.pk).reminders_sent == 1


def test_a_reminder_needs_an_email(saved):
    response = saved.post("/en/check-up/mine/check-ins/", {"reminder": "182", "email": ""})
    assert response.status_code == 400
    assert "Give your email, so that we can send the reminder." in text(response)
    assert not DBTaskResult.objects.filter(task_path=TASK).exists()
