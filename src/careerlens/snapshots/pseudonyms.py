"""Stable pseudonyms for the snapshot's ids: a keyed hash (HMAC-SHA256, keyed by ``SECRET_KEY`` through
Django's ``salted_hmac``, one salt per kind of record) of the database's primary key. The same record
gets the same id in every export while the key stays the same; without the key, an id does not lead back
to the record (docs/export.md, "Privacy")."""

from __future__ import annotations

from django.utils.crypto import salted_hmac

SALT = "careerlens.snapshots."
ID_BITS = 63  # int64 ids, never negative


class Pseudonyms:
    """Ids of one kind (``client``, ``job``, ``intervention``, ``practitioner``), refusing a collision."""

    def __init__(self, kind: str):
        self.kind = kind
        self.seen: dict[int, int] = {}

    def __call__(self, pk: int) -> int:
        digest = salted_hmac(SALT + self.kind, str(pk), algorithm="sha256").digest()
        number = int.from_bytes(digest[:8], "big") & ((1 << ID_BITS) - 1)
        if self.seen.setdefault(number, pk) != pk:  # about one chance in 10^11 for a million records
            raise ValueError(f"two {self.kind} records share the pseudonym {number}")
        return number

    def code(self, prefix: str, pk: int) -> str:
        """A text id: ``prefix`` and twelve hexadecimal digits of the keyed hash (practitioners)."""
        return f"{prefix}{self(pk) & 0xFFFFFFFFFFFF:012x}"
