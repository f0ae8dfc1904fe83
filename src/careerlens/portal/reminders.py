"""The reminder to take the check-up again: scheduled as a background task (django-tasks, database backend)
for its due date when the person opts in, sent by email in the person's language, then scheduled again at
the interval they chose. Stopping the check-ins or deleting the check-up cancels the pending task, and the
task itself checks the state when it runs (``checkup_reminder`` in tasks.py)."""

from __future__ import annotations

import datetime

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from careerlens.portal.models import CheckUp

REMIND_AFTER_DAYS = 182
# The intervals a person may choose between two reminders (days), the default first.
REMIND_EVERY = {
    REMIND_AFTER_DAYS: gettext_lazy("Every six months"),
    91: gettext_lazy("Every three months"),
    365: gettext_lazy("Once a year"),
}
SEND_AT = datetime.time(9)  # the hour of the due date at which the reminder goes out (local time)


def address(checkup: CheckUp) -> str:
    """Where the reminder goes: the client record's email, else the account's (empty: nowhere)."""
    client = checkup.client
    return client.email or (client.user.email if client.user_id else "")


def due_moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, SEND_AT, tzinfo=timezone.get_current_timezone())


def schedule(checkup: CheckUp, every_days: int, site: str) -> datetime.date:
    """Set the next reminder ``every_days`` from today and enqueue its task once the change is committed;
    the task's id is kept on the check-up so that stopping can cancel it. ``site`` is the address the
    person used (``https://host``), for the links in the mail."""
    due = timezone.localdate() + datetime.timedelta(days=every_days)
    checkup.remind_on, checkup.remind_every_days, checkup.reminder_task = due, every_days, ""
    checkup.save(update_fields=["remind_on", "remind_every_days", "reminder_task"])
    pk = checkup.pk

    def enqueue() -> None:
        from careerlens.portal.tasks import checkup_reminder

        result = checkup_reminder.using(run_after=due_moment(due)).enqueue(pk, due.isoformat(), site)
        CheckUp.objects.filter(pk=pk, remind_on=due).update(reminder_task=str(result.id))

    transaction.on_commit(enqueue)
    return due


def cancel(checkups) -> int:
    """Stop the reminders of these check-ups: clear the due date and delete the tasks not yet run."""
    pending = list(checkups.exclude(reminder_task="").values_list("reminder_task", flat=True))
    removed, _by_model = DBTaskResult.objects.filter(id__in=pending, status=TaskResultStatus.READY).delete()
    checkups.update(remind_on=None, remind_every_days=None, reminder_task="")
    return removed


def message(checkup: CheckUp, site: str) -> tuple[str, str]:
    """The reminder's subject and body in the language of the check-up, with its two links."""
    with override(checkup.language):
        start = site + reverse("portal:start")
        stop = site + reverse("portal:check_ins")
        subject = _("Time to take your career check-up again")
        body = "\n\n".join(
            [
                _("Hello %(name)s,") % {"name": checkup.client.first_name},
                _(
                    "You asked us to remind you to take the career check-up again. It takes a few minutes, "
                    "and it shows how your occupation, your risk of a career interruption and your pathways "
                    "have changed since %(date)s."
                )
                % {"date": f"{checkup.saved_at:%Y-%m-%d}"},
                _("Take the check-up: %(link)s") % {"link": start},
                _("To change the interval or stop these reminders: %(link)s") % {"link": stop},
                _("careerlens, Ontario's employment services"),
            ]
        )
    return subject, body


@transaction.atomic
def send(checkup: CheckUp, site: str) -> bool:
    """Send the due reminder, record it, and schedule the next one at the chosen interval."""
    to = address(checkup)
    if not to or not (checkup.client.user_id and checkup.client.user.is_active):
        cancel(CheckUp.objects.filter(pk=checkup.pk))  # nowhere to send it: the reminders end
        return False
    subject, body = message(checkup, site)
    send_mail(subject, body, None, [to])
    checkup.reminded_at = timezone.now()
    checkup.reminders_sent += 1
    checkup.save(update_fields=["reminded_at", "reminders_sent"])
    schedule(checkup, checkup.remind_every_days or REMIND_AFTER_DAYS, site)
    return True
