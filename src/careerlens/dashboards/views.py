"""The SSM dashboard (one catchment) and the ministry dashboard (the province): suppressed tables with
Vega-Lite charts, downloadable as CSV, XLSX and PDF, in English and French."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from careerlens.accounts.models import Organisation
from careerlens.accounts.roles import Role
from careerlens.clients.models import is_admin
from careerlens.dashboards import charts, downloads, sections
from careerlens.dashboards.report import providers_of, provincial_report
from careerlens.reference.models import Catchment

SSM_READERS = (Role.SSM_MANAGER, Role.ANALYST, Role.ADMINISTRATOR)
PROVINCE_READERS = (Role.ANALYST, Role.ADMINISTRATOR)
GROUPINGS = (
    ("stream", gettext_lazy("Stream")),
    ("program", gettext_lazy("Program")),
    ("age_band", gettext_lazy("Age band")),
    ("priority_group", gettext_lazy("Priority group")),
)


def _role(user) -> str:
    return Role.ADMINISTRATOR if is_admin(user) else user.role


def _labels() -> dict[str, str]:
    labels = {c.code: c.name for c in Catchment.objects.all()}
    labels.update({o.code: o.name for o in Organisation.objects.filter(kind="provider")})
    return labels


def _respond(request, title: str, found: list, context: dict):
    requested = request.GET.get("format", "")
    if requested in downloads.FORMATS:
        return downloads.respond(request, requested, title, found)
    return render(request, "dashboards/dashboard.html", {"title": title, "sections": found, **context})


def _unavailable(request, title: str, error: ValidationError):
    context = {"title": title, "sections": [], "error": " ".join(error.messages)}
    return render(request, "dashboards/dashboard.html", context)


@login_required
@require_GET
def ssm(request):
    role = _role(request.user)
    if role not in SSM_READERS:
        raise Http404
    catchments = Catchment.objects.order_by("code")
    if role == Role.SSM_MANAGER:
        catchment = request.user.catchment
    else:
        catchment = catchments.filter(code=request.GET.get("catchment", "")).first() or catchments.first()
    if catchment is None:
        raise Http404
    title = _("Service system manager dashboard: %(catchment)s") % {"catchment": catchment.name}
    try:
        result = provincial_report()
    except ValidationError as error:
        return _unavailable(request, title, error)
    t, labels, mine = result.tables, _labels(), providers_of(catchment.code)
    found = [
        sections.headline(t["indicators"], "catchment", catchment.code),
        sections.by_key(
            t["indicators"],
            "catchment",
            {catchment.code},
            "quarters",
            _("By quarter of referral"),
            _("Quarter"),
            by_quarter=True,
        ),
        sections.by_key(
            t["indicators"], "provider", mine, "providers", _("By provider"), _("Provider"), labels
        ),
        sections.adjustment(t["adjustment"], "provider", mine, labels),
        sections.payments(t["payments_provider"], mine, labels, "payments"),
    ]
    found[3].chart = charts.adjusted(t["adjustment"], "provider", mine, labels)
    found[1].chart = charts.quarters(t["indicators"], "catchment", catchment.code)
    context = {"catchments": catchments if role != Role.SSM_MANAGER else [], "catchment": catchment}
    return _respond(request, title, found, context)


@login_required
@require_GET
def province(request):
    if _role(request.user) not in PROVINCE_READERS:
        raise Http404
    title = _("Ministry dashboard: the province")
    try:
        result = provincial_report()
    except ValidationError as error:
        return _unavailable(request, title, error)
    t, labels = result.tables, _labels()
    found = [
        sections.headline(t["indicators"], "province", "all"),
        sections.by_key(
            t["indicators"],
            "province",
            {"all"},
            "quarters",
            _("By quarter of referral"),
            _("Quarter"),
            by_quarter=True,
        ),
        sections.by_key(
            t["indicators"], "ssm", None, "ssms", _("By service system manager"), _("Catchment"), labels
        ),
        *(
            sections.by_key(
                t["indicators"],
                key,
                None,
                key,
                _("By %(grouping)s") % {"grouping": str(name).lower()},
                str(name),
            )
            for key, name in GROUPINGS
        ),
        sections.adjustment(t["adjustment"], "ssm", None, labels),
        sections.payments(t["payments_ssm"], None, labels, "payments"),
        sections.creaming(t["creaming"]),
    ]
    if "comparison" in t:
        found.append(sections.comparison(t["comparison"], "ssm", labels))
    found[1].chart = charts.quarters(t["indicators"], "province", "all")
    adjusted = next(s for s in found if s.slug == "adjustment_ssm")
    adjusted.chart = charts.adjusted(t["adjustment"], "ssm", None, labels)
    return _respond(request, title, found, {})
