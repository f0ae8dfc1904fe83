"""``export(to, as_of, force)``: the operational database as an analytics snapshot (docs/export.md).

Reads every referred client's case as known on ``as_of``, builds the tables the engines read with
the schema's columns, types and codes, pseudonymous ids and no personal details, writes them all or
nothing, and records one audit event (who, when, the as-of date and the rows per table)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from careerlens.audit.models import AuditAction
from careerlens.audit.services import record_event
from careerlens.snapshots import arrow, people, service, writer
from careerlens.snapshots.network import Network
from careerlens.snapshots.outcomes import Outcomes
from careerlens.snapshots.pseudonyms import Pseudonyms
from careerlens.snapshots.selectors import cases

AUDIT_KEY = "analytics_snapshot"  # the audit event's detail names what was exported under this key


class ExportError(Exception):
    """An export refused or failed; the message is one line that names what is wrong."""


@dataclass
class Export:
    directory: Path
    as_of: dt.date
    rows: dict[str, int]


def check_target(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise ExportError(_("--to %(dir)s: is a file, not a directory.") % {"dir": target})
    if writer.is_simulated(target) and not force:
        raise ExportError(
            _("--to %(dir)s holds a simulated province (truth files); add --force to replace it.")
            % {"dir": target}
        )
    if not writer.is_snapshot(target):
        raise ExportError(
            _("--to %(dir)s is not empty and holds no analytics snapshot; choose another directory.")
            % {"dir": target}
        )


def build(as_of: dt.date) -> dict:
    """The tables as Arrow tables, in the schema's order."""
    ids = Pseudonyms("client")
    found = cases(as_of)
    network = Network()
    outcomes = Outcomes(found, ids, as_of)
    rows = {
        "clients": people.rows(found, ids),
        "episodes": service.episode_rows(found, ids, network, as_of),
        "assessments": service.assessment_rows(found, ids, as_of),
        "interventions": service.intervention_rows(found, ids, as_of),
        "jobs": outcomes.job_rows(),
        "checkpoints": outcomes.checkpoint_rows(),
        "ow_spells": outcomes.ow_spell_rows(),
        "providers": network.provider_rows(),
        "sites": network.site_rows(),
        "practitioners": network.practitioner_rows(),
    }
    return {name: arrow.table(name, rows[name]) for name in arrow.TABLES}


def export(to: Path | None = None, as_of: dt.date | None = None, force: bool = False) -> Export:
    """Write the snapshot of the database on ``as_of`` (default today) into ``to`` (default
    ``ANALYTICS_SNAPSHOT_DIR``). Call it inside ``acting_as(...)`` so the audit event names the actor."""
    target = Path(to or settings.ANALYTICS_SNAPSHOT_DIR)
    today = timezone.localdate()
    as_of = as_of or today
    if as_of > today:
        raise ExportError(_("--as-of %(date)s is in the future.") % {"date": as_of.isoformat()})
    check_target(target, force)
    try:
        tables = build(as_of)
        rows = {name: table.num_rows for name, table in tables.items()}
        manifest = {"source": "careerlens export", "as_of": as_of.isoformat(), "rows": rows}
        writer.write(tables, target, manifest)
    except (OSError, ValueError) as error:  # a schema mismatch, or two records sharing a pseudonym
        raise ExportError(
            _("The export to %(dir)s failed, the previous snapshot is unchanged: %(error)s")
            % {"dir": target, "error": error}
        ) from error
    record_event(
        AuditAction.EXPORT,
        detail={
            AUDIT_KEY: str(target),
            "as_of": as_of.isoformat(),
            "force": force,
            "rows": rows,
        },
    )
    return Export(target, as_of, rows)
