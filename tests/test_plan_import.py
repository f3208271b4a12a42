"""`suunta import` and `suunta export-xlsx` (issue 8): plans as editors really keep them import
to exactly the expected data with the expected warnings, every cell is accounted for, the
round trip is stable and every wrong file gets its one line."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook, load_workbook
from plan_sheets import (  # noqa: F401 (english_messages: an autouse fixture)
    BLUE,
    GREEN,
    LONG,
    ORANGE,
    empty_site,
    english_messages,
    real_plan,
    text_plan,
)
from suunta.cli import main as suunta_cli
from suunta.cli_texts import choose_language, load_table
from suunta.loader import load_data
from suunta.plan_import.command import read_plan
from suunta.plan_import.words import half_year, phase_named
from suunta.schema import Phase

LANGUAGES = ["fi", "sv"]


def run(site: Path, *args: str) -> int:
    return suunta_cli([*args, "-f", str(site / "mkdocs.yml")])


def measures_by_id(site: Path) -> dict[str, dict]:
    found = {}
    for file in sorted((site / "data" / "measures").glob("*.yml")):
        for measure in yaml.safe_load(file.read_text("utf-8"))["measures"]:
            found[measure["id"]] = measure
    return found


EXPECTED_GOALS = [
    {
        "id": "hyvin-toimiva-ja-kyberturvallinen-ict",
        "number": 1,
        "title": {"fi": "Hyvin toimiva ja kyberturvallinen ICT-perusta"},
        "themes": [
            {"id": "perustietotekniikka", "title": {"fi": "Perustietotekniikka"}},
            {"id": "tietoturva", "title": {"fi": "Tietoturva"}},
        ],
    },
    {
        "id": "sujuva-arki-asukkaille-ja-tyontekijoille",
        "number": 2,
        "title": {"fi": "Sujuva arki asukkaille ja työntekijöille"},
        "themes": [{"id": "varhaiskasvatus", "title": {"fi": "Varhaiskasvatus"}}],
    },
]
GOAL_1, GOAL_2 = (goal["id"] for goal in EXPECTED_GOALS)
LONG_TITLE = "Kyberturvallisuuden vähimmäisvaatimukset lisätään kaikkiin seudun ICT-hankintoihin"
EXPECTED_MEASURES = {
    "tyoasemapalvelujen-kilpailutus": {
        "id": "tyoasemapalvelujen-kilpailutus",
        "goal": GOAL_1,
        "theme": "perustietotekniikka",
        "title": {"fi": "Työasemapalvelujen kilpailutus"},
        "responsible": ["Tietohallinto", "Hankintapalvelut"],
        "units": [{"fi": "Konsernihallinto"}],
        "schedule": [
            {"period": "2025-spring", "phase": "investigation"},
            {"period": "2025-autumn to 2026-autumn", "phase": "deployment"},
            {"period": "2027-spring to 2027-autumn", "phase": "continuous"},
        ],
        "notes": {"fi": "Yhteishankinta"},
    },
    "tulostuspalvelujen-yhtenaistaminen": {
        "id": "tulostuspalvelujen-yhtenaistaminen",
        "goal": GOAL_1,
        "theme": "perustietotekniikka",
        "title": {"fi": "Tulostuspalvelujen yhtenäistäminen"},
        "responsible": ["Tietohallinto"],
        "schedule": [
            {"period": "2025-autumn", "phase": "investigation", "note": {"fi": "selvitys alkaa"}},
            {"period": "2026-autumn", "note": {"fi": "pilotti"}},
        ],
    },
    "esitystekniikan-uusiminen": {
        "id": "esitystekniikan-uusiminen",
        "goal": GOAL_1,
        "theme": "perustietotekniikka",
        "title": {"fi": "Esitystekniikan uusiminen"},
        "units": [{"fi": "Sivistyspalvelut"}],
        "schedule": [
            {
                "period": "2026-spring to 2027-spring",
                "phase": "deployment",
                "note": {"fi": "käyttöönotto kunnissa"},
            }
        ],
    },
    "tietoliikenteen-kilpailutus": {
        "id": "tietoliikenteen-kilpailutus",
        "goal": GOAL_1,
        "theme": "perustietotekniikka",
        "title": {"fi": "Tietoliikenteen kilpailutus"},
        "responsible": ["Tietohallinto"],
        "schedule": [{"period": "2027-autumn", "phase": "continuous"}],
    },
    "kyberturvallisuuden-vahimmaisvaatimukset-lisataan-kaikkiin": {
        "id": "kyberturvallisuuden-vahimmaisvaatimukset-lisataan-kaikkiin",
        "goal": GOAL_1,
        "theme": "tietoturva",
        "title": {"fi": LONG_TITLE},
        "description": {"fi": LONG},
        "responsible": ["Tietoturvapäällikkö"],
        "units": [{"fi": "Konsernihallinto"}],
        "schedule": [{"period": "2025-autumn", "phase": "investigation"}],
    },
    "evakan-kayttoonotto": {
        "id": "evakan-kayttoonotto",
        "goal": GOAL_2,
        "theme": "varhaiskasvatus",
        "title": {"fi": "eVakan käyttöönotto"},
        "responsible": ["eVaka-ohjausryhmä"],
        "units": [{"fi": "Sivistyspalvelut"}],
        "schedule": [
            {"period": "2025-spring", "phase": "investigation"},
            {"period": "2025-autumn to 2026-spring", "phase": "deployment"},
            {"period": "2026-autumn", "phase": "continuous"},
        ],
    },
}
EXPECTED_WARNINGS = [
    "'Toimeenpano'!E3: the header 'Syky 2025' was read as autumn 2025; correct its spelling in the sheet.",
    "'Toimeenpano'!G3: the header 'Syysy 2026' was read as autumn 2026; correct its spelling in the sheet.",
    "'Toimeenpano'!E10: the header 'Syky 2025' was read as autumn 2025; correct its spelling in the sheet.",
    "'Toimeenpano'!G10: the header 'Syysy 2026' was read as autumn 2026; correct its spelling in the sheet.",
    "'Toimeenpano'!G16: the header 'Syysy 2026' was read as autumn 2026; correct its spelling in the sheet.",
    "'Toimeenpano'!A24: the legend entry 'valmis' names no phase, so its colour was not read; use one of: "
    "selvitys, käyttöönotto, jatkuva toiminta, utredning, införande, löpande verksamhet, ajankohta, tidpunkt.",
    "'Toimeenpano'!D13: the colour FF00FF is not in the legend (the nearest legend colour is F4B084, "
    "'käyttöön-otto' at 'Toimeenpano'!A22); the half-year was left out.",
]


def test_a_real_plan_becomes_goals_themes_and_measures_with_the_expected_warnings(
    tmp_path: Path, capsys
) -> None:
    site = empty_site(tmp_path / "site")
    plan = real_plan(tmp_path)
    assert run(site, "import", str(plan)) == 0
    out = capsys.readouterr()
    assert out.err.splitlines() == [f"Warning: {w}" for w in EXPECTED_WARNINGS]
    goals = yaml.safe_load((site / "data" / "goals.yml").read_text("utf-8"))["goals"]
    assert goals == EXPECTED_GOALS
    assert measures_by_id(site) == EXPECTED_MEASURES
    assert sorted(p.name for p in (site / "data" / "measures").iterdir()) == [
        f"1-{GOAL_1}.yml",
        f"2-{GOAL_2}.yml",
    ]
    data = load_data(site / "data", LANGUAGES)  # what `suunta check` runs: no error
    assert [m.measure.id for m in data.measures] == list(EXPECTED_MEASURES)
    assert all("no translation in sv" in gap.message for gap in data.translation_gaps)
    lines = out.out.splitlines()
    assert lines[0] == (
        "Read 21 rows on 1 sheet(s) of toimeenpano.xlsx: 2 goal(s), 3 theme(s), "
        "6 measure(s), 11 schedule period(s)."
    )
    assert lines[1] == "Measures: 6 new, 0 changed, 0 unchanged; 2 new goal(s)."
    titles = lines.index("Titles taken from a long description (1); check them:")
    assert lines[titles + 1] == f"  'Toimeenpano'!A13: {LONG_TITLE}"
    unplaced = lines.index("Cells with text that were not placed anywhere (2); check them:")
    assert lines[unplaced + 1 : unplaced + 3] == [
        "  'Toimeenpano'!A1: 'Seudun ICT-strategian toimeenpanosuunnitelma 2025–2027'",
        "  'Toimeenpano'!K18: 'Kustannukset selvitetään'",
    ]


def test_the_summary_accounts_for_every_cell_with_text(tmp_path: Path) -> None:
    plan = real_plan(tmp_path)
    imported = read_plan(plan, "fi")
    sheet = load_workbook(plan).active
    written = {
        cell.coordinate for row in sheet.iter_rows() for cell in row if cell.value is not None
    }
    placed = {ref for name, ref in imported.layout.placed if name == "Toimeenpano"}
    unplaced = {cell.ref for _, cell in imported.layout.unplaced()}
    assert placed | unplaced == written
    assert not placed & unplaced
    assert unplaced == {"A1", "K18"}


def test_a_site_with_goals_maps_sheets_by_number_or_by_the_goal_option(
    project: Path, capsys
) -> None:
    book = Workbook()
    numbered = book.active
    numbered.title = "Tavoite 2"
    numbered.append(["Toimenpide", "Kevät 2026", "Syksy 2026"])
    numbered.append(["Sovellusten yhteiskäyttö", None, "x"])
    named = book.create_sheet("Yhteistyö")
    named.append(["Toimenpiteen kuvaus", "Vastuuhenkilö/taho"])
    named.append(["Yhteiset koulutukset", "Henkilöstöpalvelut"])
    book.save(project / "plan.xlsx")
    assert run(project, "import", str(project / "plan.xlsx")) == 1
    err = capsys.readouterr().err
    assert (
        "Error: 'Yhteistyö': the sheet does not say which goal this is (no goal number); name its goal with --goal \"Yhteistyö=goal-id\""
        in err
    )
    assert "nothing was written" in err
    assert (
        run(project, "import", str(project / "plan.xlsx"), "--goal", "Yhteistyö=collaboration") == 0
    )
    measures = measures_by_id(project)
    assert measures["sovellusten-yhteiskaytto"]["goal"] == "applications"
    assert measures["sovellusten-yhteiskaytto"]["schedule"] == [{"period": "2026-autumn"}]
    assert measures["yhteiset-koulutukset"]["goal"] == "collaboration"
    assert measures["yhteiset-koulutukset"]["responsible"] == ["Henkilöstöpalvelut"]
    load_data(project / "data", LANGUAGES)


def test_merging_keeps_comments_other_goals_and_other_languages(project: Path, capsys) -> None:
    measures = project / "data" / "measures" / "2-applications.yml"
    goals_before = (project / "data" / "goals.yml").read_text("utf-8")
    other_files = {
        p: p.read_text("utf-8")
        for p in (project / "data" / "measures").glob("*.yml")
        if p != measures
    }
    book = Workbook()
    sheet = book.active
    sheet.title = "Tavoite 2"
    sheet.append(["Toimenpiteen kuvaus", "Mahd. lisätietoa"])
    sheet.append(["Yhteistyö eVakan kehityksessä ja palvelutuotannossa", "Uusi huomio"])
    book.save(project / "plan.xlsx")
    assert run(project, "import", str(project / "plan.xlsx")) == 0
    err = capsys.readouterr().err
    assert (
        "Warning: goal 'applications': these measures are in data/ but not in the sheet, and were kept: digital-roadmap, "
        in err
    )
    text = measures.read_text("utf-8")
    assert text.startswith("# Measures of goal 2, with the metric and notes the source gives.")
    evaka = measures_by_id(project)["evaka-collaboration"]
    assert evaka["notes"] == {"fi": "Uusi huomio"}
    assert evaka["title"]["sv"] == "Samarbete i utvecklingen och tjänsteproduktionen av eVaka"
    assert "metric" in evaka
    assert (project / "data" / "goals.yml").read_text("utf-8") == goals_before
    assert all(p.read_text("utf-8") == before for p, before in other_files.items())


def test_a_column_between_half_years_that_is_no_half_year_stops_the_import(
    tmp_path: Path, capsys
) -> None:
    site = empty_site(tmp_path / "site")
    book = Workbook()
    book.active.append(["Toimenpide", "Kevät 2025", "Talvi 2025", "Syksy 2025"])
    book.active.append(["Yhteiset koulutukset", None, None, "x"])
    book.save(tmp_path / "plan.xlsx")
    assert run(site, "import", str(tmp_path / "plan.xlsx")) == 1
    err = capsys.readouterr().err
    assert (
        "Error: 'Sheet'!C1: the column 'Talvi 2025' stands between half-year columns but is not a half-year"
        in err
    )
    assert not (site / "data" / "goals.yml").exists()


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [
        (",", "utf-8"),
        (",", "utf-8-sig"),
        (";", "cp1252"),
        ("\t", "utf-8"),
        ("\t", "cp1252"),
        ("sep=;", "cp1252"),
    ],
)
def test_csv_and_tsv_in_every_encoding_import_the_same_data(
    tmp_path: Path, capsys, delimiter: str, encoding: str
) -> None:
    site = empty_site(tmp_path / "site")
    assert run(site, "import", str(text_plan(tmp_path, delimiter, encoding))) == 0
    out = capsys.readouterr()
    assert "Every cell with text was placed." in out.out and out.err == ""
    assert measures_by_id(site) == {
        "tyoasemapalvelujen-kilpailutus": {
            "id": "tyoasemapalvelujen-kilpailutus",
            "goal": "hyvin-toimiva-ict-perusta",
            "theme": "perustietotekniikka",
            "title": {"fi": "Työasemapalvelujen kilpailutus"},
            "responsible": ["Tietohallinto"],
            "units": [{"fi": "Konsernihallinto"}],
            "schedule": [
                {"period": "2025-spring", "phase": "investigation"},
                {"period": "2025-autumn to 2026-spring", "phase": "deployment"},
            ],
            "notes": {"fi": "Yhteishankinta"},
        },
        "tulostuspalvelut": {
            "id": "tulostuspalvelut",
            "goal": "hyvin-toimiva-ict-perusta",
            "theme": "perustietotekniikka",
            "title": {"fi": "Tulostuspalvelut"},
            "units": [{"fi": "Sivistyspalvelut"}],
            "schedule": [
                {"period": "2025-spring"},
                {"period": "2026-spring", "note": {"fi": "pilotti"}},
            ],
        },
    }
    load_data(site / "data", LANGUAGES)


@pytest.mark.parametrize(
    ("header", "period", "misspelt"),
    [
        ("Kevät 2025", "2025-spring", False),
        ("KEVÄT2025", "2025-spring", False),
        ("syksy  2026", "2026-autumn", False),
        ("VT 2026", "2026-spring", False),
        ("HT 2026", "2026-autumn", False),
        ("K 2027", "2027-spring", False),
        ("S -25", "2025-autumn", False),
        ("2025 K", "2025-spring", False),
        ("Hösten 2025", "2025-autumn", False),
        ("vår 2027", "2027-spring", False),
        ("Syky 2025", "2025-autumn", True),
        ("Syysy 2026", "2026-autumn", True),
        ("Kevat 2025", "2025-spring", True),
        ("Hösen 2025", "2025-autumn", True),
    ],
)
def test_half_year_headers_in_any_case_and_spacing(
    header: str, period: str, misspelt: bool
) -> None:
    found = half_year(header)
    assert found is not None and found.key == period
    assert bool(found.misspelt_as) == misspelt


@pytest.mark.parametrize("header", ["Talvi 2025", "Vastuuhenkilö", "2025", "Q1 2025"])
def test_other_headers_are_no_half_years(header: str) -> None:
    assert half_year(header) is None


@pytest.mark.parametrize(
    ("written", "phase"),
    [
        ("selvittely,", Phase.investigation),
        ("selvitys,", Phase.investigation),
        ("käyttöön-otto", Phase.deployment),
        ("Käyttöönotossa", Phase.deployment),
        ("jatkuvaa toimintaa", Phase.continuous),
        ("Utredning.", Phase.investigation),
        ("införandet", Phase.deployment),
        ("Löpande verksamhet", Phase.continuous),
        ("valmis", None),
        ("kilpailutus", None),
    ],
)
def test_legend_words_as_written_name_their_phase(written: str, phase: Phase | None) -> None:
    assert phase_named(written) == phase


def _encrypted_xlsx(tmp_path: Path) -> bytes:
    book = Workbook()
    book.active.append(["Toimenpide", "Kevät 2025"])
    plain = io.BytesIO()
    book.save(plain)
    plain.seek(0)
    locked = io.BytesIO()
    OOXMLFile(plain).encrypt("salasana", locked)
    return locked.getvalue()


def _unknown_layout() -> bytes:
    book = Workbook()
    book.active.append(["Muistiinpanoja kokouksesta"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WRONG_FILES = {
    "empty": ("plan.xlsx", lambda _: b"", "plan.xlsx is empty: there is nothing to import."),
    "blank csv": (
        "plan.csv",
        lambda _: b" \r\n\r\n",
        "plan.csv is empty: there is nothing to import.",
    ),
    "picture": (
        "plan.xlsx",
        lambda _: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "plan.xlsx is not a spreadsheet;",
    ),
    "pdf": (
        "plan.pdf",
        lambda _: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj",
        "plan.pdf is not a spreadsheet;",
    ),
    "password": ("plan.xlsx", _encrypted_xlsx, "plan.xlsx is protected with a password;"),
    "old xls": (
        "plan.xls",
        lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        "plan.xls is an old Excel file (.xls);",
    ),
    "csv named xlsx": (
        "plan.xlsx",
        lambda _: "Toimenpide;Kevät 2025\nA;x\n".encode(),
        "plan.xlsx is a text (CSV) file with the name of an Excel workbook; rename it to plan.csv",
    ),
    "zip": (
        "plan.xlsx",
        lambda _: _zip_of("word/document.xml"),
        "plan.xlsx is not an Excel workbook (it may be a Word",
    ),
    "broken": (
        "plan.xlsx",
        lambda _: _zip_of("xl/workbook.xml"),
        "plan.xlsx is a damaged Excel workbook;",
    ),
    "unknown layout": (
        "plan.xlsx",
        lambda _: _unknown_layout(),
        "plan.xlsx has no header row with a measure column",
    ),
}


def _zip_of(name: str) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "<nothing/>")
    return out.getvalue()


@pytest.mark.parametrize("kind", list(WRONG_FILES))
def test_a_wrong_file_gets_one_plain_line_and_exit_status_2(
    tmp_path: Path, capsys, kind: str
) -> None:
    name, content, message = WRONG_FILES[kind]
    site = empty_site(tmp_path / "site")
    (tmp_path / name).write_bytes(content(tmp_path))
    assert run(site, "import", str(tmp_path / name)) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert len(out.err.splitlines()) == 1, out.err
    assert out.err.startswith(message), out.err
    assert "Traceback" not in out.err
    assert not (site / "data" / "goals.yml").exists()


def _data(site: Path) -> tuple[list, list]:
    data = load_data(site / "data", LANGUAGES)
    return (
        [g.model_dump() for g in data.goals.goals],
        [m.measure.model_dump() for m in data.measures],
    )


def test_spreadsheet_data_spreadsheet_data_is_stable(tmp_path: Path, capsys) -> None:
    first = empty_site(tmp_path / "first")
    assert run(first, "import", str(real_plan(tmp_path))) == 0
    capsys.readouterr()
    exported = tmp_path / "export.xlsx"
    assert run(first, "export-xlsx", str(exported)) == 0
    assert capsys.readouterr().out.startswith(
        f"Wrote {exported}: 2 goal sheet(s) with 6 measure(s), texts in fi."
    )
    second = empty_site(tmp_path / "second")
    assert run(second, "import", str(exported)) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "Every cell with text was placed." in out.out
    assert _data(second) == _data(first)
    # Importing the exported sheet back into the site it came from changes nothing.
    before = {p: p.read_bytes() for p in (first / "data").rglob("*.yml")}
    assert run(first, "import", str(exported)) == 0
    assert "Nothing changed in data/." in capsys.readouterr().out
    assert {p: p.read_bytes() for p in (first / "data").rglob("*.yml")} == before


def test_an_export_that_cannot_be_written_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan open in Excel (here: a folder where the file should go) is named with what to
    do, not a traceback; nothing half-written is left."""
    site = empty_site(tmp_path / "site")
    assert run(site, "import", str(real_plan(tmp_path))) == 0
    blocked = tmp_path / "plan.xlsx"
    blocked.mkdir()
    assert run(site, "export-xlsx", str(blocked)) == 2
    message = capsys.readouterr().err
    assert f"{blocked} cannot be written" in message and "close it in Excel" in message
    assert "Traceback" not in message and blocked.is_dir() and not any(blocked.iterdir())


def test_the_export_has_the_plans_shape_with_colours_legend_and_ids(tmp_path: Path) -> None:
    site = empty_site(tmp_path / "site")
    assert run(site, "import", str(real_plan(tmp_path))) == 0
    assert run(site, "export-xlsx", str(tmp_path / "out.xlsx")) == 0
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["Tavoite 1", "Tavoite 2"]
    sheet = book["Tavoite 1"]
    assert sheet["A1"].value == "Tavoite 1: Hyvin toimiva ja kyberturvallinen ICT-perusta"
    header = [c.value for c in sheet[3]]
    assert header[:6] == [
        "Tunniste",
        "Toimenpiteen kuvaus",
        "Vastuuhenkilö/taho",
        "Hallintokunta",
        "Kevät 2025",
        "Syksy 2025",
    ]
    assert header[-2:] == ["Syksy 2027", "Mahd. lisätietoa"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=4) if row[0].value}
    work = rows["tyoasemapalvelujen-kilpailutus"]
    assert [c.fill.fgColor.rgb[-6:] if c.fill.fill_type else None for c in work[4:10]] == [
        BLUE,
        ORANGE,
        ORANGE,
        ORANGE,
        GREEN,
        GREEN,
    ]
    assert "G{0}:I{0}".format(rows["esitystekniikan-uusiminen"][0].row) in {
        str(r) for r in sheet.merged_cells.ranges
    }
    texts = [c.value for c in sheet["B"]]
    assert texts[texts.index("Selite") :][:5] == [
        "Selite",
        "selvitys",
        "käyttöönotto",
        "jatkuva toiminta",
        "ajankohta",
    ]


def test_ids_stay_when_the_sheet_is_edited(tmp_path: Path) -> None:
    site = empty_site(tmp_path / "site")
    assert run(site, "import", str(real_plan(tmp_path))) == 0
    exported = tmp_path / "edited.xlsx"
    assert run(site, "export-xlsx", str(exported)) == 0
    book = load_workbook(exported)
    sheet = book["Tavoite 1"]
    for row in sheet.iter_rows(min_row=4):
        if row[0].value == "tietoliikenteen-kilpailutus":
            row[1].value = "Tietoliikennepalvelujen kilpailutus ja käyttöönotto"
    book.save(exported)
    assert run(site, "import", str(exported)) == 0
    measures = measures_by_id(site)
    assert measures["tietoliikenteen-kilpailutus"]["title"] == {
        "fi": "Tietoliikennepalvelujen kilpailutus ja käyttöönotto"
    }
    assert sorted(measures) == sorted(EXPECTED_MEASURES)


def test_without_an_id_column_measures_are_found_again_by_title(tmp_path: Path, capsys) -> None:
    site = empty_site(tmp_path / "site")
    plan = real_plan(tmp_path)
    assert run(site, "import", str(plan)) == 0
    capsys.readouterr()
    book = load_workbook(plan)
    sheet = book.active
    sheet["J5"] = "Yhteishankinta 2026"
    book.save(plan)
    assert run(site, "import", str(plan)) == 0
    assert "Measures: 0 new, 1 changed, 5 unchanged; 0 new goal(s)." in capsys.readouterr().out
    measures = measures_by_id(site)
    assert sorted(measures) == sorted(EXPECTED_MEASURES)
    assert measures["tyoasemapalvelujen-kilpailutus"]["notes"] == {"fi": "Yhteishankinta 2026"}


def test_messages_exist_in_finnish_and_swedish_with_the_same_values() -> None:
    def keys(table: dict, prefix: str = "") -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                found |= keys(value, f"{prefix}{key}.")
            else:
                found[f"{prefix}{key}"] = set(re.findall(r"{(\w+)}", value))
        return found

    english = {
        k: v for k, v in keys(load_table("en")).items() if k.startswith(("import.", "export."))
    }
    assert len(english) > 30
    for language in ("fi", "sv"):
        translated = keys(load_table(language))
        assert {k: translated.get(k) for k in english} == english
    choose_language("fi")
    assert read_plan_warning_in_finnish().startswith(
        "'Toimeenpano'!E3: otsikko 'Syky 2025' luettiin ajankohdaksi syksy 2025"
    )


def read_plan_warning_in_finnish() -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return read_plan(real_plan(Path(folder)), "fi").findings[0].text()


def test_a_new_starter_site_takes_the_plan(tmp_path: Path, capsys) -> None:
    import datetime as dt

    from suunta.new_site import NewSite, create_site

    site = tmp_path / "site"
    create_site(NewSite(site, ("fi", "sv"), "FI", dt.date(2025, 1, 7)))
    starter_goal = yaml.safe_load((site / "data" / "goals.yml").read_text("utf-8"))["goals"][0]
    assert run(site, "import", str(real_plan(tmp_path))) == 0
    err = capsys.readouterr().err
    assert (
        "Warning: 'Toimeenpano'!A15: data/goals.yml has no goal 2, so it was added as a new goal;"
    ) in err
    goals = yaml.safe_load((site / "data" / "goals.yml").read_text("utf-8"))["goals"]
    assert [g["id"] for g in goals] == [starter_goal["id"], GOAL_2]
    assert goals[0]["title"]["fi"] == "Hyvin toimiva ja kyberturvallinen ICT-perusta"
    assert goals[0]["title"]["sv"] == starter_goal["title"]["sv"]
    assert [t["id"] for t in goals[0]["themes"]] == ["perustietotekniikka", "tietoturva"]
    data = load_data(site / "data", LANGUAGES)
    assert len(data.measures) == 1 + len(EXPECTED_MEASURES)


@pytest.mark.parametrize(
    ("site", "language"), [(".", "fi"), ("examples/aanekoski", "fi"), ("examples/dalsland", "sv")]
)
def test_the_demo_and_examples_go_to_a_sheet_and_back_unchanged(
    tmp_path: Path, capsys, site: str, language: str
) -> None:
    import shutil

    from conftest import ROOT

    copy = tmp_path / "site"
    shutil.copytree(ROOT / site / "data", copy / "data")
    shutil.copy(ROOT / site / "mkdocs.yml", copy / "mkdocs.yml")
    before = {p: p.read_bytes() for p in (copy / "data").rglob("*.yml")}
    assert run(copy, "export-xlsx", str(tmp_path / "plan.xlsx"), "--language", language) == 0
    assert run(copy, "import", str(tmp_path / "plan.xlsx"), "--language", language) == 0
    out = capsys.readouterr()
    assert "Nothing changed in data/." in out.out and "Every cell with text was placed." in out.out
    assert out.err == ""
    assert {p: p.read_bytes() for p in (copy / "data").rglob("*.yml")} == before


def test_a_two_row_header_and_a_legend_on_its_own_sheet(tmp_path: Path, capsys) -> None:
    from plan_sheets import fill

    site = empty_site(tmp_path / "site")
    book = Workbook()
    sheet = book.active
    sheet.title = "Tavoite 1"
    sheet.append([None, "2025", None, "2026", None])
    sheet.append(["Toimenpide", "K", "S", "K", "S"])
    sheet.append(["Yhteiset koulutukset", None, None, None, None])
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("D1:E1")
    for ref, colour in {"B3": BLUE, "C3": ORANGE, "D3": ORANGE, "E3": GREEN}.items():
        sheet[ref].fill = fill(colour)
    legend = book.create_sheet("Selite")
    legend.append(["Värien selitys"])
    for colour, word in ((BLUE, "Selvitys"), (ORANGE, "Käyttöönotto"), (GREEN, "Jatkuva toiminta")):
        legend.append([None, word])
        legend.cell(legend.max_row, 1).fill = fill(colour)
    book.save(tmp_path / "plan.xlsx")
    assert run(site, "import", str(tmp_path / "plan.xlsx")) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "Every cell with text was placed." in out.out
    [measure] = measures_by_id(site).values()
    assert measure["schedule"] == [
        {"period": "2025-spring", "phase": "investigation"},
        {"period": "2025-autumn to 2026-spring", "phase": "deployment"},
        {"period": "2026-autumn", "phase": "continuous"},
    ]
    goals = yaml.safe_load((site / "data" / "goals.yml").read_text("utf-8"))["goals"]
    assert [(g["id"], g["number"], g["title"]) for g in goals] == [
        ("tavoite-1", 1, {"fi": "Tavoite 1"})
    ]
    assert run(site, "check") == 0


def test_a_swedish_plan_goes_into_the_swedish_texts_and_back(tmp_path: Path, capsys) -> None:
    site = empty_site(tmp_path / "site")
    rows = [
        ["Mål 1: En välfungerande IKT-grund"],
        ["Åtgärd", "Ansvarig", "Sektor", "VT 2025", "HT 2025", "Vår 2026", "Mer information"],
        [
            "Gemensamma utbildningar",
            "IT-chefen",
            "Bildningssektorn",
            "utredning",
            "införande",
            "x",
            "Årligen",
        ],
    ]
    plan = tmp_path / "plan.tsv"
    plan.write_bytes(
        "\r\n".join("\t".join(r) for r in rows).encode("utf-16")
    )  # Excel's "Unicode text"
    assert run(site, "import", str(plan), "--language", "sv") == 0
    [measure] = measures_by_id(site).values()
    assert measure == {
        "id": "gemensamma-utbildningar",
        "goal": "en-valfungerande-ikt-grund",
        "title": {"sv": "Gemensamma utbildningar"},
        "responsible": ["IT-chefen"],
        "units": [{"sv": "Bildningssektorn"}],
        "schedule": [
            {"period": "2025-spring", "phase": "investigation"},
            {"period": "2025-autumn", "phase": "deployment"},
            {"period": "2026-spring"},
        ],
        "notes": {"sv": "Årligen"},
    }
    assert run(site, "export-xlsx", str(tmp_path / "plan.xlsx"), "--language", "sv") == 0
    sheet = load_workbook(tmp_path / "plan.xlsx")["Mål 1"]
    assert sheet["A1"].value == "Mål 1: En välfungerande IKT-grund"
    assert [c.value for c in sheet[3]][:5] == [
        "Identifierare",
        "Beskrivning av åtgärden",
        "Ansvarig",
        "Sektor",
        "Våren 2025",
    ]
    assert run(site, "export-xlsx", "--language", "en") == 2
    assert capsys.readouterr().err.endswith(
        "the plan cannot be written in 'en'; choose one of: fi, sv (--language).\n"
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Yhteiset koulutukset", "Yhteiset koulutukset"),
        (
            LONG,
            "Kyberturvallisuuden vähimmäisvaatimukset lisätään kaikkiin seudun ICT-hankintoihin",
        ),
        (
            "Selvitetään mm. Efecte-järjestelmän käyttö seudulla ja laaditaan suunnitelma. " * 3,
            "Selvitetään mm. Efecte-järjestelmän käyttö seudulla ja laaditaan suunnitelma",
        ),
        ("sana " * 40, "sana " * 19 + "sana…"),  # no sentence: whole words, at most 100 characters
    ],
)
def test_a_long_description_is_titled_by_its_first_sentence_or_shortened(
    text: str, title: str
) -> None:
    from suunta.plan_import.titles import title_and_description

    made, description = title_and_description(text.strip())
    assert made == title.strip()
    assert description == (None if text == title else text.strip())


def test_a_missing_file_or_none_gets_one_line_and_exit_status_2(tmp_path: Path, capsys) -> None:
    site = empty_site(tmp_path / "site")
    assert run(site, "import", str(tmp_path / "nothing.xlsx")) == 2
    assert (
        capsys.readouterr().err
        == f"suunta: there is no file {tmp_path / 'nothing.xlsx'}; give the plan to import, such as: suunta import plan.xlsx\n"
    )
    assert run(site, "import") == 2
    assert (
        capsys.readouterr().err
        == "suunta: give the plan to import, such as: suunta import plan.xlsx\n"
    )


def test_a_mark_under_a_blank_header_between_half_years_stops_the_import(
    tmp_path: Path, capsys
) -> None:
    from plan_sheets import fill

    site = empty_site(tmp_path / "site")
    book = Workbook()
    book.active.append(["Toimenpide", "Kevät 2025", None, "Kevät 2026"])
    book.active.append(["Yhteiset koulutukset"])
    book.active.append(["selvitys"])
    for ref in ("B2", "C2", "D2", "A3"):
        book.active[ref].fill = fill(BLUE)
    book.save(tmp_path / "plan.xlsx")
    assert run(site, "import", str(tmp_path / "plan.xlsx")) == 1
    assert (
        "Error: 'Sheet'!C1: the column between half-year columns has no header, but 'Sheet'!C2 is marked;"
        in capsys.readouterr().err
    )
