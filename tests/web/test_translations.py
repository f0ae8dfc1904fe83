"""Every French catalogue is complete: no untranslated or fuzzy entry, and none missing from the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.web.po import parse, problems

SOURCE = Path(__file__).resolve().parents[2] / "src" / "careerlens"
CATALOGUES = sorted(SOURCE.rglob("locale/fr/LC_MESSAGES/django.po"))
APPS = sorted(path.parent for path in SOURCE.glob("*/apps.py"))


def _name(path: Path) -> str:
    return str(path.relative_to(SOURCE))


def test_the_catalogues_of_these_apps_and_of_the_project_exist():
    names = {_name(path) for path in CATALOGUES}
    for app in ("accounts", "audit", "web"):
        assert f"{app}/locale/fr/LC_MESSAGES/django.po" in names
    assert "locale/fr/LC_MESSAGES/django.po" in names


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=_name)
def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    found = problems(catalogue)
    assert not found, "\n".join(found)


def _regenerated(owner: Path, tmp_path: Path, monkeypatch, settings) -> Path:
    """The French catalogue as makemessages would write it from today's source, in a copy of the tree.

    ``owner`` is an app's directory, or the package itself for the project catalogue (which holds only
    what is outside every app).
    """
    copy = tmp_path / owner.name
    skip = {"__pycache__", "data", "static", "node_modules"}
    if owner == SOURCE:
        skip |= {app.name for app in APPS} | {"analytics"}
    shutil.copytree(owner, copy, ignore=lambda directory, names: [name for name in names if name in skip])
    (copy / "locale").mkdir(exist_ok=True)  # so that makemessages writes here, in the copy
    settings.LOCALE_PATHS = []  # and never into the real project catalogue
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["fr"], no_location=True, no_obsolete=True, verbosity=0)
    return copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def _owner_id(path: Path) -> str:
    return "project" if path == SOURCE else path.name


@pytest.mark.parametrize("owner", [*APPS, SOURCE], ids=_owner_id)
def test_no_string_in_the_source_is_missing_from_a_catalogue(owner, tmp_path, monkeypatch, settings):
    """Regenerating a catalogue adds nothing untranslated (if it does: run makemessages and translate)."""
    regenerated = _regenerated(owner, tmp_path, monkeypatch, settings)
    if not regenerated.exists():
        return  # no translatable string at all
    catalogue = owner / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    if not catalogue.exists():
        strings = [entry.msgid for entry in parse(regenerated.read_text(encoding="utf-8")) if entry.msgid]
        pytest.fail(f"{_name(owner)} has translatable strings but no French catalogue: {strings[:5]}")
    missing = [problem.replace(str(regenerated), _name(catalogue)) for problem in problems(regenerated)]
    assert not missing, "Run makemessages and translate:\n" + "\n".join(missing)


def test_the_reader_finds_untranslated_fuzzy_and_mismatched_entries(tmp_path):
    sample = tmp_path / "django.po"
    sample.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "Done"\nmsgstr "Fait"\n\n'
        'msgid "Missing"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Devine"\n\n'
        '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Bonjour %(nom)s"\n\n'
        'msgid "%(n)s page"\nmsgid_plural "%(n)s pages"\nmsgstr[0] "%(n)s page"\nmsgstr[1] ""\n\n'
        'msgid ""\n"Two "\n"lines"\nmsgstr ""\n"Deux "\n"lignes"\n',
        encoding="utf-8",
    )
    entries = parse(sample.read_text(encoding="utf-8"))
    assert entries[-1].msgid == "Two lines" and entries[-1].msgstr == {0: "Deux lignes"}
    found = problems(sample)
    assert len(found) == 4
    assert any("'Missing' is not translated" in problem for problem in found)
    assert any("'Guess' is fuzzy" in problem for problem in found)
    assert any("'Hello %(name)s'" in problem and "placeholders" in problem for problem in found)
    assert any("'%(n)s page' is not translated" in problem for problem in found)
