"""Vega-Lite specifications of the two diagnostic charts a report shows, in English or French: covariate
balance before and after adjustment (a "love plot" of standardised mean differences) and the overlap of
the propensity scores (a histogram per group). Plain dictionaries: the web pages embed them as they are."""

from __future__ import annotations

from .evaluate import Evaluation

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
ADJUSTMENT_NAMES = {
    "before": {"en": "Before adjustment", "fr": "Avant l'ajustement"},
    "weighting": {"en": "After weighting", "fr": "Après la pondération"},
    "matching_replacement": {
        "en": "After matching (with replacement)",
        "fr": "Après l'appariement (avec remise)",
    },
    "matching_no_replacement": {
        "en": "After matching (without replacement)",
        "fr": "Après l'appariement (sans remise)",
    },
}
TEXTS = {
    "balance_title": {
        "en": "Differences between the groups, before and after adjustment",
        "fr": "Écarts entre les groupes, avant et après l'ajustement",
    },
    "smd": {"en": "Standardised mean difference", "fr": "Différence moyenne standardisée"},
    "covariate": {"en": "Characteristic", "fr": "Caractéristique"},
    "when": {"en": "When", "fr": "Moment"},
    "overlap_title": {
        "en": "Propensity scores of the two groups",
        "fr": "Scores de propension des deux groupes",
    },
    "score": {
        "en": "Estimated probability of receiving the service",
        "fr": "Probabilité estimée de recevoir le service",
    },
    "people": {"en": "People", "fr": "Personnes"},
    "group": {"en": "Group", "fr": "Groupe"},
    "treated": {"en": "Received the service", "fr": "Ont reçu le service"},
    "control": {"en": "Did not", "fr": "Ne l'ont pas reçu"},
}


def balance_chart(result: Evaluation, language: str = "en") -> dict:
    """One point per covariate and moment; dashed lines at ± the balance threshold."""
    threshold = result.settings.balance_threshold
    values = []
    for j, label in enumerate(result.balance.labels):
        moments = {"before": result.balance.before[j], **{k: v[j] for k, v in result.balance.after.items()}}
        for moment, smd in moments.items():
            values.append({"covariate": label, "when": ADJUSTMENT_NAMES[moment][language], "smd": float(smd)})
    return {
        "$schema": SCHEMA,
        "title": TEXTS["balance_title"][language],
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "point", "filled": True},
                "encoding": {
                    "y": {"field": "covariate", "type": "nominal", "title": TEXTS["covariate"][language]},
                    "x": {"field": "smd", "type": "quantitative", "title": TEXTS["smd"][language]},
                    "color": {"field": "when", "type": "nominal", "title": TEXTS["when"][language]},
                    "shape": {"field": "when", "type": "nominal"},
                },
            },
            {
                "data": {"values": [{"x": -threshold}, {"x": threshold}]},
                "mark": {"type": "rule", "strokeDash": [4, 4]},
                "encoding": {"x": {"field": "x", "type": "quantitative"}},
            },
        ],
    }


def overlap_chart(result: Evaluation, language: str = "en") -> dict:
    """Counts of people per propensity-score bin, one bar series per group."""
    edges = result.overlap.edges
    values = [
        {
            "start": float(edges[i]),
            "end": float(edges[i + 1]),
            "group": TEXTS[group][language],
            "people": int(counts[i]),
        }
        for group, counts in (
            ("treated", result.overlap.treated_counts),
            ("control", result.overlap.control_counts),
        )
        for i in range(len(edges) - 1)
    ]
    return {
        "$schema": SCHEMA,
        "title": TEXTS["overlap_title"][language],
        "data": {"values": values},
        "mark": {"type": "bar", "opacity": 0.6},
        "encoding": {
            "x": {
                "field": "start",
                "type": "quantitative",
                "bin": {"binned": True},
                "title": TEXTS["score"][language],
            },
            "x2": {"field": "end"},
            "y": {
                "field": "people",
                "type": "quantitative",
                "stack": None,
                "title": TEXTS["people"][language],
            },
            "color": {"field": "group", "type": "nominal", "title": TEXTS["group"][language]},
        },
    }
