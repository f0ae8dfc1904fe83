"""The main OaSIS skills of an occupation (the ones the person rates), and the pathways the engine finds for
the person: their origin, their self-ratings, their Holland code and the training they would take on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careerlens.analytics.pathways import Person
from careerlens.pathways.selectors import occupation_titles
from careerlens.pathways.services import get_engine

MAIN_SKILLS = 6
PATHWAYS = 5
NO_LIMIT = "any"


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    typical: float  # the occupation's rating on the 0–5 scale


def main_skills(noc: str, count: int = MAIN_SKILLS) -> list[Skill]:
    """The ``count`` skills the occupation rates highest in OaSIS (ties by descriptor id)."""
    engine = get_engine()
    taxonomy = engine.taxonomy
    columns = taxonomy.facet_slices["skills"]
    values = taxonomy.values[engine.index(noc), columns]
    order = np.lexsort((np.arange(len(values)), -values))[:count]
    found = []
    for i in order:
        descriptor = taxonomy.descriptors[columns.start + int(i)]
        typical = round(float(values[i]) * descriptor.scale_max, 1)
        found.append(Skill(descriptor.id, descriptor.name_en, typical))
    return found


def person(noc: str, ratings: dict, holland: str, max_teer_step: str | None) -> Person:
    return Person(
        noc,
        ratings={k: v for k, v in ratings.items() if not k.startswith("_")},
        interests=list(holland),
        max_teer_step=None if max_teer_step in (None, NO_LIMIT) else int(max_teer_step),
    )


def pathways(user, who: Person, language: str, top: int = PATHWAYS) -> list[dict]:
    """The best ``top`` viable occupations for the person, their gaps and the programs that close them."""
    found = get_engine().transitions(who, top=top)
    titles = occupation_titles(user, [t.target for t in found], language)
    rows = []
    for transition in found:
        data = transition.as_dict(language)
        data["title"] = titles.get(transition.target, data["title"])
        rows.append(data)
    return rows


def signals(noc: str, language: str) -> dict:
    """The occupation's own outlook, automation and generative-AI exposure, with where each comes from."""
    data = get_engine().explain(noc, noc).as_dict(language)
    return {"outlook": data["outlook"], "automation": data["automation"], "ai_exposure": data["ai_exposure"]}
