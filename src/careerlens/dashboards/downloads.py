"""The dashboards' downloads: the same sections as the page, as CSV, XLSX or PDF."""

from __future__ import annotations

import csv
import io
import re

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

FORMATS = ("csv", "xlsx", "pdf")


def _csv(title: str, sections) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([title])
    for section in sections:
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.columns)
        writer.writerows(section.rows)
        if section.note:
            writer.writerow([section.note])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(title: str, sections) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    used = set()
    for section in sections:
        name = re.sub(r"[\[\]:*?/\\]", " ", section.title)[:28].strip() or section.slug
        while name in used:
            name = name[:26] + f" {len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([section.title])
        sheet.append(section.columns)
        for row in section.rows:
            sheet.append(row)
        if section.note:
            sheet.append([section.note])
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def respond(request, requested: str, title: str, sections) -> HttpResponse:
    name = slugify(title)[:60] or "dashboard"
    if requested == "csv":
        response = HttpResponse(_csv(title, sections), content_type="text/csv; charset=utf-8")
    elif requested == "xlsx":
        response = HttpResponse(
            _xlsx(title, sections),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        from weasyprint import HTML

        html = render_to_string(
            "dashboards/dashboard_pdf.html", {"title": title, "sections": sections}, request=request
        )
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{requested}"'
    return response
