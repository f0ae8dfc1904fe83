"""The simulated province in the operational database (careerlens.demo.province, docs/synth.md)."""

from __future__ import annotations

import collections
import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from careerlens.accounts.models import Organisation, User
from careerlens.analytics.synth import simulate, writer
from careerlens.audit.context import acting_as
from careerlens.audit.models import AuditEntry
from careerlens.clients.choices import NEEDS_REASON, TRANSITIONS, ReferralStatus
from careerlens.clients.models import (
    POSTAL_CODE,
    AssistanceSpell,
    Client,
    Consent,
    ProgramMembership,
    Referral,
    ReferralTransition,
)
from careerlens.demo import casework, names, province, services
from careerlens.demo.network import CATCHMENTS

N, SEED = 300, 3
AS_OF = dt.date(2026, 6, 30)
SHIFT = AS_OF - province.SIMULATED_YEAR_END
MODELS = (Client, ProgramMembership, AssistanceSpell, Consent, Referral, ReferralTransition, *casework.MODELS)


@pytest.fixture(scope="module")
def tables():
    return writer.tables(simulate(N, SEED))


@pytest.fixture
def network(db):
    services.create_network()


def _load(clients=N, seed=SEED):
    with acting_as(None, source="demo"):
        return province.load(clients, seed, as_of=AS_OF)


@pytest.fixture
def loaded(network):
    return _load()


def _rows(model) -> int:
    """Rows of a model the load writes (of users: the simulated practitioners' accounts only)."""
    if model is User:
        return User.objects.filter(username__contains="-cdp").count()
    return model.objects.count()


def _by_client_id() -> list[Client]:
    """Clients in insertion order, which is the simulation's client_id order (1..N)."""
    return list(Client.objects.order_by("pk"))


def test_the_counts_match_the_simulation(loaded, tables):
    clients, episodes = tables["clients"].to_pylist(), tables["episodes"].to_pylist()
    assert loaded.loaded and loaded.key == f"sim-{SEED}-{N}"
    assert Client.objects.count() == Referral.objects.count() == N
    assert dict(collections.Counter(Client.objects.values_list("catchment_id", flat=True))) == dict(
        collections.Counter(c["catchment"] for c in clients)
    )
    assert dict(collections.Counter(Referral.objects.values_list("provider__code", flat=True))) == dict(
        collections.Counter(e["provider_id"] for e in episodes)
    )
    programs = collections.Counter(c["program"] for c in clients)
    memberships = collections.Counter(ProgramMembership.objects.values_list("program", flat=True))
    assert memberships["odsp"] == programs["odsp"]
    assert memberships["ei"] == programs["ei"]
    returns = sum(
        1 for s in tables["ow_spells"].to_pylist() if s["return_date"] and s["return_date"] + SHIFT <= AS_OF
    )
    assert memberships["ow"] == programs["ontario_works"] + returns
    assessed = sum(1 for e in episodes if e["intake_completed"] and e["intake_date"] + SHIFT <= AS_OF)
    assert memberships["eo"] == assessed
    assert ReferralTransition.objects.filter(to_status=ReferralStatus.INTAKE_DONE).count() == assessed
    prior = sum(c["prior_ow_spells"] for c in clients)
    spells = AssistanceSpell.objects.count()
    assert spells == programs["ontario_works"] + programs["odsp"] + returns + prior
    assert loaded.counts == {model._meta.model_name: _rows(model) for model in MODELS}


def test_each_referral_follows_its_simulated_episode(loaded, tables):
    episodes = tables["episodes"].to_pylist()
    for client, episode in zip(_by_client_id(), episodes, strict=True):
        referral = client.referrals.get()
        reached = set(referral.transitions.values_list("to_status", flat=True))
        assert timezone.localtime(referral.created_at).date() == episode["referral_date"] + SHIFT
        if not episode["intake_completed"]:
            assert ReferralStatus.INTAKE_DONE not in reached
            assert referral.status in (ReferralStatus.DECLINED, ReferralStatus.CLOSED) or (
                referral.status_changed_at.date() > AS_OF - dt.timedelta(days=60)
            )
        elif episode["intake_date"] + SHIFT <= AS_OF:
            done = referral.transitions.get(to_status=ReferralStatus.INTAKE_DONE)
            assert timezone.localtime(done.at).date() == episode["intake_date"] + SHIFT
            closed = episode["exit_date"] + SHIFT <= AS_OF
            assert referral.status == (ReferralStatus.CLOSED if closed else ReferralStatus.INTAKE_DONE)
        if referral.source == "caseworker":
            assert referral.from_organisation.kind in ("ow_office", "odsp_office")
        else:
            assert referral.from_organisation is None


def test_every_client_has_a_catchment_and_a_provider_of_the_demo_network(loaded):
    network = {c.code: c for c in CATCHMENTS}
    for referral in Referral.objects.select_related("client", "provider", "client__registered_by"):
        catchment = referral.client.catchment_id
        assert catchment in network
        assert referral.provider.kind == "provider"
        assert referral.provider.catchment_id == catchment
        suffixes = ("p1", "p2", "fr") if network[catchment].francophone_city else ("p1", "p2")
        assert referral.provider.code in {f"{catchment}-{s}" for s in suffixes}
        assert referral.client.registered_by in (referral.provider, referral.from_organisation)
    assert Referral.objects.filter(provider__serves_in_french=True).exists()
    assert not Organisation.objects.filter(code__regex=r"-p3$").exists()


def test_referral_states_and_their_log_obey_the_state_machine(loaded):
    statuses = set()
    for referral in Referral.objects.prefetch_related("transitions"):
        log = sorted(referral.transitions.all(), key=lambda t: (t.at, t.pk))
        assert (log[0].from_status, log[0].to_status) == ("", ReferralStatus.SENT)
        assert log[0].at == referral.created_at
        for before, after in zip(log, log[1:], strict=False):
            assert after.from_status == before.to_status
            assert after.to_status in TRANSITIONS[after.from_status]
            assert after.at > before.at
        for move in log:
            assert bool(move.reason) == ((move.from_status, move.to_status) in NEEDS_REASON) or (
                move.to_status == ReferralStatus.CLOSED
            )
        assert referral.status == log[-1].to_status
        assert referral.status_changed_at == log[-1].at
        assert timezone.localtime(log[-1].at).date() <= AS_OF
        statuses.add(referral.status)
    assert {ReferralStatus.DECLINED, ReferralStatus.CLOSED, ReferralStatus.INTAKE_DONE} <= statuses


def test_the_records_are_valid_and_the_names_invented_from_the_lists(loaded):
    women = set(names.FIRST_EN[0] + names.FIRST_FR[0])
    men = set(names.FIRST_EN[1] + names.FIRST_FR[1])
    for client in Client.objects.all():
        assert POSTAL_CODE.match(client.postal_code), client.postal_code
        assert client.first_name in women | men
        assert client.last_name in names.LAST_EN + names.LAST_FR
        if client.gender == "woman":
            assert client.first_name in women
        if client.gender == "man":
            assert client.first_name in men
        assert client.arrival_year is None or client.newcomer == "yes"
    for client in Client.objects.order_by("pk")[:25]:
        client.full_clean()
    for model in (ProgramMembership, AssistanceSpell):
        for row in model.objects.exclude(end_date=None):
            assert row.start_date <= row.end_date <= AS_OF
    assert Client.objects.filter(language="fr").exists()
    assert Consent.objects.filter(organisation__kind__in=("ow_office", "odsp_office")).count() == (
        Consent.objects.count()
    )


def test_the_same_seed_gives_the_same_people(network, tables):
    def people():
        rows = province._Builder(tables, SEED, AS_OF).build()
        return [(c.first_name, c.last_name, c.postal_code, c.date_of_birth) for c in rows[Client]]

    assert people() == people()
    assert len(set(people())) > N * 0.95


def test_one_audit_entry_records_the_load_and_no_row_is_audited_one_by_one(network):
    before = AuditEntry.objects.count()
    result = _load()
    entries = AuditEntry.objects.filter(detail__has_key=province.MARKER)
    assert entries.count() == 1
    entry = entries.get()
    assert (entry.action, entry.source, entry.actor_id) == ("create", "demo", None)
    assert entry.detail == {"province": result.key, "seed": SEED, **result.counts}
    assert AuditEntry.objects.count() == before + 1


def test_a_second_load_finds_the_province_and_loads_nothing(loaded):
    again = _load()
    assert not again.loaded
    assert again.counts == loaded.counts and again.key == loaded.key
    assert Client.objects.count() == N
    assert AuditEntry.objects.filter(detail__has_key=province.MARKER).count() == 1
    assert "already loaded" in province.describe(again)
    assert f"{N:,} clients" in province.describe(loaded)


def test_a_failure_midway_leaves_nothing(network, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ReferralTransition.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        _load()
    assert all(_rows(model) == 0 for model in MODELS)
    assert not AuditEntry.objects.filter(detail__has_key=province.MARKER).exists()
    monkeypatch.undo()
    assert _load().loaded and Client.objects.count() == N


def test_zero_clients_loads_nothing(network):
    result = _load(clients=0)
    assert not result.loaded and Client.objects.count() == 0
    assert "none" in province.describe(result)


def test_set_up_loads_the_province_once(db):
    first = services.set_up(clients=50, seed=SEED)
    second = services.set_up(clients=50, seed=SEED)
    assert first["province"].loaded and not second["province"].loaded
    assert second["organisations"] == second["accounts"] == 0
    assert Client.objects.count() == 50


def test_the_demo_client_account_gets_a_record_of_its_own_once(db):
    first = services.set_up(clients=200, seed=SEED)
    record = Client.objects.select_related("user").get(user__username="client")
    account = record.user
    assert first["client_linked"] is True
    assert (record.first_name, record.last_name) == (account.first_name, account.last_name)
    assert (record.language, record.catchment_id) == (account.preferred_language, account.home_catchment_id)
    assert services.set_up(clients=200, seed=SEED)["client_linked"] is False
    assert Client.objects.filter(user__isnull=False).count() == 1


@pytest.mark.parametrize("option", [["--clients", "-1"], ["--clients", "1000000"], ["--seed", "-2"]])
def test_the_demo_command_refuses_bad_numbers(option):
    with pytest.raises(CommandError, match="--clients|--seed"):
        call_command("demo", "--no-serve", *option)
