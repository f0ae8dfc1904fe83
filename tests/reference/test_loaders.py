"""The reference loaders: what the files hold, idempotence, and all-or-nothing loads."""

from __future__ import annotations

import csv
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from careerlens.reference.loaders import LOADERS
from careerlens.reference.loaders.base import ReferenceDataError, Source, read_rows, sha256_of
from careerlens.reference.loaders.cops import outlook_of
from careerlens.reference.loaders.oasis import RATING_SOURCES, match_columns, profile_code, scales_of
from careerlens.reference.models import (
    Descriptor,
    ExampleTitle,
    Facet,
    LabourMarketOutlook,
    Noc2016Concordance,
    NocGroup,
    Occupation,
    Outlook,
    Profile,
    Rating,
    ReferenceSource,
)
from tests.reference.helpers import data_file, edit_file, header_of

pytestmark = pytest.mark.django_db

OGL = "Open Government Licence – Canada"
# Descriptors in the OaSIS guide, and descriptors rated in the profile files (work context: 56 descriptors,
# 10 of them on two scales, so 66 rating columns).
GUIDE_DESCRIPTORS = {
    Facet.SKILLS: 43,
    Facet.ABILITIES: 56,
    Facet.KNOWLEDGE: 46,
    Facet.WORK_ACTIVITIES: 56,
    Facet.WORK_CONTEXT: 73,
    Facet.PERSONAL_ATTRIBUTES: 32,
}
RATED_COLUMNS = {
    Facet.SKILLS: 33,
    Facet.ABILITIES: 49,
    Facet.KNOWLEDGE: 44,
    Facet.WORK_ACTIVITIES: 40,
    Facet.WORK_CONTEXT: 66,
    Facet.PERSONAL_ATTRIBUTES: 13,
}


def counts() -> dict[str, int]:
    models = (NocGroup, Occupation, ExampleTitle, Noc2016Concordance, Descriptor, Profile, Rating, Outlook)
    return {model.__name__: model.objects.count() for model in models}


# --- what was loaded ---------------------------------------------------------------------------------


def test_the_noc_2021_hierarchy_is_complete():
    assert Occupation.objects.count() == 516
    levels = dict(NocGroup.objects.values_list("level").annotate(n=Count("code")))
    assert levels == {1: 10, 2: 45, 3: 89, 4: 162}
    welders = Occupation.objects.select_related("minor_group").get(code="72106")
    assert welders.title_en == "Welders and related machine operators"
    assert welders.title_fr.startswith("Soudeurs/soudeuses")
    assert welders.teer == 2
    assert [group.code for group in welders.hierarchy] == ["7", "72", "721", "7210"]
    assert welders.minor_group.title_en == "Machining, metal forming, shaping and erecting trades"
    assert welders.definition_en.startswith("Welders operate welding equipment")
    # Leading zeros are kept: NOC codes are strings.
    legislators = Occupation.objects.get(code="00010")
    assert legislators.teer == 0 and legislators.broad_category_id == "0"


def test_every_unit_group_has_french_titles_and_teer_matches_its_code():
    assert not Occupation.objects.filter(title_fr="").exists()
    for code, teer in Occupation.objects.values_list("code", "teer"):
        assert int(code[1]) == teer


def test_example_titles_in_both_languages():
    assert ExampleTitle.objects.count() == 57708
    assert ExampleTitle.objects.filter(language="en").count() == 27941
    assert ExampleTitle.objects.filter(language="fr").count() == 29767
    assert ExampleTitle.objects.values("occupation").distinct().count() == 516
    title = ExampleTitle.objects.get(occupation_id="42202", title="Éducateur/éducatrice de la petite enfance")
    assert title.language == "fr"
    assert title.search_key == "educateur educatrice de la petite enfance"


def test_oasis_profiles_cover_every_unit_group():
    assert Profile.objects.count() == 900
    assert not Occupation.objects.filter(profiles__isnull=True).exists()
    assert Occupation.objects.annotate(n=Count("profiles")).filter(n__gt=1).count() == 184
    welders = list(Profile.objects.filter(occupation_id="72106").values_list("code", flat=True))
    assert welders == ["72106.01", "72106.02"]
    assert not Profile.objects.filter(lead_statement="").exists()


def test_holland_codes_are_upper_case_and_ordered():
    legislators = Profile.objects.get(code="00010.00")
    assert legislators.holland_codes == "ESC"
    assert Profile.objects.exclude(holland_1__in=list("RIASEC")).count() == 0
    # The interests file lists Dispatchers as 14404.01; the unit group has one profile, 14404.00.
    assert Profile.objects.get(code="14404.00").holland_codes == "CSE"
    assert not Profile.objects.filter(code="14404.01").exists()


@pytest.mark.parametrize("facet", list(Facet))
def test_descriptor_counts_per_facet(facet):
    assert Descriptor.objects.filter(facet=facet).count() == GUIDE_DESCRIPTORS[facet]
    columns = Rating.objects.filter(descriptor__facet=facet).values("descriptor", "scale").distinct().count()
    assert columns == RATED_COLUMNS[facet]
    # … and that is the rating file's width, less the code and label columns.
    assert len(header_of(RATING_SOURCES[facet].path)) - 2 == RATED_COLUMNS[facet]
    # Every profile is rated on every rated column.
    assert Rating.objects.filter(descriptor__facet=facet).count() == 900 * RATED_COLUMNS[facet]


def test_ratings_and_their_scales():
    assert Rating.objects.count() == 900 * sum(RATED_COLUMNS.values()) == 220_500
    assert Descriptor.objects.get(code="G01a01").scale_max == 3  # knowledge 0–3
    assert Descriptor.objects.get(code="F01b01").scale_max == 5  # skills 0–5
    assert not Rating.objects.filter(descriptor__facet=Facet.KNOWLEDGE, value__gt=3).exists()
    assert not Rating.objects.filter(value__gt=5).exists()
    time_pressure = Descriptor.objects.get(code="J01c02")
    assert (time_pressure.scale, time_pressure.second_scale) == ("frequency", "importance")
    assert dict(time_pressure.ratings.values_list("scale").annotate(n=Count("id"))) == {1: 900, 2: 900}
    assert Descriptor.objects.filter(second_scale__gt="").count() == 10
    # "Oral Communication: Active Listening" (skills), legislators (00010.00): 4 in the file.
    assert Rating.objects.get(profile_id="00010.00", descriptor__name__endswith="Active Listening").value == 4


def test_codes_written_as_numbers_are_restored():
    # knowledges: "31100.1"; work activities: "10010" (no suffix)
    assert Rating.objects.filter(profile_id="31100.10", descriptor__facet=Facet.KNOWLEDGE).count() == 44
    assert Rating.objects.filter(profile_id="10010.00", descriptor__facet=Facet.WORK_ACTIVITIES).count() == 40
    source = RATING_SOURCES[Facet.KNOWLEDGE]
    assert profile_code("31100.1", source, 2, "code") == "31100.10"
    assert profile_code("10010", source, 2, "code") == "10010.00"
    assert profile_code("10.00", source, 2, "code") == "00010.00"
    with pytest.raises(ReferenceDataError, match="line 7: code '1x.00' is not an OaSIS profile code"):
        profile_code("1x.00", source, 7, "code")


def test_cops_outlook():
    assert Outlook.objects.count() == 516
    assert Outlook.objects.filter(employment_2023__isnull=True).count() == 31
    welders = Outlook.objects.get(occupation_id="72106")
    assert welders.employment_2023 == 90900
    assert welders.job_openings == 25600
    assert welders.recent_outlook == LabourMarketOutlook.MODERATE_SHORTAGE
    assert welders.recent_conditions_en == "Moderate signs of Shortage"
    assert welders.future_conditions_fr == "Risque modéré de pénurie"
    assert set(Outlook.objects.values_list("future_outlook", flat=True)) == {"", *LabourMarketOutlook.values}


def test_the_noc_2016_concordance():
    assert Noc2016Concordance.objects.count() == 585
    assert Noc2016Concordance.objects.get(occupation_id="72106").noc2016_code == "7237"
    split = Noc2016Concordance.objects.filter(noc2016_code="2171")
    assert split.count() == 5  # information systems analysts, split in five
    assert Noc2016Concordance.objects.get(noc2016_code="0011").occupation_id == "00010"


def test_every_source_is_recorded_with_version_publisher_licence_and_checksum():
    recorded = {source.key: source for source in ReferenceSource.objects.all()}
    for source, _load in LOADERS:
        record = recorded[source.key]
        assert record.sha256 == sha256_of(source.file)
        assert record.version == source.version
        assert record.publisher and record.licence
    assert recorded["noc2021_structure"].version == "NOC 2021 V1.0"
    assert recorded["oasis2023_skills"].version == "OaSIS 2023 v1.0"
    assert recorded["cops2024_summary"].version == "COPS 2024–2033"
    assert recorded["oasis2023_guide"].licence == OGL
    assert recorded["noc2021_example_titles"].rows == 57708


def test_checksums_match_the_provenance_file():
    with data_file("PROVENANCE.csv").open(encoding="utf-8", newline="") as handle:
        provenance = {row["path"]: row["sha256"] for row in csv.DictReader(handle)}
    for source, _load in LOADERS:
        if source.path in provenance:
            assert sha256_of(source.file) == provenance[source.path], source.path


# --- idempotence --------------------------------------------------------------------------------------


def test_a_second_load_changes_nothing():
    before = counts()
    stamps = dict(ReferenceSource.objects.values_list("key", "loaded_at"))
    output = StringIO()
    call_command("load_reference", stdout=output)
    lines = output.getvalue().splitlines()
    assert len(lines) == len(LOADERS)
    assert all(line.endswith("unchanged, skipped") for line in lines)
    assert counts() == before
    assert dict(ReferenceSource.objects.values_list("key", "loaded_at")) == stamps


def test_a_forced_reload_replaces_rows_without_duplicates():
    before = counts()
    welders = Occupation.objects.get(code="72106")
    call_command("load_reference", force=True, stdout=StringIO())
    assert counts() == before
    assert Occupation.objects.get(code="72106").title_fr == welders.title_fr
    assert not Rating.objects.values("profile", "descriptor", "scale").annotate(n=Count("id")).filter(n__gt=1)
    assert ExampleTitle.objects.filter(occupation_id="72106").count() == 119 + 127


def test_only_loads_the_named_sources():
    output = StringIO()
    call_command("load_reference", force=True, only=["cops2024_summary"], stdout=output)
    assert output.getvalue().strip() == "cops2024_summary: 516 rows loaded (COPS 2024–2033)"


# --- all or nothing -----------------------------------------------------------------------------------


def test_a_malformed_row_loads_nothing(data_copy):
    # A valid change to an early source, then a bad number in a later one.
    unit_groups = data_copy / "noc2021/noc2021_unit_groups.csv"
    original = sha256_of(unit_groups)
    edit_file(unit_groups, "Membres des corps législatifs", "Législateurs")
    edit_file(data_copy / "cops2024/summary_sommaire_2024_2033_noc2021.csv", ",90900,5600,", ",ninety,5600,")
    with pytest.raises(CommandError) as failure:
        call_command("load_reference", stdout=StringIO())
    message = str(failure.value)
    assert message == (
        "Nothing was loaded: cops2024/summary_sommaire_2024_2033_noc2021.csv, line 366: "
        "Employment_emploi_2023 'ninety' is not a whole number."
    )
    # The unit groups loaded before the failure were rolled back, with their source record.
    assert Occupation.objects.get(code="00010").title_fr == "Membres des corps législatifs"
    assert ReferenceSource.objects.get(key="noc2021_unit_groups").sha256 == original
    assert Outlook.objects.get(occupation_id="72106").employment_2023 == 90900


def test_a_row_with_a_missing_field_names_the_line(data_copy):
    path = data_copy / "oasis2023/labels_oasis_2023_v1.0.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[4] = lines[4].split(",")[0]  # line 5: the code only
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"labels_oasis_2023_v1.0.csv, line 5: 1 fields where the header has 2"
    ):
        call_command("load_reference", stdout=StringIO())
    assert Profile.objects.count() == 900


def test_an_unknown_rating_column_is_named(data_copy):
    edit_file(data_copy / "oasis2023/skills_oasis_2023_v1.0.csv", "Critical Thinking", "Juggling")
    with pytest.raises(CommandError) as failure:
        call_command("load_reference", stdout=StringIO())
    assert "oasis2023/skills_oasis_2023_v1.0.csv: column 'Juggling' matches no skills descriptor" in str(
        failure.value
    )
    assert Rating.objects.filter(descriptor__facet=Facet.SKILLS).count() == 900 * 33


def test_an_unknown_unit_group_is_refused(data_copy):
    edit_file(data_copy / "noc2021/noc2021_example_titles_en_fr.csv", "72106,en,", "72199,en,")
    with pytest.raises(CommandError, match=r"line \d+: noc_code 72199 is not a NOC 2021 unit group"):
        call_command("load_reference", stdout=StringIO())
    assert ExampleTitle.objects.count() == 57708


def test_a_rating_out_of_its_scale_is_refused(data_copy):
    # Knowledge is rated 0–3: the first profile's first rating (Accounting) becomes 4.
    edit_file(
        data_copy / "oasis2023/knowledges_oasis_2023_v1.0.csv",
        "00010.00,Legislators,2,",
        "00010.00,Legislators,4,",
    )
    with pytest.raises(
        CommandError, match=r"knowledges_oasis_2023_v1.0.csv, line 2: Accounting 4 is outside 0–3"
    ):
        call_command("load_reference", stdout=StringIO())


def test_a_missing_file_is_named(data_copy):
    (data_copy / "cops2024/summary_sommaire_2024_2033_noc2021.csv").unlink()
    with pytest.raises(CommandError, match="cops2024/summary_sommaire_2024_2033_noc2021.csv: file not found"):
        call_command("load_reference", stdout=StringIO())


# --- header matching and parsing ----------------------------------------------------------------------


def test_rating_headers_match_the_guide_despite_spaces_prefixes_and_renames():
    source = RATING_SOURCES[Facet.SKILLS]
    matched = match_columns(
        source, Facet.SKILLS, ["\xa0Oral Communication: Active Listening   ", "Writing  "]
    )
    assert [(d.code, scale) for d, scale in matched.values()] == [("F01a01", 1), ("F01b02", 1)]
    # A header without the guide's "Prefix: " matches too.
    assert match_columns(source, Facet.SKILLS, ["Active Listening"])["Active Listening"][0].code == "F01a01"
    knowledge = match_columns(
        RATING_SOURCES[Facet.KNOWLEDGE], Facet.KNOWLEDGE, ["Business Administration", "Client Services"]
    )
    assert [d.code for d, _scale in knowledge.values()] == ["G01a02", "G01a07"]
    context = match_columns(
        RATING_SOURCES[Facet.WORK_CONTEXT], Facet.WORK_CONTEXT, ["Sound and Noise ", "Sound and Noise 9"]
    )
    assert [(d.code, scale) for d, scale in context.values()] == [("J02c04", 1), ("J02c04", 2)]


def test_headers_that_match_nothing_or_twice_fail_loudly():
    source = RATING_SOURCES[Facet.SKILLS]
    with pytest.raises(
        ReferenceDataError, match=r"skills_oasis_2023_v1.0.csv: column 'Writting Skillz' matches no"
    ):
        match_columns(source, Facet.SKILLS, ["Writting Skillz"])
    with pytest.raises(
        ReferenceDataError, match="all match descriptor F01b02 'Writing', which the guide rates on one"
    ):
        match_columns(source, Facet.SKILLS, ["Writing", "Writing 2"])


def test_scales_are_read_from_the_guide():
    assert scales_of(
        "This descriptor is measured by frequency on a scale of 1-5 and in duration on a scale of 1-5.",
        Facet.WORK_CONTEXT,
    ) == ("frequency", 5, "duration", 5)
    assert scales_of("… measured by knowledge level on a scale of 1-3.", Facet.KNOWLEDGE) == (
        "knowledge level",
        3,
        "",
        None,
    )
    assert scales_of("No scale stated.", Facet.ABILITIES) == ("", 5, "", None)


def test_cops_conditions_are_parsed():
    assert outlook_of("Balance", 2, "f") == LabourMarketOutlook.BALANCE
    assert outlook_of("Strong risk of Surplus", 2, "f") == LabourMarketOutlook.STRONG_SURPLUS
    assert outlook_of("Moderate signs of  Shortage", 2, "f") == LabourMarketOutlook.MODERATE_SHORTAGE
    assert outlook_of("N/A", 2, "f") == ""
    with pytest.raises(ReferenceDataError, match="line 9: Future 'Booming' is not a COPS condition"):
        outlook_of("Booming", 9, "Future")


def test_read_rows_reports_the_first_line_of_a_multi_line_record(tmp_path, settings):
    settings.REFERENCE_DATA_DIR = tmp_path
    (tmp_path / "x.csv").write_text('a,b\n1,"two\nlines"\n3\n', encoding="utf-8")
    source = Source(key="x", path="x.csv", version="1", publisher="", licence="")
    with pytest.raises(ReferenceDataError, match=r"x.csv, line 4: 1 fields where the header has 2"):
        list(read_rows(source, strict=True))
    (tmp_path / "x.csv").write_text("a,a\n1,2\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="column.s. a appear more than once"):
        list(read_rows(source))
