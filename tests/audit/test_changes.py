"""Every create, update and delete of an audited model is recorded: actor, request id, changed values."""

from __future__ import annotations

import re

import pytest

from careerlens.accounts.models import ApiToken, Organisation, User
from careerlens.audit.context import acting_as
from careerlens.audit.models import AuditEntry
from careerlens.audit.services import MASK

REQUEST_ID = "trace-0123456789abcdef"


def _admin(client_for):
    return client_for("administrator")


def _organisation_form(world, **changes) -> dict:
    form = {
        "code": "test-provider-peel-north",
        "kind": "provider",
        "name_en": "Peel North Careers",
        "name_fr": "Carrières Peel Nord",
        "parent": world.ssm.pk,
        "catchment": "peel",
        "city": "Caledon",
        "postal_code": "",
        "phone": "",
        "email": "",
        "is_active": "on",
    }
    form.update(changes)
    return form


def test_creating_an_organisation_in_the_admin_is_recorded_with_actor_and_request_id(
    client_for, world, entries_for
):
    response = _admin(client_for).post(
        "/en/admin/accounts/organisation/add/", _organisation_form(world), HTTP_X_REQUEST_ID=REQUEST_ID
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["X-Request-ID"] == REQUEST_ID
    organisation = Organisation.objects.get(code="test-provider-peel-north")
    entry = entries_for(organisation).get()
    assert entry.action == "create"
    assert entry.actor == world.users["administrator"]
    assert entry.actor_name == "administrator"
    assert entry.request_id == REQUEST_ID
    assert entry.source == "web"
    assert entry.before is None
    assert entry.after["name_en"] == "Peel North Careers"
    assert entry.after["parent_id"] == world.ssm.pk
    assert "updated_at" not in entry.after


def test_an_update_records_only_the_changed_fields(client_for, world, entries_for):
    organisation = world.provider
    form = _organisation_form(world, code=organisation.code, name_en="Peel Careers Inc.", city="Brampton")
    response = _admin(client_for).post(
        f"/en/admin/accounts/organisation/{organisation.pk}/change/", form, HTTP_X_REQUEST_ID=REQUEST_ID
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(organisation, "update").get()
    assert entry.before == {"name_en": "Peel Careers", "name_fr": "Peel Careers (FR)"}
    assert entry.after == {"name_en": "Peel Careers Inc.", "name_fr": "Carrières Peel Nord"}
    assert entry.changed_fields == ["name_en", "name_fr"]
    assert entry.actor_name == "administrator"
    assert entry.request_id == REQUEST_ID


def test_saving_without_a_change_records_nothing(world, entries_for):
    world.provider.save()
    assert not entries_for(world.provider, "update").exists()


def test_a_delete_is_recorded_with_the_values_before(world):
    with acting_as(world.users["administrator"], source="command", request_id="delete-request-1"):
        organisation = Organisation.objects.create(
            code="test-gone",
            kind="site",
            name_en="Gone",
            name_fr="Parti",
            parent=world.provider,
            catchment_id="peel",
        )
        pk = organisation.pk
        organisation.delete()
    entry = AuditEntry.objects.get(action="delete", object_id=str(pk), content_type__model="organisation")
    assert entry.before["code"] == "test-gone"
    assert entry.after is None
    assert entry.actor_name == "administrator"
    assert entry.source == "command"
    assert entry.request_id == "delete-request-1"


@pytest.mark.parametrize("offered", ["short", "has spaces in it", "x" * 65, "semi;colon-123456"])
def test_an_unsafe_request_id_is_replaced(client_for, offered):
    response = client_for("anonymous").get("/healthz", HTTP_X_REQUEST_ID=offered)
    assert response["X-Request-ID"] != offered
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_creating_an_account_records_a_masked_password(client_for, world, entries_for):
    form = {
        "username": "new.practitioner",
        "usable_password": "true",
        "password1": "Tr0ub4dor&3-horse-staple",
        "password2": "Tr0ub4dor&3-horse-staple",
        "first_name": "New",
        "last_name": "Practitioner",
        "email": "",
        "role": "practitioner",
        "organisation": world.site.pk,
        "home_catchment": "",
        "preferred_language": "fr",
    }
    response = _admin(client_for).post("/en/admin/accounts/user/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="new.practitioner")
    entries = list(entries_for(user))
    assert entries, "creating an account must be audited"
    for entry in entries:
        assert user.password not in str(entry.before) + str(entry.after)
    created = next(entry for entry in entries if entry.action == "create")
    assert created.after["password"] == MASK
    assert created.after["role"] == "practitioner"
    assert "last_login" not in created.after


def test_a_password_reset_is_recorded_as_changed_without_its_value(client_for, world, entries_for):
    user = world.users["practitioner"]
    user.set_password("an old password that works")
    user.save()
    old_hash = user.password
    response = _admin(client_for).post(
        f"/en/admin/accounts/user/{user.pk}/password/",
        {
            "usable_password": "true",
            "password1": "A-brand-new-passphrase-42",
            "password2": "A-brand-new-passphrase-42",
        },
        HTTP_X_REQUEST_ID=REQUEST_ID,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    entry = entries_for(user, "update").filter(request_id=REQUEST_ID).get()
    assert entry.before == {"password": MASK} and entry.after == {"password": MASK}
    assert entry.changed_fields == []  # both sides are masked; the entry itself says it changed
    assert old_hash not in str(entry.before) and user.password not in str(entry.after)
    assert entry.actor_name == "administrator"


def test_a_last_login_update_alone_is_not_recorded(users, entries_for):
    from django.utils import timezone

    user = users["analyst"]
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    assert not entries_for(user, "update").exists()


def test_token_changes_are_audited_without_the_key_or_its_hash(users, entries_for):
    with acting_as(users["administrator"]):
        token, key = ApiToken.issue(users["analyst"], "warehouse")
        token.revoked = True
        token.save()
    created, revoked = entries_for(token, "create").get(), entries_for(token, "update").get()
    assert "key_hash" not in created.after and key not in str(created.after)
    assert revoked.before == {"revoked": False} and revoked.after == {"revoked": True}
