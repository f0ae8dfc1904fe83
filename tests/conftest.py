"""Fixtures shared by the whole suite: the reference data and the persona world, built once per run."""

from __future__ import annotations

import gc

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from careerlens.segmentation import snapshot
from tests.personas import PERSONAS, build_world

SNAPSHOT_CLIENTS = 3000


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data and the personas once; each test then runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_reference", verbosity=0)
        build_world()
    # The analytics snapshot the engines' pages read (segmentation, evaluation, dashboards): a small
    # simulated province, written once into this run's var directory.
    snapshot.write_simulated(SNAPSHOT_CLIENTS, seed=7)
    # The reference data leaves many long-lived objects; freezing them keeps garbage collection
    # from rescanning them after every test.
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """Each test starts in English, whatever language an earlier one activated."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def users(world):
    return world.users


@pytest.fixture
def client_for(world):
    """``client_for("practitioner")``: a test client signed in as that persona (anonymous: not signed in)."""

    def make(persona: str) -> Client:
        browser = Client()
        if persona != "anonymous":
            browser.force_login(world.users[persona])
        return browser

    return make


@pytest.fixture(params=PERSONAS)
def persona(request):
    return request.param
