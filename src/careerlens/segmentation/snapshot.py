"""The analytics snapshot the engines read: Parquet tables in ``ANALYTICS_SNAPSHOT_DIR``, laid out as the
simulator writes them (docs/synth-schema.md). The demo writes its simulated province there."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TABLES = ("clients", "episodes", "assessments", "jobs", "ow_spells")


def directory() -> Path:
    return Path(settings.ANALYTICS_SNAPSHOT_DIR)


def tables(names=TABLES) -> dict[str, pa.Table]:
    """The snapshot's tables, or a refusal naming the directory and the missing file."""
    found = {}
    for name in names:
        path = directory() / f"{name}.parquet"
        if not path.exists():
            raise ValidationError(
                _("The analytics snapshot has no %(file)s in %(dir)s: run careerlens demo, or export one.")
                % {"file": path.name, "dir": directory()}
            )
        found[name] = pq.read_table(path)
    return found


def write_simulated(clients: int, seed: int) -> bool:
    """Write a simulated province of ``clients`` people as the snapshot, unless one is there."""
    from careerlens.analytics.synth import simulate, writer

    if (directory() / "clients.parquet").exists():
        return False
    directory().mkdir(parents=True, exist_ok=True)
    writer.write(simulate(clients, seed), directory())
    return True
