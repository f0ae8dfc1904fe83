def test_a_nul_in_the_address_is_refused_with_a_reason(client_for):
    browser = client_for("practitioner")
    page = browser.get("/en/accounts/organisations/", {"catchment": "peel\x00"})
    assert page.status_code == 400
    assert b"NUL" in page.content
    api = browser.get("/api/v1/organisations/test%00site")
    assert api.status_code == 400
    assert "NUL" in api.json()["detail"]


def test_an_ordinary_request_passes(client_for):
    assert (
        client_for("practitioner").get("/en/accounts/organisations/", {"catchment": "peel"}).status_code
        == 200
    )
