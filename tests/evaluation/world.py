"""Evaluation records for the tests and the persona matrix: one evaluation of career counselling on a small
simulated province, computed once per test process and stored as a run. Idempotent."""

from __future__ import annotations

import io
from functools import cache
from types import SimpleNamespace

from careerlens.analytics.evaluation import EvaluationSettings, covariates_for, evaluate, evaluation_table
from careerlens.analytics.synth import simulate, writer
from careerlens.evaluation.models import EvaluationRun, Source


@cache
def computed() -> dict:
    table = evaluation_table(writer.tables(simulate(3000, 3)))
    treatment = "career_counselling"
    result = evaluate(
        table,
        treatment,
        "job_12m",
        covariates_for(treatment),
        by="age_band",
        settings=EvaluationSettings(bootstrap=30),
    )
    from careerlens.analytics.evaluation import balance_chart, overlap_chart

    charts = {
        lang: {"balance": balance_chart(result, lang), "overlap": overlap_chart(result, lang)}
        for lang in ("en", "fr")
    }
    return {
        "treatment": treatment,
        "outcome": "job_12m",
        "covariates": covariates_for(treatment),
        "by": "age_band",
        "result": result.as_dict(),
        "charts": charts,
    }


def small_table() -> io.BytesIO:
    """A CSV an analyst might bring: 400 people, a service given more often to those out of work longer."""
    lines = ["treated,employed,months_out,program"]
    for i in range(400):
        months = i % 24
        treated = int((i * 7919) % 100 < 30 + months)
        employed = int((i * 104729) % 100 < 40 + 10 * treated - months)
        lines.append(f"{treated},{employed},{months},{'ow' if i % 3 == 0 else 'none'}")
    data = io.BytesIO("\n".join(lines).encode())
    data.name = "outside.csv"
    return data


def build_evaluation(world) -> SimpleNamespace:
    run = EvaluationRun.objects.filter(title="career counselling on a test province").first()
    run = run or EvaluationRun.objects.create(
        title="career counselling on a test province",
        source=Source.SNAPSHOT,
        created_by=world.users["analyst"],
        **computed(),
    )
    return SimpleNamespace(run=run)
