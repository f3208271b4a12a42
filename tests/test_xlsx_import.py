"""Importing an Excel action plan laid out as municipalities keep them (seeds/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook
from plan_sheets import english_messages, fill  # noqa: F401 (an autouse fixture)
from suunta.cli import main as suunta_cli
from suunta.loader import load_data
from suunta.xlsx_import import import_workbook, slug

BLUE, ORANGE, GREEN, PINK = "9BC2E6", "F4B084", "A9D08E", "FF00FF"


def make_plan(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tavoite 1"
    sheet.append(["Seudun ICT-strategian toimeenpanosuunnitelma"])
    sheet.append([])
    sheet.append(
        [
            "Toimenpiteen kuvaus",
            "Vastuuhenkilö/taho",
            "Hallintokunta",
            "Kevät 2025",
            "Syksy 2025",
            "Kevät 2026",
            "Syksy 2026",
            "Mahd. lisätietoa",
        ]
    )
    sheet.append(["Perustietotekniikka"])  # a theme heading: only a description
    sheet.append(
        [
            "Työasemapalvelujen kilpailutus",
            "Matti Meikäläinen, Tietohallinto",
            "Konsernihallinto",
            None,
            None,
            None,
            None,
            "Yhteishankinta",
        ]
    )
    for column, colour in ((4, BLUE), (5, ORANGE), (6, ORANGE), (7, GREEN)):
        sheet.cell(row=5, column=column).fill = fill(colour)
    sheet.cell(row=5, column=5).value = "pilotti"
    sheet.append(["Sivistyspalvelut"])
    sheet.append(["Oppimisalustan yhtenäistäminen", None, "Sivistyspalvelut"])
    sheet.cell(row=7, column=6).fill = fill(PINK)  # a colour the legend does not explain
    sheet.append([])
    sheet.append(["selvitys"])
    sheet.cell(row=9, column=1).fill = fill(BLUE)
    sheet.append(["käyttöönotto"])
    sheet.cell(row=10, column=1).fill = fill(ORANGE)
    sheet.append(["jatkuva toiminta"])
    sheet.cell(row=11, column=1).fill = fill(GREEN)
    target = path / "plan.xlsx"
    book.save(target)
    return target


def test_sheet_becomes_measures_with_themes_schedule_and_notes(tmp_path: Path) -> None:
    [sheet] = import_workbook(make_plan(tmp_path), ["ict-foundation"], {})
    assert sheet.goal == "ict-foundation"
    assert sheet.themes == [
        {"id": "perustietotekniikka", "title": {"fi": "Perustietotekniikka"}},
        {"id": "sivistyspalvelut", "title": {"fi": "Sivistyspalvelut"}},
    ]
    first, second = sheet.measures
    assert first == {
        "id": "tyoasemapalvelujen-kilpailutus",
        "goal": "ict-foundation",
        "theme": "perustietotekniikka",
        "title": {"fi": "Työasemapalvelujen kilpailutus"},
        "responsible": ["Matti Meikäläinen", "Tietohallinto"],
        "units": [{"fi": "Konsernihallinto"}],
        "schedule": [
            {"period": "2025-spring", "phase": "investigation"},
            {"period": "2025-autumn", "phase": "deployment", "note": {"fi": "pilotti"}},
            {"period": "2026-spring", "phase": "deployment"},
            {"period": "2026-autumn", "phase": "continuous"},
        ],
        "notes": {"fi": "Yhteishankinta"},
    }
    assert second["theme"] == "sivistyspalvelut" and "schedule" not in second
    # Issue 8: the unknown colour is reported by its cell, with the nearest legend colour.
    assert sheet.notes == [
        "'Tavoite 1'!F7: the colour FF00FF is not in the legend (the nearest "
        "legend colour is F4B084, 'käyttöönotto' at 'Tavoite 1'!A10); the "
        "half-year was left out."
    ]


def test_same_phase_half_years_in_a_row_join_into_a_range(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Toimenpide", "Kevät 2025", "Syksy 2025", "Kevät 2026"])
    sheet.append(["Yhteiset koulutukset"])
    sheet.append(["jatkuva toiminta"])
    sheet.cell(row=3, column=1).fill = fill(GREEN)
    for column in (2, 3, 4):
        sheet.cell(row=2, column=column).fill = fill(GREEN)
    book.save(tmp_path / "b.xlsx")
    [result] = import_workbook(tmp_path / "b.xlsx", ["g"], {})
    assert result.measures[0]["schedule"] == [
        {"period": "2025-spring to 2026-spring", "phase": "continuous"}
    ]


def test_cli_merges_the_plan_into_data_that_the_schema_accepts(project: Path, capsys) -> None:
    # Issue 8 changed this: the import merges measures and themes into data/ (no side file,
    # no --force), and a second import of the same sheet changes nothing.
    plan = make_plan(project)
    assert suunta_cli(["import-xlsx", str(plan), "-f", str(project / "mkdocs.yml")]) == 0
    out = capsys.readouterr()
    written = project / "data" / "measures" / "1-ict-foundation.yml"
    assert "Wrote data/measures/1-ict-foundation.yml" in out.out
    assert "Measures: 2 new, 0 changed, 0 unchanged" in out.out
    assert "colour FF00FF is not in the legend" in out.err
    loaded = load_data(project / "data", ["fi", "sv"])
    imported = [m.measure for m in loaded.measures if m.source.file == written][-2:]
    assert [m.id for m in imported] == [
        "tyoasemapalvelujen-kilpailutus",
        "oppimisalustan-yhtenaistaminen",
    ]
    assert [t.id for t in loaded.goals.goals[0].themes] == [
        "perustietotekniikka",
        "sivistyspalvelut",
    ]
    assert any(
        "measures[12].title" in g.field and "no translation in sv" in g.message
        for g in loaded.translation_gaps
    )
    before = written.read_text("utf-8")
    assert suunta_cli(["import-xlsx", str(plan), "-f", str(project / "mkdocs.yml")]) == 0
    assert "Nothing changed in data/." in capsys.readouterr().out
    assert written.read_text("utf-8") == before


def test_a_sheet_without_the_expected_header_is_named(tmp_path: Path, capsys) -> None:
    # Issue 8: an unknown layout is a wrong file: one line and exit status 2.
    book = Workbook()
    book.active.title = "Muistiinpanot"
    book.active.append(["Jotain muuta"])
    book.save(tmp_path / "x.xlsx")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "goals.yml").write_text(
        (ROOT / "data" / "goals.yml").read_text("utf-8"), "utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    assert (
        suunta_cli(["import-xlsx", str(tmp_path / "x.xlsx"), "-f", str(tmp_path / "mkdocs.yml")])
        == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "x.xlsx has no header row with a measure column (such as 'toimenpiteen kuvaus'" in err


def test_slugs_are_ascii_and_stable() -> None:
    assert slug("Yhteiset koulutukset") == "yhteiset-koulutukset"
    assert slug("Ääni & öljy: 2025!") == "aani-oljy-2025"
    assert len(slug("sana " * 40)) <= 60


def test_a_swedish_plan_is_read_with_its_own_words(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Åtgärd", "Ansvarig", "Sektor", "Våren 2025", "Hösten 2025", "Mer information"])
    sheet.append(
        ["Gemensamma utbildningar", "IT-chefen", "Bildningssektorn", None, None, "Årligen"]
    )
    sheet.cell(row=2, column=4).fill = fill(BLUE)
    sheet.cell(row=2, column=5).fill = fill(ORANGE)
    sheet.append(["utredning"])
    sheet.cell(row=3, column=1).fill = fill(BLUE)
    sheet.append(["införande"])
    sheet.cell(row=4, column=1).fill = fill(ORANGE)
    book.save(tmp_path / "sv.xlsx")
    [result] = import_workbook(tmp_path / "sv.xlsx", ["g"], {}, language="sv")
    [measure] = result.measures
    assert measure["title"] == {"sv": "Gemensamma utbildningar"}
    assert measure["responsible"] == ["IT-chefen"]
    assert measure["schedule"] == [
        {"period": "2025-spring", "phase": "investigation"},
        {"period": "2025-autumn", "phase": "deployment"},
    ]
    assert measure["notes"] == {"sv": "Årligen"}


def test_a_date_cell_is_read_as_the_date_without_a_time() -> None:
    """Excel turns a note typed as "1.5.2026" into a date; it comes back as that date."""
    import datetime as dt

    from suunta.plan_import.grid import squeezed

    assert squeezed(dt.datetime(2026, 5, 1)) == "2026-05-01"
    assert squeezed(dt.datetime(2026, 5, 1, 14, 30)) == "2026-05-01 14:30:00"
    assert squeezed(3.0) == "3" and squeezed("  kaksi   sanaa ") == "kaksi sanaa"


@pytest.mark.parametrize("name", ["plan.xls", "plan.ods", "plan.csv", "plan"])
def test_a_workbook_under_another_name_is_read_as_the_workbook_it_is(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    renamed = make_plan(project).rename(project / name)
    assert suunta_cli(["import", str(renamed), "-f", str(project / "mkdocs.yml")]) == 0
    assert "Measures: 2 new, 0 changed, 0 unchanged" in capsys.readouterr().out
    written = project / "data" / "measures" / "1-ict-foundation.yml"
    imported = [m.measure.id for m in load_data(project / "data", ["fi", "sv"]).measures]
    assert "oppimisalustan-yhtenaistaminen" in imported and written.is_file()


def test_export_refuses_a_name_that_is_not_xlsx(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project / "out.csv"
    assert suunta_cli(["export-xlsx", str(out), "-f", str(project / "mkdocs.yml")]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"suunta: give the workbook a name ending in .xlsx, such as plan-fi.xlsx (not {out})\n"
    )
    assert not out.exists()
