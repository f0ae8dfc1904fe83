"""Evaluation pages: the list with the forms to run one (on the snapshot or on an uploaded table), and the
report of each evaluation (EN/FR, charts with their tables, PDF)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.clients.views import attach
from careerlens.evaluation import services
from careerlens.evaluation.forms import SnapshotForm, UploadForm
from careerlens.evaluation.models import EvaluationRun
from careerlens.evaluation.reasons import REASONS


def _list(request, snapshot_form=None, upload_form=None, status=200):
    context = {
        "runs": EvaluationRun.objects.restrict(request.user).select_related("created_by"),
        "snapshot_form": snapshot_form or SnapshotForm(),
        "upload_form": upload_form or UploadForm(),
    }
    return render(request, "evaluation/list.html", context, status=status)


@login_required
@require_GET
def evaluations(request):
    if not services.may_run(request.user):
        raise Http404
    return _list(request)


def _run(request, form, service, which: str):
    if form.is_valid():
        try:
            run = service(form.cleaned_data)
        except ValidationError as error:
            attach(form, error)
        else:
            messages.success(request, _("The evaluation is ready."))
            return redirect("evaluation:report", pk=run.pk)
    return _list(request, **{which: form}, status=400)


@login_required
@require_POST
def run_snapshot(request):
    if not services.may_run(request.user):
        raise Http404
    form = SnapshotForm(request.POST)
    return _run(request, form, lambda v: services.run_on_snapshot(request.user, **v), "snapshot_form")


@login_required
@require_http_methods(["POST"])
def run_upload(request):
    if not services.may_run(request.user):
        raise Http404
    form = UploadForm(request.POST, request.FILES)

    def service(values):
        upload = values.pop("data")
        return services.run_on_upload(request.user, upload, **values)

    return _run(request, form, service, "upload_form")


@login_required
@require_GET
def report(request, pk: int):
    run = get_restricted_or_404(EvaluationRun, request.user, Action.VIEW, pk=pk)
    language = "fr" if (get_language() or "en").startswith("fr") else "en"
    result = run.result
    recommended = next((e for e in result["estimates"] if e.get("recommended")), None)
    context = {
        "run": run,
        "result": result,
        "recommended": recommended,
        "reason": REASONS.get(result.get("recommendation_reason"), ""),
        "charts": run.charts.get(language, {}),
        "balance_methods": [
            k for k in (result["diagnostics"]["balance"]["covariates"] or [{}])[0] if k not in ("covariate",)
        ],
    }
    if request.GET.get("format") == "pdf":
        from weasyprint import HTML

        html = render_to_string("evaluation/report_pdf.html", context, request=request)
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="evaluation-{run.pk}.pdf"'
        return response
    return render(request, "evaluation/report.html", context)
