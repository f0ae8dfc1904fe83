"""The case import page (docs/import.md): provider managers and administrators upload a CSV or XLSX file of
clients, jobs or checkpoint outcomes; the page shows the report, row by row and field by field, or the
counts of what was written. Anyone else gets 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from careerlens.casework.imports import may_import, run_import
from careerlens.casework.imports.form import ImportForm
from careerlens.casework.imports.report import count_lines
from careerlens.casework.views.common import GET_POST


@login_required
@GET_POST
def upload(request):
    if not may_import(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = run_import(
                request.user,
                form.cleaned_data["kind"],
                upload.read(),
                upload.name,
                sheet=form.cleaned_data["sheet"] or None,
                system=form.cleaned_data["system"],
                dry_run=form.cleaned_data["dry_run"],
            )
        if report is None or not report.accepted:
            status = 400
    context = {"form": form, "report": report, "counts": count_lines(report) if report else []}
    return render(request, "casework/import.html", context, status=status)
