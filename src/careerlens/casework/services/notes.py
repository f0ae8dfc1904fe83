"""Case notes and tasks."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.casework.models import CaseTask, Note
from careerlens.casework.services.common import changeable
from careerlens.clients.models import Client


def add_note(actor, client: Client, text: str) -> Note:
    changeable(actor, client)
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    return Note.objects.create(client=client, text=text.strip(), author=actor)


def add_task(actor, client: Client, *, title: str, due_on: datetime.date, assigned_to=None) -> CaseTask:
    changeable(actor, client)
    task = CaseTask(
        client=client, title=title, due_on=due_on, assigned_to=assigned_to or actor, created_by=actor
    )
    task.full_clean()
    task.save()
    return task


def complete_task(actor, task: CaseTask) -> CaseTask:
    changeable(actor, task.client)
    if task.done_at:
        raise ValidationError(_("This task is already done."))
    if task.checkpoint_id and not task.checkpoint.verified_at:
        raise ValidationError(_("Verify the checkpoint to complete this reminder."))
    task.done_at = timezone.now()
    task.save()
    return task
