"""Evaluation pages and API (tests/evaluation/world.py holds one run): ministry analysts, SSM managers and
administrators read and run evaluations; no one else sees them."""

from __future__ import annotations

from tests.access.matrix import TO_SIGN_IN, Row, expect, only
from tests.evaluation.world import build_evaluation, small_table

RUNNERS = ("ssm_manager", "analyst", "administrator")
UNAUTHORISED = 401


def run_path(template: str):
    def path(world):
        return template.format(pk=build_evaluation(world).run.pk)

    return path


def page(status=200, **exceptions):
    return only(RUNNERS, status, otherwise=404, **{"anonymous": TO_SIGN_IN, **exceptions})


def api(status=200, **exceptions):
    return only(RUNNERS, status, otherwise=404, **{"anonymous": UNAUTHORISED, **exceptions})


class UploadRow(Row):
    def send(self, client, world):
        return client.post(self.url(world), data={"data": small_table(), **(self.data or {})})


UPLOAD = {"treatment": "treated", "outcome": "employed", "covariates": "months_out, program"}
ROWS = [
    Row("/en/evaluations/", page()),
    Row("/fr/evaluations/", page()),
    Row(run_path("/en/evaluations/{pk}/"), page(), label="an evaluation report"),
    Row(run_path("/fr/evaluations/{pk}/"), page(), label="an evaluation report in French"),
    Row(run_path("/en/evaluations/{pk}/?format=pdf"), page(), label="an evaluation report as PDF"),
    Row("/en/evaluations/999999/", page(404)),
    Row("/en/evaluations/run/", page(400), method="POST", data={"treatment": "astrology"}),
    UploadRow(
        "/en/evaluations/upload/", page(302), method="POST", data=UPLOAD, label="evaluate an outside table"
    ),
    UploadRow(
        "/en/evaluations/upload/",
        page(400),
        method="POST",
        data={**UPLOAD, "outcome": "missing_column"},
        label="evaluate with a missing column",
    ),
    Row("/en/evaluations/upload/", expect(405, anonymous=TO_SIGN_IN), label="upload by GET"),
    Row("/api/v1/evaluations", api()),
    Row(run_path("/api/v1/evaluations/{pk}"), api(), label="API an evaluation"),
    Row(
        "/api/v1/evaluations",
        expect(422, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"treatment": "astrology"},
        label="API evaluate an unknown service",
    ),
    UploadRow(
        "/api/v1/evaluations/upload", api(201), method="POST", data=UPLOAD, label="API evaluate a table"
    ),
    UploadRow(
        "/api/v1/evaluations/upload",
        api(422),
        method="POST",
        data={**UPLOAD, "treatment": "program"},
        label="API evaluate a treatment that is not yes/no",
    ),
]
