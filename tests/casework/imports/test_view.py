"""The import page: the form, the report as a table naming each bad row and column, the counts on success,
and 404 for anyone but provider managers and administrators."""

from __future__ import annotations

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from careerlens.casework.views import imports
from tests.casework.imports.conftest import CLIENT_HEADER, counts, csv_bytes

GOOD = [CLIENT_HEADER, ["C-1", "Nadia", "Okafor", "1988-06-30", "L6Y 1N2", "peel"]]
BAD = [*GOOD, ["C-2", "Léo", "Gagnon", "1975-11-02", "L5B 2C9", "atlantis"]]


@pytest.fixture
def page(rf, case):
    def call(user, rows=None, **data):
        if rows is None:
            request = rf.get("/en/casework/import/")
        else:
            upload = SimpleUploadedFile("export.csv", csv_bytes(rows), content_type="text/csv")
            request = rf.post(
                "/en/casework/import/", {"kind": "clients", "system": "cms", "file": upload, **data}
            )
        request.user = user
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        with translation.override("en"):
            return imports.upload(request)

    return call


def test_the_form(page, users):
    response = page(users["provider_manager"])
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content and b'name="kind"' in response.content


def test_a_bad_file_shows_the_report_and_writes_nothing(page, users):
    before = counts()
    response = page(users["provider_manager"], BAD)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<caption>Problems, by row and column</caption>" in html
    assert "<td>3</td><td>catchment</td><td>atlantis</td>" in html
    assert counts() == before


def test_a_good_file_shows_the_counts(page, users):
    response = page(users["administrator"], GOOD)
    assert response.status_code == 200
    assert "client records created: 1" in response.content.decode()


def test_a_missing_file_is_a_form_error(page, rf, users):
    request = rf.post("/en/casework/import/", {"kind": "clients", "system": "cms"})
    request.user = users["provider_manager"]
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    assert imports.upload(request).status_code == 400


@pytest.mark.parametrize(
    "persona", ["practitioner", "caseworker", "ssm_manager", "analyst", "client", "stranger"]
)
def test_anyone_else_gets_404(page, users, persona):
    with pytest.raises(Http404):
        page(users[persona])


def test_the_page_through_its_url(client_for):
    assert client_for("provider_manager").get(reverse("casework:import")).status_code == 200
    assert client_for("practitioner").get(reverse("casework:import")).status_code == 404
