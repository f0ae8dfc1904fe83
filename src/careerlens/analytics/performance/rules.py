"""Funding rules read from a TOML file (docs/performance.md gives the format); a bad file is refused
with an error naming the key."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from careerlens.analytics.performance.settings import PerformanceError

STREAMS = ("A", "B", "C")
CHECKPOINTS = (1, 3, 6, 12)
SECTIONS = {
    "name_en": None,
    "name_fr": None,
    "operational": ("envelope_per_intake", "share"),
    "outcomes": None,
    "incentives": ("priority_group",),
    "penalties": ("ow_return_12m",),
    "costs": STREAMS,
}


@dataclass(frozen=True)
class FundingRules:
    name_en: str
    name_fr: str
    envelope_per_intake: float
    operational_share: float
    outcome_payments: dict[str, dict[int, float]]  # stream -> checkpoint months -> $
    priority_group_incentive: float
    ow_return_penalty: float
    costs: dict[str, float]  # stream -> expected cost of serving a client
    source: str

    @property
    def operational_per_intake(self) -> float:
        return self.envelope_per_intake * self.operational_share


def _number(value, key: str, source: str, upper: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PerformanceError(f"{source}: {key} must be a number, not {value!r}")
    if value < 0 or (upper is not None and value > upper):
        bound = f"between 0 and {upper:g}" if upper is not None else "zero or more"
        raise PerformanceError(f"{source}: {key} must be {bound}, not {value!r}")
    return float(value)


def _section(data: dict, name: str, source: str) -> dict:
    if name not in data:
        raise PerformanceError(f"{source}: missing key {name}")
    section = data[name]
    if not isinstance(section, dict):
        raise PerformanceError(f"{source}: {name} must be a table")
    expected = SECTIONS[name]
    for key in expected or ():
        if key not in section:
            raise PerformanceError(f"{source}: missing key {name}.{key}")
    unknown = sorted(set(section) - set(expected)) if expected else []
    if unknown:
        raise PerformanceError(f"{source}: unknown key {name}.{unknown[0]}")
    return section


def parse(data: dict, source: str) -> FundingRules:
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise PerformanceError(f"{source}: unknown key {unknown[0]}")
    for key in ("name_en", "name_fr"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PerformanceError(f"{source}: {key} must be a non-empty string")
    operational = _section(data, "operational", source)
    outcomes = _section(data, "outcomes", source)
    payments: dict[str, dict[int, float]] = {}
    for stream in STREAMS:
        table = outcomes.get(stream)
        if not isinstance(table, dict):
            raise PerformanceError(f"{source}: missing key outcomes.{stream}")
        for key in table:
            if key not in {str(m) for m in CHECKPOINTS}:
                raise PerformanceError(
                    f"{source}: unknown key outcomes.{stream}.{key} (checkpoints are 1, 3, 6, 12)"
                )
        payments[stream] = {
            m: _number(table.get(str(m), 0.0), f"outcomes.{stream}.{m}", source) for m in CHECKPOINTS
        }
    extra = sorted(set(outcomes) - set(STREAMS))
    if extra:
        raise PerformanceError(f"{source}: unknown key outcomes.{extra[0]} (streams are A, B, C)")
    incentives = _section(data, "incentives", source)
    penalties = _section(data, "penalties", source)
    costs = _section(data, "costs", source)
    return FundingRules(
        name_en=data["name_en"],
        name_fr=data["name_fr"],
        envelope_per_intake=_number(
            operational["envelope_per_intake"], "operational.envelope_per_intake", source
        ),
        operational_share=_number(operational["share"], "operational.share", source, upper=1.0),
        outcome_payments=payments,
        priority_group_incentive=_number(incentives["priority_group"], "incentives.priority_group", source),
        ow_return_penalty=_number(penalties["ow_return_12m"], "penalties.ow_return_12m", source),
        costs={s: _number(costs[s], f"costs.{s}", source) for s in STREAMS},
        source=source,
    )


def load(path: str | Path | None = None) -> FundingRules:
    """Rules from a TOML file; without a path, the default rules shipped in the package."""
    if path is None:
        text = resources.files("careerlens.analytics.performance").joinpath("rules/default.toml").read_text()
        source = "default.toml"
    else:
        source = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise PerformanceError(f"{source}: cannot read the rule file ({error})") from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PerformanceError(f"{source}: not valid TOML ({error})") from error
    return parse(data, source)


def shipped(name: str) -> Path:
    """Path of a rule file shipped in the package (``default`` or ``alternative``)."""
    return Path(str(resources.files("careerlens.analytics.performance").joinpath(f"rules/{name}.toml")))
