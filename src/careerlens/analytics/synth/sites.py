"""Sites: the offices where each provider serves clients, in its catchment, and the site of each episode.

A general provider has ``sites_per_provider`` (1-4) sites, the French-language provider one or two. Site
ids continue the provider's code (``peel-p1-s1``, ``peel-p1-s2``…); the first site is the main office and
takes the largest share of the provider's clients. Draws come from the ``sites`` and ``site-assignment``
streams only, so the province's other values do not depend on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import SimConfig
from .network import Network
from .numeric import generator

MAIN_SITE_WEIGHT = 2.0  # the main office's weight against 1 for every other site (before noise)


@dataclass(frozen=True)
class Sites:
    site_ids: np.ndarray  # str, object array
    site_provider: np.ndarray  # int32 index into providers
    site_main: np.ndarray  # bool: the provider's main office
    site_share: np.ndarray  # share of its provider's clients


def build(network: Network, seed: int, cfg: SimConfig) -> Sites:
    rng = generator(seed, "sites")
    providers = len(network.provider_ids)
    low, high = cfg.sites_per_provider
    general = rng.integers(low, high + 1, providers)
    count = np.where(network.provider_french, rng.integers(1, 3, providers), general)
    site_provider = np.repeat(np.arange(providers, dtype=np.int32), count)
    number = np.arange(len(site_provider)) - np.repeat(np.cumsum(count) - count, count)
    main = number == 0
    weight = np.where(main, MAIN_SITE_WEIGHT, 1.0) * rng.uniform(0.6, 1.4, len(site_provider))
    share = weight / np.bincount(site_provider, weights=weight)[site_provider]
    pairs = zip(site_provider, number, strict=True)
    ids = np.array([f"{network.provider_ids[p]}-s{k + 1}" for p, k in pairs], dtype=object)
    return Sites(ids, site_provider, main, share)


def assign(provider: np.ndarray, sites: Sites, seed: int) -> np.ndarray:
    """A site of the client's provider per episode (int32 index into sites), in proportion to its share."""
    rng = generator(seed, "site-assignment")
    cumulative = np.cumsum(sites.site_share)  # each provider's shares add up to 1: ranges of width 1
    first = np.searchsorted(sites.site_provider, provider, side="left")
    last = np.searchsorted(sites.site_provider, provider, side="right") - 1
    target = provider + rng.random(len(provider))
    chosen = np.searchsorted(cumulative, target, side="right")
    return np.clip(chosen, first, last).astype(np.int32)
