"""Practitioner pages: a provider's practitioners and their profiles (tests/casework/world.py makes the
profiles). Practitioners edit their own profile, provider managers those of their provider, administrators
all."""

from __future__ import annotations

from tests.access.matrix import TO_SIGN_IN, Row, only

PROVIDER_SIDE = ("practitioner", "provider_manager", "administrator")


def profile(persona: str):
    def path(world):
        return f"/en/network/practitioners/{world.users[persona].pk}/"

    return path


ROWS = [
    Row("/en/network/practitioners/", only(PROVIDER_SIDE, 200, 404, anonymous=TO_SIGN_IN)),
    Row("/fr/network/practitioners/", only(PROVIDER_SIDE, 200, 404, anonymous=TO_SIGN_IN)),
    Row(
        profile("practitioner"), only(PROVIDER_SIDE, 200, 404, anonymous=TO_SIGN_IN), label="own profile form"
    ),
    Row(
        profile("practitioner"),
        only(PROVIDER_SIDE, 302, 404, anonymous=TO_SIGN_IN),
        method="POST",
        data={
            "competency_areas": ["pp1", "ch10"],
            "languages": ["en"],
            "ccdp_certified": "on",
            "certified_on": "2020-05-01",
        },
        label="save a profile",
    ),
    Row(
        profile("practitioner"),
        only(PROVIDER_SIDE, 400, 404, anonymous=TO_SIGN_IN),
        method="POST",
        data={"languages": ["en"], "certified_on": "2020-05-01"},
        label="save a profile with a date but no CCDP",
    ),
    Row(
        profile("other_practitioner"),
        only(("administrator",), 200, 404, anonymous=TO_SIGN_IN),
        label="Toronto practitioner's profile",
    ),
    Row(
        profile("provider_manager"),
        only((), 200, 404, anonymous=TO_SIGN_IN),
        label="a manager has no profile",
    ),
]
