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


def test_an_origin_without_viable_targets_shows_the_nearest_with_a_note(client):
    body = text(client.get(EN, {"origin": "65229"}))
    assert 'id="none-viable"' in body
    assert "No occupation is within reach in one step under these conditions." in body
    results = body.split('id="pathways-results"')[1].split("</table>")[0]
    assert "20 nearest occupations, none within reach, smallest gap first." in results
    assert results.count("Not within reach: the skills gap is too large for one step") == 20
    assert "65329" in results and 'id="gaps-table"' in body
    french = text(client.get(FR, {"origin": "65229"}))
    assert 'id="none-viable"' in french
    assert "Aucune profession n’est à portée en une étape dans ces conditions." in french
    assert "Hors de portée : l’écart de compétences est trop grand pour une étape" in french


def test_a_reachable_origin_has_no_note(client):
    body = text(client.get(EN, {"origin": "72106"}))
    assert 'id="none-viable"' not in body and "Not within reach:" not in body.split('id="gaps"')[0]


def test_longest_training_is_kept_and_applied(client):
    body = text(client.get(EN, {"origin": "65100", "max_training_weeks": "26"}))
    assert '<option value="26" selected>' in body
    assert 'id="none-viable"' not in body
    nothing = text(client.get(EN, {"origin": "65100", "max_training_weeks": "4", "max_teer_step": "0"}))
    assert 'id="none-viable"' in nothing
    assert "longer training than you allow" in nothing.split('id="pathways-results"')[1]
    bad = text(client.get(EN, {"origin": "65100", "max_training_weeks": "7"}))
    assert 'href="#id_max_training_weeks"' in bad and "Select a valid choice." in bad


@pytest.mark.parametrize(
    ("page", "target", "wording"),
    [
        (EN, "72310", "Same TEER level."),  # carpenters: TEER 2, like welders
        (EN, "21300", "1 TEER level up."),  # civil engineers: TEER 1
        (EN, "73300", "1 TEER level down."),  # transport truck drivers: TEER 3
        (EN, "75110", "3 TEER levels down."),  # construction trades helpers: TEER 5
        (FR, "72310", "Même niveau FEER."),
        (FR, "21300", "1 niveau FEER de plus."),
        (FR, "75110", "3 niveaux FEER de moins."),
    ],
)
def test_the_teer_step_is_worded_in_each_language(client, page, target, wording):
    body = text(client.get(page, {"origin": "72106", "target": target}))
    assert wording in body.split('id="gaps"')[1]
    assert "level(s)" not in body and "niveau(x)" not in body


def test_each_result_row_words_its_teer_step(client):
    results = text(client.get(EN, {"origin": "72106"})).split('id="pathways-results"')[1].split("</table>")[0]
    assert "Same TEER level" in results and "2 TEER levels down" in results
