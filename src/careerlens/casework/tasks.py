"""Background tasks (django-tasks, database backend; run ``careerlens db_worker``).

Recording a job enqueues one ``checkpoint_reminder`` per checkpoint, to run on its due date: it gives the
client's practitioner a task to verify the checkpoint. ``remind_due_checkpoints`` catches up on any due
checkpoint without a reminder (``careerlens checkpoints-due``).
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from careerlens.casework.models import CaseTask, Checkpoint


def remind(checkpoint: Checkpoint) -> CaseTask | None:
    """A task for the client's current practitioner to verify a due checkpoint (once; never after it is
    verified)."""
    if checkpoint.verified_at or checkpoint.reminded_at or checkpoint.due_date > timezone.localdate():
        return None
    client = checkpoint.job.client
    assignment = client.assignments.filter(ended_at__isnull=True).select_related("practitioner").first()
    practitioner = assignment.practitioner if assignment else None
    language = (practitioner.preferred_language if practitioner else None) or client.language or "en"
    with override(language):
        title = _("Verify the %(months)s-month checkpoint of the job at %(employer)s") % {
            "months": checkpoint.months,
            "employer": checkpoint.job.employer,
        }
    reminder = CaseTask.objects.create(
        client=client,
        title=title,
        due_on=checkpoint.due_date,
        assigned_to=practitioner,
        checkpoint=checkpoint,
    )
    Checkpoint.objects.filter(pk=checkpoint.pk).update(reminded_at=timezone.now())
    return reminder


@task()
def checkpoint_reminder(checkpoint_id: int) -> bool:
    checkpoint = Checkpoint.objects.select_related("job__client").filter(pk=checkpoint_id).first()
    return checkpoint is not None and remind(checkpoint) is not None


def remind_due_checkpoints() -> int:
    due = Checkpoint.objects.filter(
        verified_at__isnull=True, reminded_at__isnull=True, due_date__lte=timezone.localdate()
    ).select_related("job__client")
    return sum(remind(checkpoint) is not None for checkpoint in due)
