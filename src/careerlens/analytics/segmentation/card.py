"""The model card of a model version as plain data, in English and French: purpose, data, features,
excluded characteristics, evaluation, audit, flags and limitations. The app renders it as HTML and PDF."""

from __future__ import annotations

from .explain import feature_label
from .model import Model
from .protected import PROTECTED

PURPOSES = {
    "long_term_unemployed": {
        "en": "Risk of long-term unemployment: no job of 20 or more hours a week within 12 months of intake. "
        "Used to suggest a stream (A, B, C); a practitioner decides and may change it with a reason.",
        "fr": "Risque de chômage de longue durée : aucun emploi de 20 heures ou plus par semaine dans les "
        "12 mois suivant l'accueil. Sert à proposer un volet (A, B, C); l'intervenant décide et peut le "
        "modifier en donnant une raison.",
    },
    "ow_return_12m": {
        "en": "Risk of returning to Ontario Works within 12 months of leaving it for a job. Used to offer "
        "follow-up support after the job starts.",
        "fr": "Risque de retour à Ontario au travail dans les 12 mois suivant une sortie vers un emploi. "
        "Sert à offrir un suivi après le début de l'emploi.",
    },
}
GENERIC_PURPOSE = {
    "en": "Risk of the outcome {outcome!r}, trained on the table supplied.",
    "fr": "Risque du résultat {outcome!r}, entraîné sur la table fournie.",
}
MODEL_TEXT = {
    "en": "Penalised (L2) logistic regression on binned features: each answer adds a published number of "
    "points to the log-odds; probabilities checked for calibration on held-out rows.",
    "fr": "Régression logistique pénalisée (L2) sur des variables regroupées par classes : chaque réponse "
    "ajoute un nombre publié de points à la cote logarithmique; l'étalonnage des probabilités est vérifié "
    "sur des lignes réservées.",
}
LIMITATIONS = [
    {
        "en": "The model sees only what was recorded at intake; people who under-report needs get lower "
        "risks than their true ones.",
        "fr": "Le modèle ne voit que ce qui a été consigné à l'accueil; les personnes qui sous-déclarent "
        "leurs besoins obtiennent un risque inférieur à leur risque réel.",
    },
    {
        "en": "A risk is a statistical estimate for people with similar answers, not a judgement of the "
        "person; a practitioner makes every decision.",
        "fr": "Un risque est une estimation statistique pour des personnes aux réponses semblables, non un "
        "jugement sur la personne; un intervenant prend chaque décision.",
    },
    {
        "en": "Protected characteristics left out of the model can still act through related answers; the "
        "audit shows the result group by group.",
        "fr": "Les caractéristiques protégées exclues du modèle peuvent agir par des réponses liées; "
        "l'audit en montre l'effet groupe par groupe.",
    },
    {
        "en": "Groups of fewer than 10 people are not shown.",
        "fr": "Les groupes de moins de 10 personnes ne sont pas présentés.",
    },
]


def model_card(model: Model, audit: dict, version: str = "") -> dict:
    meta = model.metadata
    purpose = PURPOSES.get(model.outcome) or {
        lang: text.format(outcome=model.outcome) for lang, text in GENERIC_PURPOSE.items()
    }
    return {
        "version": version,
        "outcome": model.outcome,
        "purpose": purpose,
        "model": MODEL_TEXT,
        "data": {
            "rows": meta.get("evaluation", {}).get("rows"),
            "base_rate": meta.get("base_rate"),
            "source": meta.get("source", ""),
        },
        "features": [{"name": name, "label": feature_label(name)} for name in model.feature_names],
        "protected_excluded": [
            {"name": name, "label": feature_label(name)} for name in meta.get("protected_left_out", [])
        ],
        "protected_allowed": [
            {"name": name, "label": feature_label(name)} for name in meta.get("protected_allowed", [])
        ],
        "protected_characteristics": sorted(set(PROTECTED.values())),
        "evaluation": meta.get("evaluation"),
        "settings": meta.get("settings"),
        "audit": audit,
        "flags": audit.get("flags", []),
        "limitations": LIMITATIONS,
    }
