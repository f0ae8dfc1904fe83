"""Client records, consents and referrals: pages and API (tests/clients/world.py holds the records).

Peel's provider staff see Amira (registered by and referred to their provider); Peel Ontario Works sees her
and her referral because she consented; the client persona sees only their own record; SSM managers,
analysts and strangers see no client detail; Toronto's records are seen by administrators only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from tests.access.matrix import TO_SIGN_IN, Row, expect, only
from tests.clients.world import build_clients

UNAUTHORISED = 401
WORKERS = ("practitioner", "provider_manager", "caseworker", "administrator")  # register and refer
PROVIDER_SIDE = ("practitioner", "provider_manager", "administrator")  # move referrals
REFERRAL_READERS = ("client", *WORKERS)


@dataclass(frozen=True)
class BodyRow(Row):
    """A row whose JSON body needs ids known only at run time."""

    body: Callable | None = None

    def send(self, client, world):
        data = self.body(build_clients(world)) if self.body else (self.data or {})
        return client.post(self.url(world), data=json.dumps(data), content_type="application/json")


def at(template: str, **names: str):
    """A path computed from the client world: ``at("/en/clients/{amira}/", amira="amira.pk")``."""

    def path(world):
        people = build_clients(world)
        values = {}
        for key, attribute in names.items():
            value = people
            for part in attribute.split("."):
                value = getattr(value, part)
            values[key] = value
        return template.format(**values)

    return path


AMIRA = at("/en/clients/{pk}/", pk="amira.pk")
PAGE = only(WORKERS, 200, otherwise=404, anonymous=TO_SIGN_IN)
API = only(WORKERS, 200, otherwise=404, anonymous=UNAUTHORISED)

ROWS = [
    Row("/en/clients/", PAGE),
    Row("/fr/clients/?q=haddad", PAGE),
    Row("/en/clients/new/", PAGE),
    Row("/en/clients/new/", PAGE, method="POST", data={"first_name": ""}),  # the form again, with errors
    Row(AMIRA, PAGE, label="a Peel client referred by Peel OW"),
    Row(
        at("/en/clients/{pk}/", pk="own.pk"),
        only(
            ("client", "practitioner", "provider_manager", "administrator"), 200, otherwise=404, anonymous=302
        ),
        label="the client persona's own record",
    ),
    Row(
        at("/en/clients/{pk}/", pk="jean.pk"),
        only(("administrator",), 200, otherwise=404, anonymous=302),
        label="a Toronto client",
    ),
    Row("/en/clients/999999/", expect(404, anonymous=TO_SIGN_IN)),
    Row(
        at("/en/clients/{pk}/merge/", pk="amira.pk"),
        only(("provider_manager", "administrator"), 200, otherwise=404, anonymous=302),
        label="merge form",
    ),
    Row(
        at("/en/clients/{pk}/merge/", pk="amira.pk"),
        only(("provider_manager", "administrator"), 200, otherwise=404, anonymous=302),
        method="POST",
        data={"keep": "not-a-record"},
        label="merge with a bad choice",
    ),
    Row(at("/en/clients/{pk}/memberships/new/", pk="amira.pk"), PAGE, label="add a membership"),
    Row(
        at("/en/clients/{pk}/memberships/new/", pk="amira.pk"),
        PAGE,
        method="POST",
        data={"program": "eo", "start_date": "2025-02-01", "end_date": "2025-01-01"},
        label="add a membership that ends before it starts",
    ),
    Row(at("/en/clients/{pk}/spells/new/", pk="amira.pk"), PAGE, label="add a spell"),
    Row(at("/en/clients/{pk}/consents/new/", pk="amira.pk"), PAGE, label="record a consent"),
    Row(
        at("/en/clients/{pk}/consents/new/", pk="own.pk"),
        only(
            ("client", "practitioner", "provider_manager", "administrator"), 200, otherwise=404, anonymous=302
        ),
        label="record a consent on one's own record",
    ),
    Row(
        at("/en/clients/{pk}/consents/{consent}/withdraw/", pk="amira.pk", consent="consent.pk"),
        only(WORKERS, 302, otherwise=404, anonymous=TO_SIGN_IN),
        method="POST",
        label="withdraw a consent",
    ),
    Row(at("/en/clients/{pk}/referrals/new/", pk="amira.pk"), PAGE, label="refer a client"),
    Row(
        at("/en/clients/{pk}/referrals/new/", pk="own.pk"),
        only(
            ("client", "practitioner", "provider_manager", "administrator"), 200, otherwise=404, anonymous=302
        ),
        label="refer oneself",
    ),
    Row("/en/clients/referrals/", only(REFERRAL_READERS, 200, otherwise=404, anonymous=TO_SIGN_IN)),
    Row("/en/clients/referrals/?status=sent", only(REFERRAL_READERS, 200, otherwise=404, anonymous=302)),
    Row("/en/clients/referrals/overdue/", only(REFERRAL_READERS, 200, otherwise=404, anonymous=TO_SIGN_IN)),
    Row(at("/en/clients/referrals/{pk}/", pk="referral.pk"), PAGE, label="a Peel referral"),
    Row(
        at("/en/clients/referrals/{pk}/", pk="toronto_referral.pk"),
        only(("administrator",), 200, otherwise=404, anonymous=302),
        label="a Toronto referral",
    ),
    Row(
        at("/en/clients/referrals/{pk}/transition/", pk="referral.pk"),
        only(PROVIDER_SIDE, 302, otherwise=404, anonymous=TO_SIGN_IN),
        method="POST",
        data={"to_status": "accepted"},
        label="accept a referral",
    ),
    Row(
        at("/en/clients/referrals/{pk}/transition/", pk="referral.pk"),
        only(PROVIDER_SIDE, 400, otherwise=404, anonymous=TO_SIGN_IN),
        method="POST",
        data={"to_status": "closed"},
        label="close a referral that was only sent",
    ),
    # Unknown records: 404 for everyone signed in, never a 5xx.
    Row(
        "/en/clients/999999/merge/",
        only(("provider_manager", "administrator"), 404, otherwise=404, anonymous=302),
    ),
    Row("/en/clients/999999/referrals/new/", expect(404, anonymous=TO_SIGN_IN)),
    Row("/en/clients/referrals/999999/", expect(404, anonymous=TO_SIGN_IN)),
    Row("/en/clients/referrals/999999/transition/", expect(404, anonymous=302), method="POST", data={}),
    Row("/api/v1/clients/999999", expect(404, anonymous=UNAUTHORISED)),
    Row("/api/v1/clients/999999/consents", expect(404, anonymous=UNAUTHORISED)),
    Row(
        "/api/v1/clients/999999/consents",
        expect(404, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"organisation": "test-provider-peel", "topic": "assessment"},
    ),
    Row("/api/v1/consents/999999/withdraw", expect(404, anonymous=UNAUTHORISED), method="POST"),
    Row("/api/v1/referrals/999999", expect(404, anonymous=UNAUTHORISED)),
    Row(
        "/api/v1/referrals/999999/transition",
        expect(404, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"to_status": "accepted"},
    ),
    # API
    Row("/api/v1/clients", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/clients?q=haddad&limit=5", expect(200, anonymous=UNAUTHORISED)),
    Row(at("/api/v1/clients/{pk}", pk="amira.pk"), API, label="API: a Peel client"),
    Row(
        at("/api/v1/clients/{pk}", pk="jean.pk"),
        only(("administrator",), 200, otherwise=404, anonymous=401),
        label="API: a Toronto client",
    ),
    Row(at("/api/v1/clients/{pk}/consents", pk="amira.pk"), API, label="API: a client's consents"),
    Row(
        at("/api/v1/clients/{pk}/consents", pk="amira.pk"),
        only(WORKERS, 201, otherwise=404, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"organisation": "test-provider-peel", "topic": "plan_summary"},
        label="API: record a consent",
    ),
    Row(
        at("/api/v1/clients/{pk}/consents", pk="amira.pk"),
        expect(422, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"organisation": "test-provider-peel", "topic": "everything"},
        label="API: record a consent to share an unknown topic",
    ),
    Row(
        at("/api/v1/consents/{pk}/withdraw", pk="consent.pk"),
        only(WORKERS, 200, otherwise=404, anonymous=UNAUTHORISED),
        method="POST",
        label="API: withdraw a consent",
    ),
    Row("/api/v1/referrals", expect(200, anonymous=UNAUTHORISED)),
    Row("/api/v1/referrals?status=lost", expect(422, anonymous=UNAUTHORISED)),
    Row("/api/v1/referrals/overdue", expect(200, anonymous=UNAUTHORISED)),
    Row(at("/api/v1/referrals/{pk}", pk="referral.pk"), API, label="API: a Peel referral"),
    BodyRow(
        "/api/v1/referrals",
        only(
            ("caseworker", "administrator"),
            201,
            otherwise=404,
            anonymous=UNAUTHORISED,
            practitioner=422,
            provider_manager=422,
        ),  # a provider cannot refer to itself
        method="POST",
        body=lambda people: {"client": people.amira.pk, "provider": "test-provider-peel"},
        label="API: refer Amira to Peel Careers",
    ),
    BodyRow(
        "/api/v1/referrals",
        only(WORKERS, 422, otherwise=404, anonymous=UNAUTHORISED),
        method="POST",
        body=lambda people: {"client": people.amira.pk, "provider": "no-such-provider"},
        label="API: refer to an unknown provider",
    ),
    Row(
        at("/api/v1/referrals/{pk}/transition", pk="referral.pk"),
        only(PROVIDER_SIDE, 200, otherwise=404, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"to_status": "accepted"},
        label="API: accept a referral",
    ),
    Row(
        at("/api/v1/referrals/{pk}/transition", pk="referral.pk"),
        only(PROVIDER_SIDE, 422, otherwise=404, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"to_status": "closed"},
        label="API: close a referral that was only sent",
    ),
    Row(
        at("/api/v1/referrals/{pk}/transition", pk="referral.pk"),
        expect(422, anonymous=UNAUTHORISED),
        method="POST",
        as_json=True,
        data={"to_status": "lost"},
        label="API: move a referral to an unknown status",
    ),
]
