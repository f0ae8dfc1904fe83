import re

import numpy as np

from careerlens.analytics.synth import network
from careerlens.analytics.synth.config import CATCHMENTS, SimConfig


def test_provider_ids_follow_the_demo_network_codes(province):
    net = province.network
    for index, c in enumerate(CATCHMENTS):
        ids = set(net.provider_ids[net.provider_catchment == index])
        assert {f"{c.code}-p1", f"{c.code}-p2"} <= ids
        assert (f"{c.code}-fr" in ids) == c.french_provider
        assert all(re.fullmatch(rf"{re.escape(c.code)}-(p\d+|fr)", pid) for pid in ids)
    assert net.provider_french.sum() == sum(c.french_provider for c in CATCHMENTS)


def test_big_provinces_get_more_providers_and_practitioners():
    small, big = network.build(5_000, 1, SimConfig()), network.build(1_000_000, 1, SimConfig())
    assert len(small.provider_ids) == 2 * 15 + 7
    assert len(big.provider_ids) > 90
    assert len(big.practitioner_ids) > 3_000
    assert len(set(big.practitioner_ids)) == len(big.practitioner_ids)


def test_clients_go_to_providers_of_their_catchment(province):
    net = province.network
    assert np.array_equal(net.provider_catchment[province.provider], province.people["catchment"])
    intake = province.referrals.intake
    assert (province.practitioner[~intake] == -1).all()
    assert np.array_equal(net.practitioner_provider[province.practitioner[intake]], province.provider[intake])


def test_francophones_are_drawn_to_the_french_language_provider(province):
    french = province.network.provider_french[province.provider]
    franco = province.people["francophone"]
    has_french = np.isin(
        province.people["catchment"], province.network.provider_catchment[province.network.provider_french]
    )
    assert french[franco & has_french].mean() > 0.5 > 0.15 > french[~franco & has_french].mean()


def test_providers_cream_by_their_tilt(province):
    # providers with a positive tilt get clients with better prospects (risk lower), on average
    net = province.network
    risk = province.truth["risk_true"]
    counts = np.bincount(province.provider, minlength=len(net.provider_ids))
    mean_risk = np.bincount(province.provider, weights=risk, minlength=len(net.provider_ids)) / np.maximum(
        counts, 1
    )
    own = np.array(
        [
            mean_risk[i] - risk[province.people["catchment"] == c].mean()
            for i, c in enumerate(net.provider_catchment)
        ]
    )
    general = ~net.provider_french
    assert np.corrcoef(net.provider_tilt[general], own[general])[0, 1] < -0.5


def test_the_french_language_providers_are_those_of_the_demo_network():
    from careerlens.demo.network import CATCHMENTS as DEMO

    demo = {c.code: bool(c.francophone_city) for c in DEMO}
    assert demo == {c.code: c.french_provider for c in CATCHMENTS}
