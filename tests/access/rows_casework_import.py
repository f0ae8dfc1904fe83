"""The case import page (docs/import.md): provider managers and administrators only; everyone else gets 404
and anonymous visitors are sent to sign in. The rows run once the lead adds the ``casework:import`` URL;
until then this module has none (the page is tested through RequestFactory in tests/casework/imports)."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from tests.access.matrix import TO_SIGN_IN, Row, only

IMPORTERS = ("provider_manager", "administrator")
NOT_FOUND = 404


def _importers(status: int) -> dict[str, int]:
    return only(IMPORTERS, status, otherwise=NOT_FOUND, anonymous=TO_SIGN_IN)


def _rows() -> list[Row]:
    try:
        reverse("casework:import")
    except NoReverseMatch:
        return []
    return [
        Row("/en/casework/import/", _importers(200)),
        Row("/fr/casework/import/", _importers(200)),
        Row(
            "/en/casework/import/", _importers(400), method="POST", data={"kind": "clients", "system": "cms"}
        ),
        Row(
            "/en/casework/import/",
            _importers(400),
            method="POST",
            data={"kind": "rocks", "system": "cms"},
            label="import with an unknown kind",
        ),
    ]


ROWS = _rows()
