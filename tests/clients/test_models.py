"""Client record values: postal codes, dates, self-identification rules, the linked account."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from careerlens.clients.models import Client, ProgramMembership, normalise_postal_code


def _client(**values) -> Client:
    base = {
        "first_name": "Ana",
        "last_name": "Silva",
        "date_of_birth": datetime.date(1992, 5, 6),
        "postal_code": "l6y1n2",
        "catchment_id": "peel",
    }
    return Client(**{**base, **values})


@pytest.mark.parametrize(
    ("typed", "stored"), [("l6y1n2", "L6Y 1N2"), (" M5V  3L9 ", "M5V 3L9"), ("K1A 0B1", "K1A 0B1")]
)
def test_postal_codes_are_normalised(typed, stored):
    assert normalise_postal_code(typed) == stored


@pytest.mark.parametrize("bad", ["12345", "D1A 1A1", "L6Y 1N", "ZZZ ZZZ"])
def test_a_postal_code_that_is_not_canadian_is_refused(db, bad):
    with pytest.raises(ValidationError) as raised:
        _client(postal_code=bad).full_clean()
    assert "postal_code" in raised.value.message_dict


def test_a_valid_record_passes_and_keeps_the_normalised_postal_code(db):
    client = _client()
    client.full_clean()
    assert client.postal_code == "L6Y 1N2"


def test_a_birth_date_in_the_future_is_refused(db):
    with pytest.raises(ValidationError) as raised:
        _client(date_of_birth=datetime.date.today() + datetime.timedelta(days=1)).full_clean()
    assert "date_of_birth" in raised.value.message_dict


def test_a_year_of_arrival_needs_a_newcomer_and_a_plausible_year(db):
    with pytest.raises(ValidationError) as raised:
        _client(newcomer="no", arrival_year=2020).full_clean()
    assert "only for a newcomer" in str(raised.value)
    with pytest.raises(ValidationError):
        _client(newcomer="yes", arrival_year=datetime.date.today().year + 1).full_clean()
    _client(newcomer="yes", arrival_year=2020).full_clean()
    _client(newcomer="prefer_not").full_clean()


def test_only_a_client_account_can_be_linked(users):
    with pytest.raises(ValidationError) as raised:
        _client(user=users["practitioner"]).full_clean()
    assert "user" in raised.value.message_dict
    _client(user=users["client"]).full_clean()


def test_a_membership_cannot_end_before_it_starts(people):
    membership = ProgramMembership(
        client=people.amira,
        program="eo",
        start_date=datetime.date(2025, 2, 1),
        end_date=datetime.date(2025, 1, 1),
    )
    with pytest.raises(ValidationError) as raised:
        membership.full_clean()
    assert "end_date" in raised.value.message_dict
