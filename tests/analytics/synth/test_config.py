import csv
import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from careerlens.analytics.synth.config import CATCHMENT_CODES, CATCHMENTS, PROGRAMS, SimConfig

CATCHMENTS_CSV = Path(__file__).resolve().parents[3] / "src/careerlens/reference/data/ontario/catchments.csv"
ONTARIO_2021 = 14_223_942  # Census 2021


def test_the_fifteen_catchments_are_those_of_the_reference_data():
    with CATCHMENTS_CSV.open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    assert set(CATCHMENT_CODES) == codes
    assert len(CATCHMENT_CODES) == 15


def test_catchment_populations_add_up_to_ontario():
    total = sum(c.population for c in CATCHMENTS)
    assert abs(total - ONTARIO_2021) / ONTARIO_2021 < 0.02
    toronto = next(c for c in CATCHMENTS if c.code == "toronto")
    assert toronto.population == max(c.population for c in CATCHMENTS)


def test_catchment_rates_are_shares():
    for c in CATCHMENTS:
        for value in (c.francophone, c.indigenous, c.immigrant, c.racialized):
            assert 0 <= value < 1, c.code
    northeast = next(c for c in CATCHMENTS if c.code == "northeast")
    assert northeast.francophone == max(c.francophone for c in CATCHMENTS)


@pytest.mark.parametrize(
    "shares",
    [
        lambda cfg: [cfg.program_shares[p] for p in PROGRAMS],
        lambda cfg: cfg.gender_shares,
        lambda cfg: cfg.dependants_shares,
        lambda cfg: cfg.race_shares_if_racialized,
        lambda cfg: cfg.disability_type_shares,
        lambda cfg: cfg.evidence_shares,
        *[lambda cfg, p=p: cfg.age_band_shares[p] for p in PROGRAMS],
        *[lambda cfg, k=k: cfg.education_shares[k] for k in (*PROGRAMS, "immigrant")],
        *[lambda cfg, e=e: cfg.teer_shares_by_education[e] for e in range(5)],
    ],
)
def test_every_distribution_sums_to_one(shares):
    assert np.isclose(sum(shares(SimConfig())), 1.0)


def test_the_outcome_rule_is_a_parameter_with_the_2025_minimum_wage():
    cfg = SimConfig()
    assert cfg.min_wage == 17.60 and cfg.min_hours == 20
    assert dataclasses.replace(cfg, min_wage=18.0).min_wage == 18.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.min_wage = 1.0


def test_settings_serialise_to_json():
    data = json.loads(json.dumps(SimConfig().to_dict()))
    assert data["referral_start"] == "2025-01-01"
    assert data["stream_cutoffs"] == list(SimConfig().stream_cutoffs)
