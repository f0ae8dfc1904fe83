"""The pathway explorer page: public, EN/FR, keeps what was typed on error, tables and the picture of the
gaps with the same data as a table."""

from __future__ import annotations

import re

import pytest

from careerlens.reference.models import Occupation

pytestmark = pytest.mark.django_db

EN = "/en/pathways/"
FR = "/fr/pathways/"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("persona", ["anonymous", "client", "practitioner"])
def test_the_empty_form_is_public(client_for, persona):
    response = client_for(persona).get(EN)
    assert response.status_code == 200
    body = text(response)
    assert 'name="origin"' in body and 'name="goal"' in body and 'name="feasibility_only"' in body
    assert "pathways-results" not in body
    assert "vega" not in body  # no chart, no chart scripts


def test_a_job_title_finds_the_occupation_and_related_trades(client):
    response = client.get(EN, {"origin": "welder"})
    assert response.status_code == 200
    body = text(response)
    assert "From 72106 Welders and related machine operators" in body
    results = body.split('id="pathways-results"')[1].split("</table>")[0]
    assert '<a href="/en/reference/occupations/72104/">72104' in results
    assert '<a href="/en/reference/occupations/72102/">72102' in results
    # the picture of the gaps of the first result, its data as JSON and as a table, and the scripts
    assert 'id="gaps"' in body and 'id="gap-chart"' in body and 'id="gaps-table"' in body
    assert 'id="gap-chart-data"' in body
    for script in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "pathways/explorer.js"):
        assert script in body


def test_the_french_page_shows_french_titles_and_marks_english_names(client):
    response = client.get(FR, {"origin": "72106"})
    assert response.status_code == 200
    body = text(response)
    assert '<html lang="fr"' in body
    for code in ("72106", "72104"):
        title = Occupation.objects.get(code=code).title_fr
        assert title and title in body
    assert "Welders and related" not in body
    assert "Cheminements de carrière" in body
    assert 'lang="en"' in body.split('id="gaps"')[1]  # descriptor names are English only
    assert "/fr/reference/occupations/72104/" in body


def test_selecting_a_target_draws_its_gaps(client):
    body = text(client.get(EN, {"origin": "72106", "target": "72310"}))
    gaps = body.split('id="gaps"')[1]
    assert "72310 Carpenters" in gaps


def test_a_stale_target_falls_back_to_the_first_result(client):
    assert text(client.get(EN, {"origin": "72106", "target": "nonsense"})).count('id="gaps-table"') == 1


def test_paths_to_a_goal(client):
    response = client.get(EN, {"origin": "72106", "goal": "carpenter"})
    body = text(response)
    assert "Paths to 72310 Carpenters" in body
    assert "72310 Carpenters" in body.split('id="gaps"')[1]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"origin": ""}, "origin", "This field is required."),
        ({"origin": "99999"}, "origin", "“99999” is not a NOC 2021 unit group."),
        ({"origin": "qqqqzzzzxxxx"}, "origin", "No occupation matches “qqqqzzzzxxxx”"),
        ({"origin": "72106", "goal": "welders"}, "goal", "The goal is the origin occupation"),
        ({"origin": "72106", "max_teer_step": "9"}, "max_teer_step", "Select a valid choice."),
    ],
)
def test_errors_keep_what_was_typed_and_show_a_summary(client, params, field, message):
    response = client.get(EN, params)
    assert response.status_code == 200
    body = text(response)
    assert 'id="form-errors"' in body
    assert message in body
    assert f'href="#id_{field}"' in body
    assert "aria-invalid" in body
    if params.get("origin"):
        assert f'value="{params["origin"]}"' in body
    assert "pathways-results" not in body
    assert body.split("<title>")[1].startswith("Error:")


def test_feasibility_only_and_teer_step_are_kept_and_applied(client):
    body = text(client.get(EN, {"origin": "65100", "feasibility_only": "on", "max_teer_step": "0"}))
    checkbox = re.search(r'<input[^>]*name="feasibility_only"[^>]*>', body).group(0)
    assert "checked" in checkbox
    assert '<option value="0" selected>' in body
    results = body.split('id="pathways-results"')[1].split("</table>")[0]
    assert "TEER 5" in results or "TEER 4" in results


def test_post_is_not_allowed(client):
    assert client.post(EN, {"origin": "72106"}).status_code == 405
