"""Segmentation pages: model versions with their card and fairness audit (train, approve, activate), a
client's stream with its reasons and a person's decision, the overrides report, early-warning enrolment
and the SSM's outreach list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from careerlens.accounts.scoping import Action, get_restricted_or_404
from careerlens.analytics.segmentation import early_warning
from careerlens.casework.views.common import GET_POST, form_page, staff_client
from careerlens.clients.models import Client
from careerlens.clients.views import attach
from careerlens.segmentation import selectors, services
from careerlens.segmentation.forms import DecisionForm, EnrolmentForm, TrainForm
from careerlens.segmentation.models import EarlyWarningEnrolment, ModelVersion, StreamDecision


@login_required
@require_GET
def versions(request):
    if not selectors.may_read_cards(request.user):
        raise Http404
    context = {
        "versions": ModelVersion.objects.restrict(request.user).select_related("trained_by", "approved_by"),
        "may_train": services.may_train(request.user),
        "form": TrainForm(),
    }
    return render(request, "segmentation/versions.html", context)


@login_required
@require_POST
def train(request):
    if not services.may_train(request.user):
        raise Http404
    form = TrainForm(request.POST)
    if form.is_valid():
        try:
            version = services.train_version(request.user, form.cleaned_data["kind"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Version %(n)s was trained and evaluated.") % {"n": version.number})
            return redirect("segmentation:version", pk=version.pk)
    return redirect("segmentation:versions")


@login_required
@require_GET
def version(request, pk: int):
    if not selectors.may_read_cards(request.user):
        raise Http404
    found = get_restricted_or_404(ModelVersion, request.user, Action.VIEW, pk=pk)
    context = {
        "version": found,
        "card": found.card,
        "audit": found.audit,
        "may_approve": services.may_approve(request.user),
        "calibration": {
            "points": found.evaluation.get("calibration_curve", []),
            "x": _("Predicted risk"),
            "y": _("Observed share"),
            "description": _("Calibration plot of the model version on held-out clients"),
        },
    }
    if request.GET.get("format") == "pdf":
        from weasyprint import HTML

        html = render_to_string("segmentation/card_pdf.html", context, request=request)
        pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="model-card-{found.kind}-v{found.number}.pdf"'
        )
        return response
    return render(request, "segmentation/version.html", context)


def _move(request, pk: int, service, success: str):
    found = get_restricted_or_404(ModelVersion, request.user, Action.VIEW, pk=pk)
    try:
        service(request.user, found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect("segmentation:version", pk=pk)


@login_required
@require_POST
def approve(request, pk: int):
    return _move(request, pk, services.approve, _("The version was approved."))


@login_required
@require_POST
def activate(request, pk: int):
    return _move(request, pk, services.activate, _("The version is active: new stream proposals use it."))


@login_required
@GET_POST
def client_stream(request, pk: int):
    client = get_restricted_or_404(Client, request.user, Action.VIEW, pk=pk)
    may_decide = Client.objects.restrict(request.user, Action.CHANGE).filter(pk=pk).exists() and (
        request.user.role in ("practitioner", "provider_manager") or request.user.is_superuser
    )
    if not may_decide and not StreamDecision.scope(request.user, Action.VIEW):
        raise Http404
    proposal = services.proposal(client)
    form = DecisionForm(
        request.POST or None, initial={"final_stream": proposal["stream"] if proposal else None}
    )
    status = 200
    if request.method == "POST":
        if not may_decide:
            raise Http404
        if form.is_valid():
            try:
                services.decide(request.user, client, **form.cleaned_data)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, _("The stream decision was recorded."))
                return redirect("segmentation:client", pk=pk)
        status = 400
    context = {
        "client": client,
        "proposal": proposal,
        "form": form,
        "may_decide": may_decide,
        "decisions": StreamDecision.objects.restrict(request.user)
        .filter(client=client)
        .select_related("decided_by", "model_version"),
    }
    return render(request, "segmentation/client_stream.html", context, status=status)


@login_required
@require_GET
def overrides(request):
    if not selectors.may_see_report(request.user):
        raise Http404
    return render(
        request, "segmentation/overrides.html", {"report": selectors.overrides_report(request.user)}
    )


@login_required
@GET_POST
def enrol(request, pk: int):
    client = staff_client(request, pk)
    form = EnrolmentForm(request.POST or None)

    def save(**values):
        enrolment = EarlyWarningEnrolment(client=client, recorded_by=request.user, **values)
        enrolment.full_clean()
        enrolment.save()
        return enrolment

    return form_page(
        request,
        client,
        form,
        save,
        success=_("The person was enrolled in early-warning check-ins."),
        title=_("Early warning: enrol an employed person"),
    )


@login_required
@require_GET
def early_warnings(request, pk: int):
    """The person's early-warning scores, with their reasons."""
    client = get_restricted_or_404(Client, request.user, Action.VIEW, pk=pk)
    enrolments = EarlyWarningEnrolment.objects.restrict(request.user).filter(client=client)
    if not EarlyWarningEnrolment.scope(request.user, Action.VIEW):
        raise Http404
    today = timezone.localdate()
    born = client.date_of_birth
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    rows = [
        (e, early_warning.score(e.occupation_id, age, float(e.tenure_years), float(e.years_since_training)))
        for e in enrolments
    ]
    return render(request, "segmentation/early_warnings.html", {"client": client, "rows": rows})


@login_required
@require_GET
def outreach(request):
    if not selectors.may_see_outreach(request.user):
        raise Http404
    return render(request, "segmentation/outreach.html", {"rows": selectors.outreach_list(request.user)})
