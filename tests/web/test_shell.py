"""The shell: language toggle, language prefixes, lang attribute, skip link, htmx with CSRF, error pages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

PAGES = [
    ("anonymous", "/{lang}/"),
    ("anonymous", "/{lang}/accounts/login/"),
    ("practitioner", "/{lang}/start/"),
    ("practitioner", "/{lang}/accounts/password/"),
    ("ssm_manager", "/{lang}/accounts/organisations/"),
    ("ssm_manager", "/{lang}/accounts/organisations/test-provider-peel/"),
    ("administrator", "/{lang}/audit/"),
    ("practitioner", "/{lang}/no-such-page/"),
]


def _toggle(response) -> str:
    match = re.search(r'<a class="cl-language" href="([^"]*)"', response.content.decode())
    assert match, "the header has no language toggle"
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize(("persona", "page"), PAGES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_names_its_language_and_has_a_working_skip_link(client_for, persona, page, lang):
    response = client_for(persona).get(page.format(lang=lang))
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert '<a class="cl-skip-link" href="#main-content">' in body
    assert body.count('id="main-content"') == 1


@pytest.mark.parametrize(
    ("here", "there"),
    [
        (
            "/en/accounts/organisations/?kind=site&catchment=peel",
            "/fr/accounts/organisations/?kind=site&catchment=peel",
        ),
        ("/fr/accounts/organisations/?kind=site", "/en/accounts/organisations/?kind=site"),
        ("/en/accounts/organisations/test-provider-peel/", "/fr/accounts/organisations/test-provider-peel/"),
        ("/fr/start/", "/en/start/"),
        ("/en/no-such-page/?q=1", "/fr/no-such-page/?q=1"),
    ],
)
def test_the_language_toggle_keeps_the_page_and_its_query(client_for, here, there):
    response = client_for("ssm_manager").get(here)
    assert _toggle(response) == there


def test_the_toggle_is_labelled_in_the_other_language(client_for):
    body = client_for("anonymous").get("/en/").content.decode()
    assert '<a class="cl-language" href="/fr/" lang="fr" hreflang="fr">Français</a>' in body
    body = client_for("anonymous").get("/fr/").content.decode()
    assert '<a class="cl-language" href="/en/" lang="en" hreflang="en">English</a>' in body


@pytest.mark.parametrize(
    ("accept", "prefix"), [("fr-CA,fr;q=0.9", "/fr/"), ("en-CA", "/en/"), ("de", "/en/")]
)
def test_the_root_redirects_to_a_language_prefix(db, accept, prefix):
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == prefix


def test_a_page_without_prefix_redirects_too(db):
    response = Client().get("/start/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"] == "/fr/start/"


def test_htmx_is_loaded_and_sends_the_csrf_token(client_for):
    browser = client_for("practitioner")
    body = browser.get("/en/start/").content.decode()
    assert re.search(r'<script src="/static/vendor/js/htmx\.min\.js" defer></script>', body)
    match = re.search(r"<body hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'>", body)
    assert match and len(match.group(1)) >= 32


def test_the_csrf_header_that_htmx_sends_is_accepted(users):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["practitioner"])
    body = browser.get("/en/start/").content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', body).group(1)
    assert browser.post("/en/accounts/logout/", HTTP_X_CSRFTOKEN=token).status_code == 302


def test_every_role_has_the_navigation_it_needs(client_for):
    admin = client_for("administrator").get("/en/start/").content.decode()
    practitioner = client_for("practitioner").get("/en/start/").content.decode()
    assert 'href="/en/audit/"' in admin
    assert 'href="/en/audit/"' not in practitioner
    assert 'href="/en/accounts/organisations/"' in practitioner


@pytest.mark.parametrize(("lang", "title"), [("en", "Page not found"), ("fr", "Page introuvable")])
def test_the_404_page_in_both_languages(client_for, lang, title):
    response = client_for("anonymous").get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert f"<h1>{title}</h1>" in body and f'<html lang="{lang}">' in body


@pytest.mark.parametrize(("lang", "title"), [("en", "Not allowed"), ("fr", "Accès refusé")])
def test_the_403_page_in_both_languages(client_for, lang, title):
    response = client_for("administrator").get(f"/{lang}/admin/audit/auditentry/add/")
    assert response.status_code == 403
    body = response.content.decode()
    assert f"<h1>{title}</h1>" in body and f'<html lang="{lang}">' in body


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Something went wrong"), ("fr", "Une erreur s’est produite")]
)
def test_the_500_page_in_both_languages(users, monkeypatch, lang, title):
    from careerlens.web import start_pages

    def broken(user):
        raise RuntimeError("a bug")

    monkeypatch.setattr(start_pages, "for_user", broken)
    browser = Client(raise_request_exception=False)
    browser.force_login(users["practitioner"])
    response = browser.get(f"/{lang}/start/")
    assert response.status_code == 500
    body = response.content.decode()
    assert f"<h1>{title}</h1>" in body and f'<html lang="{lang}">' in body
    assert "a bug" not in body


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "The form has expired"), ("fr", "Le formulaire a expiré")]
)
def test_a_form_without_its_csrf_token_gets_a_page_that_says_what_to_do(users, lang, title):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(users["practitioner"])
    response = browser.post(f"/{lang}/accounts/logout/")
    assert response.status_code == 403
    body = response.content.decode()
    assert f"<h1>{title}</h1>" in body and f'<html lang="{lang}">' in body


def test_the_health_check_answers_json(db):
    response = Client().get("/healthz")
    assert response.json()["status"] == "ok"
    assert response["X-Request-ID"]


@pytest.mark.parametrize("template", ["web/base.html", "web/errors/500.html"])
def test_the_static_files_the_shell_links_exist(template):
    """The Ontario Design System styles, htmx and careerlens's stylesheet (vendored by make)."""
    from django.contrib.staticfiles import finders
    from django.template import loader

    source = loader.get_template(template).template.source
    paths = re.findall(r"\{% static '([^']+)' %\}", source)
    assert paths
    missing = [path for path in paths if not finders.find(path)]
    assert not missing, f"run make (scripts/vendor-assets.sh) or fix the links: {missing}"
