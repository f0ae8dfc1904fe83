"""Everything the engine says in words, in English and French: the names of the methods and estimands,
the statements made when the data cannot support an answer, and the caveats of each method, written for
a reader who is not a statistician."""

from __future__ import annotations

METHOD_NAMES: dict[str, dict[str, str]] = {
    "naive": {"en": "Simple difference of means", "fr": "Simple différence des moyennes"},
    "regression": {"en": "Regression adjustment", "fr": "Ajustement par régression"},
    "matching_replacement": {
        "en": "Propensity-score matching (with replacement)",
        "fr": "Appariement sur le score de propension (avec remise)",
    },
    "matching_no_replacement": {
        "en": "Propensity-score matching (without replacement)",
        "fr": "Appariement sur le score de propension (sans remise)",
    },
    "ipw": {"en": "Inverse-probability weighting", "fr": "Pondération par l'inverse de la probabilité"},
    "doubly_robust": {"en": "Doubly robust estimator", "fr": "Estimateur doublement robuste"},
    "did": {"en": "Difference-in-differences", "fr": "Différence des différences"},
    "did_weighted": {
        "en": "Weighted difference-in-differences",
        "fr": "Différence des différences pondérée",
    },
}

ESTIMAND_NAMES: dict[str, dict[str, str]] = {
    "ATT": {
        "en": "Effect on the people who received the service",
        "fr": "Effet sur les personnes qui ont reçu le service",
    },
    "ATE": {
        "en": "Effect if everyone had received the service",
        "fr": "Effet si tout le monde avait reçu le service",
    },
    "difference": {
        "en": "Raw gap between the two groups (not an effect)",
        "fr": "Écart brut entre les deux groupes (pas un effet)",
    },
}

STATEMENTS: dict[str, dict[str, str]] = {
    "too_few": {
        "en": "There are too few people in one of the groups ({n_treated} who received the service, "
        "{n_control} who did not; at least {minimum} each are needed) to estimate an effect.",
        "fr": "Il y a trop peu de personnes dans l'un des groupes ({n_treated} ont reçu le service, "
        "{n_control} ne l'ont pas reçu; il en faut au moins {minimum} de chaque côté) pour estimer un "
        "effet.",
    },
    "no_overlap": {
        "en": "The people who received the service are too unlike those who did not: {share} of them have "
        "no comparable person in the other group, so no fair comparison is possible.",
        "fr": "Les personnes qui ont reçu le service sont trop différentes de celles qui ne l'ont "
        "pas reçu\u00a0: {share} d'entre elles n'ont aucune personne comparable dans l'autre groupe, "
        "si bien qu'aucune "
        "comparaison équitable n'est possible.",
    },
    "imbalance": {
        "en": "Even after adjustment, the two groups still differ on what was recorded about them (largest "
        "standardised difference {largest}); no method can be recommended with confidence.",
        "fr": "Même après l'ajustement, les deux groupes diffèrent encore selon les renseignements "
        "consignés (plus grande différence standardisée\u00a0: {largest}); aucune méthode ne peut être "
        "recommandée avec assurance.",
    },
    "methods_disagree": {
        "en": "The methods disagree more than their uncertainty allows (estimates from {low} to {high}); "
        "read the result with caution.",
        "fr": "Les méthodes divergent plus que leur incertitude ne le permet (estimations de {low} à "
        "{high}); interprétez le résultat avec prudence.",
    },
    "specification_sensitive": {
        "en": "Leaving out '{covariate}' moves the recommended estimate from {estimate} to {changed}; the "
        "result depends on which characteristics are taken into account.",
        "fr": "Retirer «\u00a0{covariate}\u00a0» fait passer l'estimation recommandée de {estimate} à "
        "{changed}; le résultat dépend des caractéristiques prises en compte.",
    },
}

CAVEATS: dict[str, dict[str, str]] = {
    "observed_only": {
        "en": "This compares people who were alike on what was recorded about them. If something that was "
        "not recorded (motivation, say) both led people to the service and helped them find work, the "
        "estimate is off by that much, and no method here can tell.",
        "fr": "On compare ici des personnes semblables selon ce qui a été consigné à leur sujet. Si un "
        "facteur non consigné (la motivation, par exemple) a à la fois mené des personnes vers le service "
        "et aidé à trouver un emploi, l'estimation est faussée d'autant, et aucune méthode ici ne peut le "
        "déceler.",
    },
    "interval": {
        "en": "The range shown is where the true effect most likely lies (95% of the time, for ranges "
        "built this way). A range that includes zero means the data cannot tell whether the service helps.",
        "fr": "L'intervalle indiqué est celui où se situe le plus probablement l'effet réel "
        "(95\u00a0% du temps, pour des intervalles construits ainsi). Un intervalle qui comprend zéro "
        "signifie que les données "
        "ne permettent pas de dire si le service aide.",
    },
    "trimmed": {
        "en": "People with no comparable counterpart in the other group were set aside ({n} people); the "
        "effect is about the others.",
        "fr": "Les personnes sans équivalent comparable dans l'autre groupe ont été mises de côté "
        "({n} personnes); l'effet porte sur les autres.",
    },
    "parallel_trends": {
        "en": "The difference-in-differences assumes that, without the service, both groups would have "
        "changed by the same amount.",
        "fr": "La différence des différences suppose que, sans le service, les deux groupes auraient "
        "évolué de la même façon.",
    },
}


def _format(name: str, value, language: str) -> str:
    """Numbers the way each language writes them: 1,207 / 1 207; 0.123 / 0,123; 8% / 8 % (shares end in
    ``share``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        grouped = f"{value:,}"
        return grouped if language == "en" else grouped.replace(",", "\u00a0")
    if not isinstance(value, float):
        return str(value)
    if name.endswith("share"):
        return f"{value:.0%}" if language == "en" else f"{value * 100:.0f}\u00a0%"
    text = f"{value:.3f}"
    return text if language == "en" else text.replace(".", ",")


def statement(code: str, **values) -> dict[str, str]:
    """A statement or caveat in both languages, with its code."""
    texts = STATEMENTS.get(code) or CAVEATS[code]
    return {
        "code": code,
        **{
            language: text.format(**{k: _format(k, v, language) for k, v in values.items()})
            for language, text in texts.items()
        },
    }
