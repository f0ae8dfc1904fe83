import pytest

from tests.personas import PERSONAS


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_each_role_lands_on_its_own_start_page(client_for, persona):
    response = client_for(persona).get("/en/start/")
    assert response.status_code == 200
    expected = "web/start/no_role.html" if persona == "stranger" else f"web/start/{persona}.html"
    assert expected in [template.name for template in response.templates]


def test_anonymous_is_sent_to_sign_in(client_for):
    response = client_for("anonymous").get("/en/start/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
