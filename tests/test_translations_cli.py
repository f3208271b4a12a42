"""`suunta translations`: missing and outdated translations, and a translator's sheet both ways."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from suunta.cli import main as suunta_cli
from suunta.loader import load_data

GOAL_1 = Path("data") / "measures" / "1-ict-foundation.yml"
EVAKA_SV = "      sv: Införande av eVaka\n"
PRINTING_FI = "      fi: Seudullisen tulostuspalvelun kilpailutus ja käyttöönotto\n"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def run(site: Path, *args: str) -> int:
    return suunta_cli(["translations", *args, "-f", str(site / "mkdocs.yml")])


def edit(site: Path, old: str, new: str) -> None:
    file = site / GOAL_1
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), "utf-8")


def test_complete_data_passes_and_a_missing_text_fails_with_its_place(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(site) == 0
    assert "Missing translations: 0; outdated translations: 0." in capsys.readouterr().out
    edit(site, EVAKA_SV, "")
    assert run(site) == 1
    out = capsys.readouterr().out
    text = (site / GOAL_1).read_text("utf-8")
    line = text[: text.index("fi: eVakan käyttöönotto")].count("\n")  # the `title:` above it
    assert (
        f"data/measures/1-ict-foundation.yml, line {line}, field 'measures[evaka-deployment].title': no text in sv"
        in out
    )
    assert "Missing translations: 1; outdated translations: 0." in out


def test_a_translation_is_outdated_after_its_source_text_changes(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(site, "--accept") == 0
    assert (site / "data" / "translations.lock.yml").is_file()
    # Re-wrapping or re-spacing the source is no change of words.
    edit(site, PRINTING_FI, PRINTING_FI.replace(" ja ", "  ja "))
    assert run(site) == 0
    edit(site, PRINTING_FI.replace(" ja ", "  ja "), PRINTING_FI.replace(" ja ", ", seuranta ja "))
    assert run(site) == 1
    out = capsys.readouterr().out
    assert (
        "field 'measures[printing-service].title': the sv translation is outdated; the fi text "
        "changed after it was translated" in out
    )
    assert "Missing translations: 0; outdated translations: 1." in out
    # The editor fixes the Swedish by hand and says so.
    assert run(site, "--accept") == 0
    assert run(site) == 0


def test_the_fingerprints_follow_a_measure_that_moves(site: Path) -> None:
    assert run(site, "--accept") == 0
    file = site / GOAL_1
    text = file.read_text("utf-8")
    start = text.index("  - id: printing-service")
    end = text.index("  - id: presentation-technology")
    block = text[start:end]
    file.write_text(text[:start] + text[end:] + "\n" + block, "utf-8")  # now the last measure
    assert run(site) == 0


def test_export_import_round_trip_keeps_comments_and_updates_the_fingerprints(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(site, "--accept") == 0
    edit(site, EVAKA_SV, "")
    edit(site, PRINTING_FI, PRINTING_FI.replace(" ja ", ", seuranta ja "))
    before = (site / GOAL_1).read_text("utf-8")
    sheet = tmp_path / "kaannokset.xlsx"
    assert run(site, "--export", str(sheet)) == 0
    book = load_workbook(sheet)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == (
        "File",
        "Field",
        "Problem",
        "Source language",
        "Source text",
        "Target language",
        "Current translation",
        "New translation",
    )
    assert rows[1:] == [
        (
            "measures/1-ict-foundation.yml",
            "measures[printing-service].title",
            "outdated",
            "fi",
            "Seudullisen tulostuspalvelun kilpailutus, seuranta ja käyttöönotto",
            "sv",
            "Konkurrensutsättning och införande av en regional utskriftstjänst",
            None,
        ),
        (
            "measures/1-ict-foundation.yml",
            "measures[evaka-deployment].title",
            "missing",
            "fi",
            "eVakan käyttöönotto",
            "sv",
            None,
            None,
        ),
    ]
    book.active["H2"] = (
        "Konkurrensutsättning, uppföljning och införande av en regional utskriftstjänst"
    )
    book.active["H3"] = "Införande av eVaka: första steget"
    book.save(sheet)
    capsys.readouterr()
    assert run(site, "--import", str(sheet)) == 0
    assert "Wrote 2 translation(s) into the data." in capsys.readouterr().out
    after = (site / GOAL_1).read_text("utf-8")
    diff = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    ]
    assert diff == [
        "-       sv: Konkurrensutsättning och införande av en regional utskriftstjänst",
        "+       sv: Konkurrensutsättning, uppföljning och införande av en regional utskriftstjänst",
        "+       sv: 'Införande av eVaka: första steget'",
    ]
    assert "# Demo values: the source gives no schedule or status for this measure." in after
    assert run(site) == 0  # nothing missing, nothing outdated
    data = load_data(site / "data", ["fi", "sv"])
    [evaka] = [i.measure for i in data.measures if i.measure.id == "evaka-deployment"]
    assert evaka.title.texts == {
        "fi": "eVakan käyttöönotto",
        "sv": "Införande av eVaka: första steget",
    }


def test_a_bad_row_in_the_filled_sheet_is_named_and_nothing_is_written(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(site, EVAKA_SV, "")
    sheet = tmp_path / "t.xlsx"
    assert run(site, "--export", str(sheet)) == 0
    book = load_workbook(sheet)
    book.active["H2"] = "Införande av eVaka"
    book.active.append(
        [
            "measures/1-ict-foundation.yml",
            "measures[no-such-measure].title",
            "",
            "fi",
            "x",
            "sv",
            "",
            "y",
        ]
    )
    book.active.append(["../mkdocs.yml", "site_name", "", "fi", "x", "sv", "", "y"])
    book.save(sheet)
    before = (site / GOAL_1).read_text("utf-8")
    capsys.readouterr()
    assert run(site, "--import", str(sheet), "--lang", "sv") == 1
    err = capsys.readouterr().err
    assert "Översättningsbladet har 2 problem; ingenting skrevs." in err
    assert "cell B3: fältet 'measures[no-such-measure].title' finns inte längre i filen" in err
    assert "cell A4: '../mkdocs.yml' är ingen datafil med texter" in err
    assert (site / GOAL_1).read_text("utf-8") == before
    assert not (site / "data" / "translations.lock.yml").exists()


def test_a_text_that_looks_like_a_formula_stays_a_text(site: Path, tmp_path: Path) -> None:
    edit(site, EVAKA_SV, "")
    edit(site, "      fi: eVakan käyttöönotto\n", '      fi: "=eVakan käyttöönotto"\n')
    sheet = tmp_path / "t.xlsx"
    assert run(site, "--export", str(sheet)) == 0
    book = load_workbook(sheet)
    cell = book.active["E2"]
    assert (cell.value, cell.data_type) == ("=eVakan käyttöönotto", "s")


def test_a_control_character_in_a_text_does_not_stop_the_export(site: Path, tmp_path: Path) -> None:
    """A YAML escape can put a character a worksheet cannot hold into a text: the sheet is
    still written, without it (openpyxl refuses such a text)."""
    edit(site, EVAKA_SV, "")
    edit(site, "      fi: eVakan käyttöönotto\n", '      fi: "eVakan\\x07 käyttöönotto"\n')
    sheet = tmp_path / "t.xlsx"
    assert run(site, "--export", str(sheet)) == 0
    assert load_workbook(sheet).active["E2"].value == "eVakan käyttöönotto"


def test_a_lock_file_with_a_merge_conflict_or_broken_yaml_is_named_by_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(site) == 0 and run(site, "--accept") == 0
    lock = site / "data" / "translations.lock.yml"
    lines = lock.read_text("utf-8").splitlines(keepends=True)
    conflicted = [*lines[:6], "<<<<<<< HEAD\n", lines[6], "=======\n", lines[6], ">>>>>>> other\n"]
    lock.write_text("".join([*conflicted, *lines[7:]]), "utf-8")
    sheet = site / "t.csv"
    sheet.write_text("File,Field,Target language,New translation\n", "utf-8")
    before = {p: p.read_bytes() for p in (site / "data").rglob("*.yml")}
    tail = (
        ". Suunta writes this file: after a merge, keep one side and delete the lines <<<<<<<,"
        " ======= and >>>>>>>; or write it anew with `suunta translations --accept`, which"
        " records every translation as it is now as up to date.\n"
    )
    for command in ([], ["--import", str(sheet)]):
        assert run(site, *command) == 2
        assert capsys.readouterr().err == (
            "suunta: data/translations.lock.yml, line 7: git left a merge conflict here"
            " (the lines <<<<<<<, ======= and >>>>>>>)" + tail
        )
    lock.write_text(
        "".join([*lines[:6], "  'measures[x].title': {sv: [abc\n", *lines[6:]]), "utf-8"
    )
    assert run(site) == 2
    assert capsys.readouterr().err.startswith(  # the line where the bracket opens
        "suunta: data/translations.lock.yml, line 7: the file is not valid YAML"
    )
    assert {p: p.read_bytes() for p in (site / "data").rglob("*.yml") if p != lock} == {
        p: b for p, b in before.items() if p != lock
    }
    assert run(site, "--accept") == 0 and run(site) == 0  # the way out the message names
