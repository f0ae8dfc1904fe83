"""Background tasks of the check-up (django-tasks, database backend; run ``careerlens db_worker``).

Opting in to check-ins enqueues one ``checkup_reminder`` for the due date; when it runs it sends the
reminder only if it is still the one expected (the check-up exists, and its reminder is still due on that
date: stopping, deleting or choosing again leaves it with nothing to do), then enqueues the next one.
"""

from __future__ import annotations

from django_tasks import task

from careerlens.portal import reminders
from careerlens.portal.models import CheckUp


@task()
def checkup_reminder(checkup_id: int, due_on: str, site: str) -> bool:
    checkup = CheckUp.objects.select_related("client__user").filter(pk=checkup_id).first()
    if checkup is None or checkup.remind_on is None or checkup.remind_on.isoformat() != due_on:
        return False
    return reminders.send(checkup, site)
