"""The open-data export: every table of the provincial report as CSV (suppressed cells left empty), an
indicator list and a data dictionary, both in English and French."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from careerlens.analytics.performance.breakdowns import BREAKDOWNS, PRIORITY_GROUPS
from careerlens.analytics.performance.engine import ProvincialReport
from careerlens.analytics.performance.funding import COMPONENTS
from careerlens.analytics.performance.indicators import INDICATORS
from careerlens.analytics.performance.settings import PerformanceError

COLUMNS: dict[str, tuple[str, str]] = {
    "breakdown": ("breakdown (see breakdowns.csv)", "ventilation (voir breakdowns.csv)"),
    "group": ("group within the breakdown", "groupe au sein de la ventilation"),
    "quarter": (
        "quarter (of referral for indicators, of the event for payments), or all",
        "trimestre (de l’aiguillage pour les indicateurs, de l’événement pour les paiements), ou all",
    ),
    "indicator": (
        "indicator id (see indicator_definitions.csv)",
        "identifiant de l’indicateur (voir indicator_definitions.csv)",
    ),
    "numerator": ("people counted in the numerator", "personnes comptées au numérateur"),
    "denominator": (
        "people in the population of the indicator",
        "personnes dans la population de l’indicateur",
    ),
    "value": ("value of the indicator, in its unit", "valeur de l’indicateur, dans son unité"),
    "suppressed": (
        "true when the cell is hidden (fewer than 10 people, or complementary suppression)",
        "vrai si la cellule est masquée (moins de 10 personnes, ou suppression complémentaire)",
    ),
    "level": ("provider or ssm", "fournisseur (provider) ou GSS (ssm)"),
    "unit": (
        "provider or service system manager code",
        "code du fournisseur ou du gestionnaire de système de services",
    ),
    "outcome": ("indicator the adjustment models", "indicateur modélisé par l’ajustement"),
    "clients": ("clients", "clients"),
    "actual": ("clients with the outcome", "clients ayant obtenu le résultat"),
    "expected": ("outcomes expected from the client mix", "résultats attendus selon la clientèle"),
    "actual_rate": ("actual rate", "taux observé"),
    "expected_rate": ("expected rate", "taux attendu"),
    "difference": ("actual minus expected rate", "taux observé moins taux attendu"),
    "ci_low": (
        "lower bound of the confidence interval of the difference",
        "borne inférieure de l’intervalle de confiance de l’écart",
    ),
    "ci_high": (
        "upper bound of the confidence interval of the difference",
        "borne supérieure de l’intervalle de confiance de l’écart",
    ),
    "shrinkage": (
        "weight kept on the unit's own difference (empirical Bayes)",
        "poids conservé sur l’écart propre à l’unité (bayésien empirique)",
    ),
    "shrunk_difference": (
        "difference after shrinkage toward the province",
        "écart après rétrécissement vers la province",
    ),
    "adjusted_rate": ("provincial rate plus the shrunk difference", "taux provincial plus l’écart rétréci"),
    "stars": ("star band, 1 to 5", "cote en étoiles, de 1 à 5"),
    "total_amount": ("total payment, $", "paiement total, $"),
    "rules_a": ("first rule file", "premier fichier de règles"),
    "rules_b": ("second rule file", "second fichier de règles"),
    "amount_a": ("total payment under the first rules, $", "paiement total selon les premières règles, $"),
    "amount_b": ("total payment under the second rules, $", "paiement total selon les secondes règles, $"),
    "change": (
        "relative change from the first to the second rules",
        "variation relative des premières aux secondes règles",
    ),
    "segment": (
        "quintile of expected outcome, 1 = hardest to place",
        "quintile du résultat attendu, 1 = le plus difficile à placer",
    ),
    "expected_outcome": ("mean expected 12-month funded outcome", "résultat financé attendu moyen à 12 mois"),
    "payment_per_client": ("mean payment per client, $", "paiement moyen par client, $"),
    "expected_cost": ("mean expected cost of service, $", "coût de service attendu moyen, $"),
    "margin": ("payment minus expected cost, $", "paiement moins coût attendu, $"),
    **{
        f"{c}_people": (f"people behind the {en}", f"personnes visées par les {fr}")
        for c, (en, fr) in COMPONENTS.items()
    },
    **{f"{c}_amount": (f"{en}, $", f"{fr}, $") for c, (en, fr) in COMPONENTS.items()},
}
TABLES: dict[str, tuple[str, str]] = {
    "indicators": ("indicators by breakdown and quarter", "indicateurs par ventilation et trimestre"),
    "adjustment": ("actual against expected outcomes", "résultats observés et attendus"),
    "payments_provider": ("payments per provider and quarter", "paiements par fournisseur et trimestre"),
    "payments_ssm": ("payments per SSM and quarter", "paiements par GSS et trimestre"),
    "creaming": ("creaming check", "vérification de l’écrémage"),
    "comparison": ("two rule files side by side", "deux fichiers de règles côte à côte"),
    "creaming_compare": ("creaming check, second rules", "vérification de l’écrémage, secondes règles"),
}


def _write_rows(path: Path, header: tuple[str, ...], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_table(table: pa.Table, path: Path) -> None:
    pacsv.write_csv(table, path, pacsv.WriteOptions(include_header=True))


def write(result: ProvincialReport, directory: str | Path) -> list[Path]:
    """Write the open-data files into ``directory`` (created if missing); returns their paths."""
    out = Path(directory)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PerformanceError(f"--out {out}: cannot create the directory ({error})") from error
    written = []
    for name, table in result.tables.items():
        missing = [c for c in table.column_names if c not in COLUMNS]
        if missing:
            raise PerformanceError(
                f"table {name}: no data-dictionary entry for column(s) {', '.join(missing)}"
            )
        write_table(table, out / f"{name}.csv")
        written.append(out / f"{name}.csv")
    dictionary = [
        (name, TABLES[name][0], TABLES[name][1], column, *COLUMNS[column])
        for name, table in result.tables.items()
        for column in table.column_names
    ]
    header = ("table", "table_en", "table_fr", "column", "description_en", "description_fr")
    _write_rows(out / "data_dictionary.csv", header, dictionary)
    _write_rows(
        out / "indicator_definitions.csv",
        ("indicator", "name_en", "name_fr", "kind", "unit"),
        [(i.id, i.name_en, i.name_fr, i.kind, i.unit) for i in INDICATORS],
    )
    groups = [(b.id, b.name_en, b.name_fr) for b in BREAKDOWNS]
    groups += [(f"priority_group:{g}", en, fr) for g, (en, fr) in PRIORITY_GROUPS.items()]
    _write_rows(out / "breakdowns.csv", ("breakdown", "name_en", "name_fr"), groups)
    return [*written, out / "data_dictionary.csv", out / "indicator_definitions.csv", out / "breakdowns.csv"]
