"""Evaluations in the app: on the snapshot and on an outside table, and the report a non-statistician
reads in English and French."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from careerlens.evaluation import services
from careerlens.segmentation import snapshot
from tests.evaluation.world import build_evaluation, small_table


def test_an_evaluation_on_the_snapshot(world, settings, tmp_path):
    settings.ANALYTICS_SNAPSHOT_DIR = tmp_path / "missing"
    with pytest.raises(ValidationError, match="snapshot"):
        services.run_on_snapshot(world.users["analyst"], "skills_training", "job_12m")
    settings.ANALYTICS_SNAPSHOT_DIR = tmp_path / "snapshot"
    settings.EVALUATION_BOOTSTRAP = 20
    snapshot.write_simulated(3000, 4)
    run = services.run_on_snapshot(world.users["ssm_manager"], "skills_training", "job_12m", "age_band")
    methods = {e["method"] for e in run.result["estimates"]}
    assert {"naive", "regression", "ipw", "doubly_robust", "matching_replacement"} <= methods
    assert {s["value"] for s in run.result["subgroups"]} >= {"55+"}
    assert set(run.charts) == {"en", "fr"}
    with pytest.raises(ValidationError):
        services.run_on_snapshot(world.users["analyst"], "astrology", "job_12m")
    with pytest.raises(Http404):
        services.run_on_snapshot(world.users["practitioner"], "skills_training", "job_12m")


def test_an_outside_table_and_bad_files(world):
    data = small_table()
    upload = SimpleUploadedFile("outside.csv", data.getvalue())
    run = services.run_on_upload(
        world.users["analyst"],
        upload,
        treatment="treated",
        outcome="employed",
        covariates=["months_out", "program"],
    )
    assert run.result["rows"] == 400 and run.file_name == "outside.csv"
    with pytest.raises(ValidationError, match="csv or .parquet"):
        services.run_on_upload(
            world.users["analyst"],
            SimpleUploadedFile("x.xlsx", b"x"),
            treatment="t",
            outcome="o",
            covariates=["c"],
        )
    with pytest.raises(ValidationError, match="missing_column|not in"):
        services.run_on_upload(
            world.users["analyst"],
            SimpleUploadedFile("outside.csv", data.getvalue()),
            treatment="treated",
            outcome="missing_column",
            covariates=["months_out"],
        )


def test_the_report_in_both_languages(world, client_for):
    run = build_evaluation(world).run
    browser = client_for("analyst")
    english = browser.get(f"/en/evaluations/{run.pk}/").content.decode()
    assert "Estimates by method" in english and "What to keep in mind" in english
    assert 'id="balance-chart"' in english and "(recommended)" in english
    french = browser.get(f"/fr/evaluations/{run.pk}/").content.decode()
    caveat = run.result["caveats"][0]["fr"]
    assert caveat[:40] in french
    pdf = browser.get(f"/en/evaluations/{run.pk}/?format=pdf")
    assert pdf.content.startswith(b"%PDF")
