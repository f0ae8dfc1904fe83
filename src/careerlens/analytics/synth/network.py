"""Providers and practitioners in each catchment, and who serves whom.

Each catchment has at least two general providers (more in big catchments: one per ``clients_per_provider``
expected clients) and, where the demo network has one, a French-language provider. Ids follow the demo
network's organisation codes (``peel-p1``, ``peel-p2``, ``peel-fr``; more providers continue ``peel-p3``…),
so a loader can map simulated providers onto the demo's organisations.

Providers add value (a known effect on the hazard) and attract different clients (a known "tilt" on the
referral profile, i.e. creaming), so that naive provider comparisons are biased and client-mix adjustment
has something to find.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import CATCHMENTS, SimConfig
from .numeric import categorical, generator
from .population import catchment_weights


@dataclass(frozen=True)
class Network:
    provider_ids: np.ndarray  # str, object array
    provider_catchment: np.ndarray  # int8
    provider_french: np.ndarray  # bool
    provider_size: np.ndarray  # relative share of its catchment's referrals
    provider_effect: np.ndarray  # value added, logit of the monthly hazard
    provider_tilt: np.ndarray  # creaming: attraction per sd of the referral profile
    practitioner_ids: np.ndarray
    practitioner_provider: np.ndarray  # int32 index into providers
    practitioner_effect: np.ndarray
    practitioner_ccdp: np.ndarray  # bool: Certified Career Development Practitioner
    practitioner_experience: np.ndarray  # years, int8
    practitioner_fte: np.ndarray


def build(n: int, seed: int, cfg: SimConfig) -> Network:
    rng = generator(seed, "network")
    ids, catchment, french, size = [], [], [], []
    for index, (c, weight) in enumerate(zip(CATCHMENTS, catchment_weights(), strict=True)):
        general = max(2, round(n * weight / cfg.clients_per_provider))
        for number in range(1, general + 1):
            ids.append(f"{c.code}-p{number}")
            catchment.append(index)
            french.append(False)
        size.extend(rng.uniform(0.6, 1.6, general))
        if c.french_provider:
            ids.append(f"{c.code}-fr")
            catchment.append(index)
            french.append(True)
            size.append(0.4)
    providers = len(ids)
    size = np.array(size)
    catchment = np.array(catchment, dtype=np.int8)
    share = size / np.bincount(catchment, weights=size)[catchment]
    expected = n * catchment_weights()[catchment] * share
    per_provider = np.maximum(2, np.round(expected / cfg.clients_per_practitioner)).astype(np.int32)
    practitioner_provider = np.repeat(np.arange(providers, dtype=np.int32), per_provider)
    number = np.arange(len(practitioner_provider)) - np.repeat(
        np.cumsum(per_provider) - per_provider, per_provider
    )
    practitioner_ids = np.array(
        [f"{ids[p]}-cdp{k + 1:03d}" for p, k in zip(practitioner_provider, number, strict=True)], dtype=object
    )
    m = len(practitioner_ids)
    ccdp = rng.random(m) < cfg.ccdp_share
    return Network(
        provider_ids=np.array(ids, dtype=object),
        provider_catchment=catchment,
        provider_french=np.array(french),
        provider_size=share,
        provider_effect=rng.normal(0.0, cfg.provider_effect_sd, providers),
        provider_tilt=rng.normal(0.0, cfg.provider_tilt_sd, providers),
        practitioner_ids=practitioner_ids,
        practitioner_provider=practitioner_provider,
        practitioner_effect=rng.normal(0.0, cfg.practitioner_effect_sd, m) + cfg.ccdp_effect * ccdp,
        practitioner_ccdp=ccdp,
        practitioner_experience=np.minimum(rng.geometric(1 / 7, m) - 1, 35).astype(np.int8),
        practitioner_fte=rng.uniform(0.5, 1.0, m),
    )


def assign_providers(
    catchment: np.ndarray,
    profile: np.ndarray,
    francophone: np.ndarray,
    seed: int,
    cfg: SimConfig,
    network: Network,
) -> np.ndarray:
    """A provider per referral, within the client's catchment: in proportion to the provider's size, tilted
    by the referral profile (creaming), with francophones drawn to the French-language provider."""
    rng = generator(seed, "providers")
    provider = np.empty(len(catchment), dtype=np.int32)
    for index in range(len(CATCHMENTS)):
        clients = np.flatnonzero(catchment == index)
        members = np.flatnonzero(network.provider_catchment == index)
        log_weight = (
            np.log(network.provider_size[members])[None, :]
            + profile[clients, None] * network.provider_tilt[members][None, :]
        )
        french = network.provider_french[members]
        if french.any():
            log_weight += np.where(
                francophone[clients, None],
                np.log(cfg.french_provider_preference) * french,
                np.log(0.3) * french,
            )
        weights = np.exp(log_weight - log_weight.max(axis=1, keepdims=True))
        provider[clients] = members[categorical(rng, weights)]
    return provider


def assign_practitioners(provider: np.ndarray, seed: int, network: Network) -> np.ndarray:
    """A practitioner of the client's provider, in proportion to each practitioner's FTE."""
    rng = generator(seed, "practitioners")
    fte = np.cumsum(network.practitioner_fte)
    providers = len(network.provider_ids)
    last = np.searchsorted(network.practitioner_provider, np.arange(providers), side="right") - 1
    first = np.searchsorted(network.practitioner_provider, np.arange(providers), side="left")
    start = np.where(first > 0, fte[np.maximum(first - 1, 0)], 0.0)
    end = fte[last]
    target = start[provider] + rng.random(len(provider)) * (end[provider] - start[provider])
    chosen = np.searchsorted(fte, target, side="right")
    return np.clip(chosen, first[provider], last[provider]).astype(np.int32)
