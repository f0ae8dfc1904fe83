"""Jobs and the verification of their outcome checkpoints."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.casework.forms import CheckpointForm, JobForm
from careerlens.casework.models import Checkpoint
from careerlens.casework.services import jobs
from careerlens.casework.views.common import GET_POST, form_page, staff_client


@login_required
@GET_POST
def job_add(request, pk: int):
    client = staff_client(request, pk)
    form = JobForm(request.POST or None)
    return form_page(
        request,
        client,
        form,
        lambda **values: jobs.record_job(request.user, client, **values),
        success=_("The job was recorded; its checkpoints are scheduled."),
        title=_("Record a job"),
    )


@login_required
@GET_POST
def checkpoint_verify(request, pk: int, checkpoint: int):
    client = staff_client(request, pk)
    found = get_restricted_or_404(
        Checkpoint.objects.select_related("job"),
        request.user,
        Action.CHANGE,
        pk=checkpoint,
        job__client=client,
    )
    form = CheckpointForm(request.POST or None)
    title = _("Verify the %(months)s-month checkpoint: %(employer)s") % {
        "months": found.months,
        "employer": found.job.employer,
    }
    return form_page(
        request,
        client,
        form,
        lambda **values: jobs.verify_checkpoint(request.user, found, **values),
        success=_("The checkpoint was verified."),
        title=title,
    )
