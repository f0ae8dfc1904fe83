"""careerlens.analytics.synth: a simulated Ontario, with known ground truth.

``simulate(n, seed)`` builds a province of ``n`` referred clients; ``write(province, directory)`` writes
its Parquet tables, ``truth.json`` and the per-client truth table. No Django here.
"""

from .config import SimConfig
from .province import Province, simulate

__all__ = ["Province", "SimConfig", "simulate"]
