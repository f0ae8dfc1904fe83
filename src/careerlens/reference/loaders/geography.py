"""Ontario's 11 economic regions and the 15 IES catchments with their SSMs (docs/data.md)."""

from __future__ import annotations

from careerlens.reference.loaders.base import ReferenceDataError, Source, read_rows
from careerlens.reference.models import Catchment, EconomicRegion

ECONOMIC_REGIONS = Source(
    key="ontario_economic_regions",
    path="ontario/economic_regions.csv",
    version="SGC 2021",
    publisher="Statistics Canada",
    licence="Open Government Licence – Canada",
)
CATCHMENTS = Source(
    key="ies_catchments",
    path="ontario/catchments.csv",
    version="2025",
    publisher="Ontario, Employment Ontario Partners' Gateway (IES overview); AMO policy update 2019-07-02",
    licence="Facts compiled by careerlens; SSM names marked secondary are unconfirmed",
)


def load_economic_regions() -> int:
    rows = list(read_rows(ECONOMIC_REGIONS, required=("code", "name_en", "name_fr")))
    for line, row in rows:
        if not (row["code"].isdigit() and len(row["code"]) == 4):
            raise ReferenceDataError(
                f"{ECONOMIC_REGIONS.path}, line {line}: code {row['code']!r} is not a region code."
            )
        EconomicRegion.objects.update_or_create(
            code=row["code"], defaults={"name_en": row["name_en"], "name_fr": row["name_fr"]}
        )
    return len(rows)


def load_catchments() -> int:
    fields = ("code", "name_en", "name_fr", "economic_region", "phase", "launch", "ssm_name", "ssm_source")
    rows = list(read_rows(CATCHMENTS, required=fields))
    regions = set(EconomicRegion.objects.values_list("code", flat=True))
    for line, row in rows:
        if row["economic_region"] not in regions:
            raise ReferenceDataError(
                f"{CATCHMENTS.path}, line {line}: economic_region {row['economic_region']!r} is not loaded."
            )
        Catchment.objects.update_or_create(
            code=row["code"],
            defaults={
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "economic_region_id": row["economic_region"],
                "phase": row["phase"],
                "launch": row["launch"],
                "ssm_name": row["ssm_name"],
                "ssm_source": row["ssm_source"],
            },
        )
    return len(rows)
