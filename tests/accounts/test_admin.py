"""Administrators create accounts and reset passwords in the admin site; others cannot get in."""

from __future__ import annotations

import pytest
from django.test import Client

from careerlens.accounts.models import User

NEW_PASSWORD = "Tr0ub4dor&3-horse-staple"


def _new_account(world, **changes) -> dict:
    form = {
        "username": "j.tremblay",
        "usable_password": "true",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "first_name": "Josée",
        "last_name": "Tremblay",
        "email": "j.tremblay@example.org",
        "role": "practitioner",
        "organisation": world.site.pk,
        "home_catchment": "",
        "preferred_language": "fr",
    }
    form.update(changes)
    return form


def test_an_administrator_creates_an_account_that_can_sign_in(client_for, world):
    response = client_for("administrator").post("/en/admin/accounts/user/add/", _new_account(world))
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="j.tremblay")
    assert (user.role, user.organisation, user.preferred_language) == ("practitioner", world.site, "fr")
    assert user.password.startswith("argon2$")
    assert not user.is_staff and not user.is_superuser
    browser = Client()
    signed_in = browser.post("/en/accounts/login/", {"username": "j.tremblay", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_an_administrator_account_gets_the_admin_site(client_for, world):
    form = _new_account(world, username="second.admin", role="administrator", organisation=world.ministry.pk)
    assert client_for("administrator").post("/en/admin/accounts/user/add/", form).status_code == 302
    user = User.objects.get(username="second.admin")
    assert user.is_staff and user.is_superuser
    browser = Client()
    browser.force_login(user)
    assert browser.get("/en/admin/").status_code == 200


def test_the_admin_refuses_a_role_in_the_wrong_kind_of_organisation(client_for, world):
    form = _new_account(world, role="caseworker")  # a caseworker belongs to an OW or ODSP office
    response = client_for("administrator").post("/en/admin/accounts/user/add/", form)
    assert response.status_code == 200
    assert not User.objects.filter(username="j.tremblay").exists()
    errors = response.context["adminform"].form.errors["organisation"]
    assert "Social assistance caseworker" in errors[0] and "Ontario Works office" in errors[0]


def test_an_administrator_resets_a_password(client_for, users):
    user = users["caseworker"]
    response = client_for("administrator").post(
        f"/en/admin/accounts/user/{user.pk}/password/",
        {"usable_password": "true", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert (
        Client().post("/en/accounts/login/", {"username": "caseworker", "password": NEW_PASSWORD}).status_code
        == 302
    )


def test_a_reset_password_must_pass_the_password_rules(client_for, users):
    user = users["caseworker"]
    response = client_for("administrator").post(
        f"/en/admin/accounts/user/{user.pk}/password/",
        {"usable_password": "true", "password1": "password", "password2": "password"},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.check_password("password")


@pytest.mark.parametrize("persona", ["practitioner", "ssm_manager", "analyst", "stranger"])
def test_other_roles_cannot_use_the_admin(client_for, users, persona):
    browser = client_for(persona)
    assert browser.get("/en/admin/accounts/user/add/").status_code == 302
    response = browser.post(
        f"/en/admin/accounts/user/{users['caseworker'].pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    users["caseworker"].refresh_from_db()
    assert not users["caseworker"].check_password(NEW_PASSWORD)


def test_api_tokens_cannot_be_added_in_the_admin(client_for):
    assert client_for("administrator").get("/en/admin/accounts/apitoken/add/").status_code == 403
