"""COPS 2024–2033 (ESDC): the national ten-year outlook per NOC 2021 unit group, from the summary file."""

from __future__ import annotations

import re

from careerlens.reference.loaders.base import (
    ReferenceDataError,
    Source,
    integer,
    noc_code,
    read_rows,
    replace_all,
)
from careerlens.reference.models import LabourMarketOutlook, Occupation, Outlook

COPS_SUMMARY = Source(
    key="cops2024_summary",
    path="cops2024/summary_sommaire_2024_2033_noc2021.csv",
    version="COPS 2024–2033",
    publisher="Employment and Social Development Canada",
    licence="Open Government Licence – Canada",
)

NUMBERS = {
    "employment_2023": "Employment_emploi_2023",
    "employment_growth": "Employment_Growth_croissance_emploi",
    "retirements": "Retirements_retraites",
    "other_replacement": "Other_Replacement_autre_remplacement",
    "job_openings": "Total_Job_Openings_Perspective_d'emploi",
    "school_leavers": "School_Leavers_Sortants_scolaires",
    "immigration": "Immigration",
    "other_seekers": "Other_Seekers_autres_chercheurs",
    "job_seekers": "Job_Seekers_Chercheurs_emploi",
}
RECENT = ("Recent_Labour_Market_Conditions", "Conditions_récentes_sur_le_marché_du_travail")
FUTURE = ("Future_Labour_Market_Conditions", "Conditions_futures_sur_le_marché_du_travail")
NOT_AVAILABLE = ("N/A", "N/D", "")
# "Balance", "Moderate signs of Shortage" (recent), "Strong risk of Surplus" (future)
CONDITION = re.compile(
    r"^(?:(?P<strength>moderate|strong) (?:signs|risk) of (?P<direction>shortage|surplus)|balance)$"
)


def outlook_of(value: str, line: int, field: str) -> str:
    """The published English condition as a ``LabourMarketOutlook`` value ("" where not available)."""
    if value in NOT_AVAILABLE:
        return ""
    match = CONDITION.match(" ".join(value.lower().split()))
    if not match:
        raise ReferenceDataError(
            f"{COPS_SUMMARY.path}, line {line}: {field} {value!r} is not a COPS condition."
        )
    if match["strength"] is None:
        return LabourMarketOutlook.BALANCE
    return LabourMarketOutlook(f"{match['strength']}_{match['direction']}")


def load_summary() -> int:
    source = COPS_SUMMARY
    known = set(Occupation.objects.values_list("code", flat=True))
    outlooks: dict[str, Outlook] = {}
    for line, row in read_rows(source, required=("Code", *NUMBERS.values(), *RECENT, *FUTURE), strict=True):
        raw = row["Code"]
        if not raw.isdigit() or raw.strip("0") == "":
            continue  # aggregates: "00000" all occupations, "TEER_3", "NOC1_7"
        code = noc_code(raw, source, line, "Code")
        if code not in known:
            raise ReferenceDataError(f"{source.path}, line {line}: Code {code} is not a NOC 2021 unit group.")
        if code in outlooks:
            raise ReferenceDataError(f"{source.path}, line {line}: Code {code} appears twice.")
        numbers = {
            name: integer(row[column], source, line, column, missing=NOT_AVAILABLE)
            for name, column in NUMBERS.items()
        }
        recent_en, recent_fr = (row[column] for column in RECENT)
        future_en, future_fr = (row[column] for column in FUTURE)
        outlooks[code] = Outlook(
            occupation_id=code,
            **numbers,
            recent_outlook=outlook_of(recent_en, line, RECENT[0]),
            recent_conditions_en="" if recent_en in NOT_AVAILABLE else recent_en,
            recent_conditions_fr="" if recent_fr in NOT_AVAILABLE else recent_fr,
            future_outlook=outlook_of(future_en, line, FUTURE[0]),
            future_conditions_en="" if future_en in NOT_AVAILABLE else future_en,
            future_conditions_fr="" if future_fr in NOT_AVAILABLE else future_fr,
        )
    return replace_all(Outlook, list(outlooks.values()))
