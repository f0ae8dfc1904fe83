"""The check-up journey as the tests walk it: two people's answers, a helper that posts every step, and a
person who saved their check-up with an account."""

from __future__ import annotations

import re

import pytest

from careerlens.casework.instrument import instrument

WELDER = {
    "situation": {"situation": "employed", "age": "58"},
    "occupation": {"occupation": "soudeur", "years": "30", "training": "12"},
    "wants": {"wants": ["stability", "fewer_hours"], "max_teer_step": "1"},
    "place": {"postal_code": "L8P 4R5"},
}
ACCOUNT = {
    "username": "dana.check",
    "password": "a long quiet river 2026",
    "password_again": "a long quiet river 2026",
    "first_name": "Dana",
    "last_name": "Okafor",
    "date_of_birth": "1985-03-02",
    "postal_code": "l5b 3c2",
}
SUPERVISOR = {
    "situation": {"situation": "notice", "age": "41"},
    "occupation": {"occupation": "retail supervisor", "years": "6", "training": "3"},
    "wants": {"wants": ["pay", "growth"], "max_teer_step": "any"},
    "place": {"postal_code": "L5B"},
}


def items(module: str, high: str) -> dict[str, str]:
    """Every item of the module answered 2, except those of the ``high`` letters or dimensions (5)."""
    return {
        q.id: "5" if (q.raw.get("riasec") or q.raw.get("dimension")) in high else "2"
        for q in instrument().module(module).questions
    }


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def walk(client, person: dict, language: str = "en", skills: dict | None = None) -> None:
    """Answer every step as ``person``; each answer moves to the next step."""
    base = f"/{language}/check-up/step"
    steps = [
        ("situation", person["situation"]),
        ("occupation", person["occupation"]),
        ("wants", person["wants"]),
        ("interests", items("interests", "RC")),
        ("adaptability", items("adaptability", "concern curiosity")),
        ("skills", skills or {}),
        ("place", person["place"]),
    ]
    for step, data in steps:
        response = client.post(f"{base}/{step}/", {**data, "then": "next"})
        assert response.status_code == 302, (step, text(response)[-3000:])


@pytest.fixture
def visitor(client):
    """An anonymous visitor's browser (Django's test client with its own session)."""
    return client


@pytest.fixture
def saved(visitor, world):
    """A laid-off retail supervisor of Mississauga who walked the check-up and saved it with an account."""
    walk(visitor, SUPERVISOR)
    response = visitor.post("/en/check-up/save/", ACCOUNT)
    assert response.status_code == 302 and response["Location"].endswith("/check-up/mine/")
    return visitor
