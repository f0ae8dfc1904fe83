"""The breakdowns every indicator is reported by: each a column of the facts table (facts.py), with its
name in English and French. ``priority_group`` stacks the clients of each priority group (a client in
two groups counts in both); every breakdown is also crossed with the quarter of referral."""

from __future__ import annotations

from dataclasses import dataclass

import ibis

PRIORITY_GROUPS: dict[str, tuple[str, str]] = {
    "youth_high_needs": ("Youth with high needs (16–29)", "Jeunes ayant des besoins élevés (16 à 29 ans)"),
    "women_high_needs": ("Women with high needs", "Femmes ayant des besoins élevés"),
    "older_worker": ("Older workers (55+)", "Travailleurs âgés (55 ans et plus)"),
    "francophone": ("Francophones", "Francophones"),
    "indigenous": ("Indigenous people", "Personnes autochtones"),
    "newcomer": ("Newcomers (within 5 years)", "Nouveaux arrivants (depuis moins de 5 ans)"),
    "disability": ("People with a disability", "Personnes en situation de handicap"),
    "racialized": ("Racialized people", "Personnes racisées"),
}


@dataclass(frozen=True)
class Breakdown:
    id: str
    name_en: str
    name_fr: str
    column: str | None  # facts column; None for the province as a whole


BREAKDOWNS: tuple[Breakdown, ...] = (
    Breakdown("province", "Province", "Province", None),
    Breakdown("catchment", "Catchment area", "Zone de desserte", "catchment"),
    Breakdown("ssm", "Service system manager", "Gestionnaire de système de services", "ssm"),
    Breakdown("provider", "Service provider", "Fournisseur de services", "provider"),
    Breakdown("site", "Site", "Site", "site"),
    Breakdown("stream", "Client stream", "Volet de service", "stream"),
    Breakdown("program", "Program at referral", "Programme à l’aiguillage", "program"),
    Breakdown("age_band", "Age group", "Groupe d’âge", "age_band"),
    Breakdown("priority_group", "Priority group", "Groupe prioritaire", "priority_group"),
)


def grouped(facts: ibis.Table, breakdown: Breakdown) -> ibis.Table:
    """The facts with a ``group`` column for this breakdown (stacked for the priority groups)."""
    if breakdown.column is None:
        return facts.mutate(group=ibis.literal("all"))
    if breakdown.id == "priority_group":
        parts = [facts.filter(facts[flag]).mutate(group=ibis.literal(flag)) for flag in PRIORITY_GROUPS]
        return ibis.union(*parts)
    return facts.mutate(group=facts[breakdown.column])
