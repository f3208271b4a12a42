"""Action plans built the way editors keep them (seeds/README.md), for the import's tests:
goal headings in one sheet, a goal continued on a second page, misspelt half-year headers,
merged cells, text in half-year cells, legend words as written, and the same plan as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook
from openpyxl.styles import PatternFill
from suunta.cli_texts import choose_language

BLUE, ORANGE, GREEN, GREY, PINK = "9BC2E6", "F4B084", "A9D08E", "D9D9D9", "FF00FF"
HEADER = [
    "Toimenpiteen kuvaus",
    "Vastuuhenkilö/taho",
    "Hallintokunta",
    "Kevät 2025",
    "Syky 2025",
    "Kevät 2026",
    "Syysy 2026",
    "Kevät 2027",
    "Syksy 2027",
    "Mahd. lisätietoa",
]
LONG = (
    "Kyberturvallisuuden vähimmäisvaatimukset lisätään kaikkiin seudun ICT-hankintoihin. "
    "Vaatimukset laaditaan yhdessä kuntien kanssa, ja niiden toteutumista seurataan "
    "vuosittain tietohallinnon seudullisessa johtoryhmässä."
)


@pytest.fixture(autouse=True)  # imported by the import tests
def english_messages(monkeypatch: pytest.MonkeyPatch):
    """Messages in English whatever the site's language (SUUNTA_LANG wins over the site's)."""
    monkeypatch.setenv("SUUNTA_LANG", "en")
    choose_language("en")
    yield
    choose_language("en")


def fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor=colour)


def real_plan(path: Path) -> Path:
    """Two goals as headings in one sheet, the first continued on a second page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Toimeenpano"
    rows: list[list[object]] = [
        ["Seudun ICT-strategian toimeenpanosuunnitelma 2025–2027"],  # 1 unplaced
        ["Tavoite 1: Hyvin toimiva ja kyberturvallinen ICT-perusta"],  # 2 heading
        HEADER,  # 3
        ["Perustietotekniikka"],  # 4 theme (merged)
        [
            "Työasemapalvelujen kilpailutus",
            "Tietohallinto; Hankintapalvelut",
            "Konsernihallinto",
            None,
            None,
            None,
            None,
            None,
            None,
            "Yhteishankinta",
        ],  # 5
        [
            "Tulostuspalvelujen yhtenäistäminen",
            "Tietohallinto",
            None,
            None,
            "selvitys alkaa",
            None,
            "pilotti",
        ],  # 6 text, no fill
        [
            "Esitystekniikan uusiminen",
            None,
            "Sivistyspalvelut",
            None,
            None,
            "käyttöönotto kunnissa",
        ],  # 7 merged F:H
        [],  # 8
        ["Tavoite 1: Hyvin toimiva ja kyberturvallinen ICT-perusta (jatkuu)"],  # 9 repeated
        HEADER,  # 10 repeated
        ["Tietoliikenteen kilpailutus", "Tietohallinto"],  # 11 same theme
        ["Tietoturva"],  # 12 theme
        [LONG, "Tietoturvapäällikkö", "Konsernihallinto"],  # 13 long text
        [],
        ["Tavoite 2: Sujuva arki asukkaille ja työntekijöille"],  # 15 heading
        HEADER[:4] + ["Syksy 2025"] + HEADER[5:],  # 16
        ["Varhaiskasvatus"],  # 17 theme
        [
            "eVakan käyttöönotto",
            "eVaka-ohjausryhmä",
            "Sivistyspalvelut",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            "Kustannukset selvitetään",
        ],  # 18, K unplaced
        [],
        ["Selite:"],  # 20
        ["selvittely,"],
        ["käyttöön-otto"],
        ["jatkuva toiminta."],
        ["valmis"],  # 21-24
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:J2")
    sheet.merge_cells("A4:J4")
    sheet.merge_cells("F7:H7")
    colours = {
        "D5": BLUE,
        "E5": ORANGE,
        "F5": ORANGE,
        "G5": ORANGE,
        "H5": GREEN,
        "I5": GREEN,
        "F7": ORANGE,
        "I11": GREEN,
        "D13": PINK,
        "E13": BLUE,
        "D18": BLUE,
        "E18": ORANGE,
        "F18": ORANGE,
        "G18": GREEN,
        "A21": BLUE,
        "A22": ORANGE,
        "A23": GREEN,
        "A24": GREY,
    }
    for ref, colour in colours.items():
        sheet[ref].fill = fill(colour)
    target = path / "toimeenpano.xlsx"
    book.save(target)
    return target


TEXT_PLAN = [
    ["Tavoite 1: Hyvin toimiva ICT-perusta"],
    [
        "Toimenpiteen kuvaus",
        "Vastuuhenkilö/taho",
        "Hallintokunta",
        "KEVÄT 2025",
        "syksy2025",
        "K 2026",
        "Mahd. lisätietoa",
    ],
    ["Perustietotekniikka"],
    [
        "Työasemapalvelujen kilpailutus",
        "Tietohallinto",
        "Konsernihallinto",
        "selvitys",
        "käyttöönotto",
        "käyttöönotto",
        "Yhteishankinta",
    ],
    ["Tulostuspalvelut", "", "Sivistyspalvelut", "x", "", "pilotti", ""],
]


def text_plan(path: Path, delimiter: str, encoding: str) -> Path:
    """The plan as text; delimiter "sep=;" also writes Excel's line naming the separator."""
    lines = [delimiter[-1:].join(cells) for cells in TEXT_PLAN]
    if delimiter.startswith("sep="):
        lines.insert(0, delimiter)
    suffix = ".tsv" if delimiter == "\t" else ".csv"
    target = path / f"plan-{encoding}{suffix}"
    target.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return target


def empty_site(path: Path) -> Path:
    """A new site: settings and the strategy, no goals and no measures yet."""
    (path / "data").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", path / "mkdocs.yml")
    shutil.copy(ROOT / "data" / "strategy.yml", path / "data" / "strategy.yml")
    return path
