"""``careerlens export``: its refusals, all or nothing, the audit event and pseudonymity."""

from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

from careerlens.accounts.models import User
from careerlens.accounts.roles import Role
from careerlens.analytics.synth import simulate
from careerlens.analytics.synth import writer as synth_writer
from careerlens.audit.models import AuditAction, AuditEntry
from careerlens.clients.models import Client, Referral, ReferralTransition
from careerlens.snapshots import arrow, writer
from careerlens.snapshots.services import AUDIT_KEY
from tests.snapshots.conftest import AS_OF, read


def run(*args):
    call_command("export", *args, stdout=io.StringIO())


@pytest.mark.parametrize("value", ["2026/01/02", "01-02-2026", "2026-13-01", "yesterday", "2026-1-2"])
def test_an_unknown_as_of_format_is_refused(db, tmp_path, value):
    with pytest.raises(CommandError, match=r"--as-of .* YYYY-MM-DD"):
        run("--to", str(tmp_path / "s"), "--as-of", value)
    assert not (tmp_path / "s").exists()


def test_a_future_as_of_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="--as-of .* future"):
        run("--to", str(tmp_path / "s"), "--as-of", "2999-01-01")


def test_a_target_that_is_a_file_is_refused(db, tmp_path):
    target = tmp_path / "snapshot"
    target.write_text("not a directory")
    with pytest.raises(CommandError, match="is a file"):
        run("--to", str(target))
    assert target.read_text() == "not a directory"


def test_a_directory_of_other_files_is_refused(db, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me")
    with pytest.raises(CommandError, match="no analytics snapshot"):
        run("--to", str(tmp_path))
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_a_simulated_province_is_replaced_only_with_force(db, tmp_path):
    target = tmp_path / "snapshot"
    synth_writer.write(simulate(200, 1), target)
    before = (target / "clients.parquet").read_bytes()
    with pytest.raises(CommandError, match="simulated province.*--force"):
        run("--to", str(target))
    assert (target / "clients.parquet").read_bytes() == before
    run("--to", str(target), "--force")
    assert not writer.is_simulated(target)
    assert json.loads((target / writer.MANIFEST).read_text())["source"] == "careerlens export"
    assert set(read(target)) == set(arrow.TABLES)


def test_a_failed_write_leaves_the_previous_snapshot_untouched(db, tmp_path):
    target = tmp_path / "snapshot"
    run("--to", str(target))
    before = {path.name: path.read_bytes() for path in target.iterdir()}
    tables = {name: pq.read_table(target / f"{name}.parquet") for name in arrow.TABLES}
    tables["jobs"] = tables["jobs"].set_column(0, "job_id", pa.array([], type=pa.string()))
    with pytest.raises(arrow.SchemaMismatch, match="table jobs: column job_id is string, not int64"):
        writer.write(tables, target, {"source": "test"})
    assert {path.name: path.read_bytes() for path in target.iterdir()} == before
    assert [path.name for path in tmp_path.iterdir()] == ["snapshot"]  # no temporary directory left


def test_the_export_is_audited_without_personal_data(exported):
    directory, tables = exported
    entry = AuditEntry.objects.filter(action=AuditAction.EXPORT, detail__has_key=AUDIT_KEY).get()
    assert entry.detail["rows"]["clients"] == tables["clients"].num_rows
    assert entry.detail["as_of"] == AS_OF.isoformat() and entry.source == "command"
    text = json.dumps(entry.detail)
    for client in Client.objects.all()[:50]:
        assert client.last_name not in text and client.postal_code not in text


def test_ids_are_stable_pseudonyms(exported, tmp_path):
    _, first = exported
    again = tmp_path / "again"
    run("--to", str(again), "--as-of", AS_OF.isoformat())
    second = read(again)
    assert first["clients"]["client_id"] == second["clients"]["client_id"]
    assert first["practitioners"]["practitioner_id"] == second["practitioners"]["practitioner_id"]
    pks = set(Client.objects.values_list("pk", flat=True))
    assert not pks & set(first["clients"]["client_id"].to_pylist())
    usernames = set(User.objects.filter(role=Role.PRACTITIONER).values_list("username", flat=True))
    codes = first["practitioners"]["practitioner_id"].to_pylist()
    assert usernames and codes and not any(name in code for name in usernames for code in codes)


def _cells(tables: dict) -> set:
    found = set()
    for table in tables.values():
        for column in table.columns:
            found |= {v for v in column.to_pylist() if v is not None}
        found |= {v.decode() for v in (table.schema.metadata or {}).values()}
        found |= {v.decode() for f in table.schema for v in (f.metadata or {}).values()}
    return found


def test_no_personal_detail_appears_in_the_snapshot(loaded, tmp_path):
    people = list(Client.objects.all()[:40])
    for number, client in enumerate(people):
        client.email, client.phone = f"person{number}@example.org", f"416-555-{number:04d}"
        client.save(update_fields=["email", "phone"])
    target = tmp_path / "snapshot"
    run("--to", str(target), "--as-of", AS_OF.isoformat())
    cells = _cells(read(target))
    text = "\n".join(str(v) for v in cells)
    for client in Client.objects.all():
        assert client.date_of_birth not in cells
        for detail in (
            f"{client.first_name} {client.last_name}",
            client.postal_code,
            client.email,
            client.phone,
        ):
            assert not detail or detail not in text, detail
    reasons = set(ReferralTransition.objects.exclude(reason="").values_list("reason", flat=True))
    assert reasons and not reasons & cells


def test_an_as_of_date_exports_what_was_known_then(loaded, tmp_path):
    early = AS_OF - dt.timedelta(days=120)
    target = tmp_path / "early"
    run("--to", str(target), "--as-of", early.isoformat())
    tables = read(target)
    referred = Referral.objects.filter(created_at__date__lte=early).values("client").distinct().count()
    assert tables["clients"].num_rows == referred < Client.objects.count()
    assert max(tables["episodes"]["referral_date"].to_pylist()) <= early
    assert all(d is None or d <= early for d in tables["jobs"]["start_date"].to_pylist())
