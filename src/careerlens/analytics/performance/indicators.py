"""The indicator registry: every indicator of docs/metrics.md, keyed by the same id, with its names in
English and French and how it aggregates a column of the facts table (facts.py).

Kinds: ``count`` (people with the flag), ``rate`` (people with the flag among people in the population:
the column is null outside it), ``median`` and ``mean`` (of the column's non-null values).
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis

KINDS = ("count", "rate", "median", "mean")


@dataclass(frozen=True)
class Indicator:
    id: str
    kind: str
    column: str
    name_en: str
    name_fr: str
    unit: str  # people | share | $ a week | months | scale points

    @property
    def additive(self) -> bool:
        """Counts, rates and means add up from quarters to the whole period; medians do not."""
        return self.kind != "median"

    def aggregates(self, t: ibis.Table) -> dict[str, ibis.Value]:
        """Ibis aggregates of the facts table for this indicator: ``<id>__num`` (people with the flag, or
        the sum of the values of a mean), ``<id>__den`` (people in the population), ``<id>__val`` (median)."""
        col = t[self.column]
        if self.kind in ("count", "rate"):
            people = ibis.ifelse(
                col.fill_null(False), 1, 0
            ).sum()  # portable: PostgreSQL casts no bool to int
            if self.kind == "count":
                return {f"{self.id}__num": people}
            return {f"{self.id}__num": people, f"{self.id}__den": col.count()}
        if self.kind == "mean":
            return {f"{self.id}__num": col.cast("float64").sum(), f"{self.id}__den": col.count()}
        return {f"{self.id}__val": col.cast("float64").median(), f"{self.id}__den": col.count()}


def _checkpoint_indicators() -> list[Indicator]:
    found = []
    for m in (1, 3, 6, 12):
        found.append(
            Indicator(
                f"outcome_{m}m",
                "rate",
                f"outcome_{m}m",
                f"Funded outcome at {m} month{'s' if m > 1 else ''}",
                f"Résultat financé à {m} mois",
                "share",
            )
        )
        found.append(
            Indicator(
                f"employed_{m}m",
                "rate",
                f"employed_{m}m",
                f"Employment rate at {m} month{'s' if m > 1 else ''}",
                f"Taux d’emploi à {m} mois",
                "share",
            )
        )
        found.append(
            Indicator(
                f"median_earnings_{m}m",
                "median",
                f"earnings_{m}m",
                f"Median weekly earnings at {m} month{'s' if m > 1 else ''}",
                f"Gains hebdomadaires médians à {m} mois",
                "$ a week",
            )
        )
    return found


INDICATORS: tuple[Indicator, ...] = (
    Indicator("referred", "count", "referred", "Clients referred", "Clients aiguillés", "people"),
    Indicator("intake_completed", "count", "intake", "Intakes completed", "Accueils terminés", "people"),
    Indicator("served", "count", "served", "Clients served", "Clients servis", "people"),
    Indicator(
        "referral_to_intake",
        "rate",
        "intake",
        "Referral-to-intake conversion",
        "Conversion de l’aiguillage à l’accueil",
        "share",
    ),
    Indicator(
        "job_12m",
        "rate",
        "job_12m",
        "Job started within 12 months of intake",
        "Emploi commencé dans les 12 mois suivant l’accueil",
        "share",
    ),
    *_checkpoint_indicators(),
    Indicator("full_time_job", "rate", "full_time", "Full-time jobs", "Emplois à temps plein", "share"),
    Indicator(
        "wage_at_minimum",
        "rate",
        "wage_at_minimum",
        "Jobs paying at least the minimum wage",
        "Emplois payant au moins le salaire minimum",
        "share",
    ),
    Indicator(
        "wage_at_living",
        "rate",
        "wage_at_living",
        "Jobs paying at least a living wage",
        "Emplois payant au moins un salaire décent",
        "share",
    ),
    Indicator(
        "retained_12m",
        "rate",
        "retained_12m",
        "Jobs kept 12 months",
        "Emplois conservés 12 mois",
        "share",
    ),
    Indicator(
        "permanent_job",
        "rate",
        "permanent_job",
        "Permanent jobs",
        "Emplois permanents",
        "share",
    ),
    Indicator(
        "teer_up",
        "rate",
        "teer_up",
        "Job at a higher TEER than the last one",
        "Emploi d’une catégorie FEER supérieure à la précédente",
        "share",
    ),
    Indicator(
        "wage_growth_12m",
        "median",
        "wage_growth_12m",
        "Median wage growth in the first year",
        "Croissance salariale médiane la première année",
        "share",
    ),
    Indicator(
        "wage_at_goal",
        "rate",
        "wage_at_goal",
        "Jobs paying at least the client’s wage goal",
        "Emplois payant au moins le salaire visé par le client",
        "share",
    ),
    Indicator(
        "job_in_goal_field",
        "rate",
        "job_in_goal_field",
        "Jobs in the field of the client’s career goal",
        "Emplois dans le domaine de l’objectif de carrière du client",
        "share",
    ),
    Indicator(
        "training_completed",
        "rate",
        "training_completed",
        "Skills training completed",
        "Formation professionnelle terminée",
        "share",
    ),
    Indicator(
        "credential_earned",
        "rate",
        "credential_earned",
        "Credential earned after skills training",
        "Titre de compétences obtenu après la formation professionnelle",
        "share",
    ),
    Indicator(
        "learning_gain",
        "mean",
        "learning_gain",
        "Career-indicator gain: learning",
        "Gain des indicateurs de carrière : apprentissage",
        "scale points",
    ),
    Indicator(
        "personal_attributes_gain",
        "mean",
        "personal_gain",
        "Career-indicator gain: personal attributes",
        "Gain des indicateurs de carrière : attributs personnels",
        "scale points",
    ),
    Indicator(
        "ow_return_12m",
        "rate",
        "ow_return",
        "Return to Ontario Works within 12 months (spin cycle)",
        "Retour à Ontario au travail dans les 12 mois (effet de porte tournante)",
        "share",
    ),
    Indicator(
        "months_to_job",
        "median",
        "months_to_job",
        "Median months from intake to a job",
        "Nombre médian de mois entre l’accueil et l’emploi",
        "months",
    ),
    Indicator(
        "certified_practitioner",
        "rate",
        "certified",
        "Served by a certified practitioner",
        "Servis par un praticien certifié",
        "share",
    ),
)

REGISTRY: dict[str, Indicator] = {i.id: i for i in INDICATORS}
