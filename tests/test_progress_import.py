"""`suunta import-progress`: a sheet of dated updates added to many measures, nothing else."""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import Workbook
from suunta.cli import main as suunta_cli
from suunta.loader import load_data

MEASURES = Path("data") / "measures"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def texts(site: Path) -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((site / MEASURES).glob("*.yml"))}


def added_lines(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`; fails when any line was changed or removed."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    assert not [line for line in diff if line.startswith("- ")], "a line was changed or removed"
    return [line[2:] for line in diff if line.startswith("+ ")]


def workbook(path: Path, rows: list[list[object]], title: str = "Edistyminen") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def run(site: Path, sheet: Path, *extra: str) -> int:
    return suunta_cli(["import-progress", str(sheet), "-f", str(site / "mkdocs.yml"), *extra])


def test_a_sheet_adds_dated_updates_to_many_measures_and_changes_nothing_else(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = texts(site)
    sheet = workbook(
        site / "progress.xlsx",
        [
            ["Tunnus", "Päivämäärä", "Tila", "Teksti_fi", "Text (sv)"],
            [
                "printing-service",
                dt.datetime(2026, 11, 30),
                "valmis",
                "Seuranta jatkuu.",
                "Uppföljningen fortsätter.",
            ],
            [
                "data-communications",
                "15.6.2026",
                "käynnissä",
                "Ohjausryhmä perustettiin: kokous 1",
                None,
            ],
            [None, None, None, None, None],
            ["it-service-management", "2025-06-01", "delayed", None, None],
        ],
    )
    assert run(site, sheet) == 0
    after = texts(site)
    assert after["2-applications.yml"] == before["2-applications.yml"]
    assert after["3-collaboration.yml"] == before["3-collaboration.yml"]
    added = added_lines(before["1-ict-foundation.yml"], after["1-ict-foundation.yml"])
    assert added == [
        "      - {date: 2025-06-01, status: delayed}",
        "    progress:",
        "      - {date: 2026-06-15, status: in_progress, text: {fi: 'Ohjausryhmä perustettiin: kokous 1'}}",
        "      - {date: 2026-11-30, status: completed, text: {fi: Seuranta jatkuu., sv: Uppföljningen fortsätter.}}",
    ]
    data = load_data(site / "data", ["fi", "sv"])
    by_id = {item.measure.id: item.measure for item in data.measures}
    # In date order: the June 2025 update sits between the updates of 2024 and December 2025.
    assert [u.date.isoformat() for u in by_id["it-service-management"].progress] == [
        "2024-12-15",
        "2025-06-01",
        "2025-12-15",
    ]
    assert by_id["data-communications"].progress[0].text.texts == {
        "fi": "Ohjausryhmä perustettiin: kokous 1"
    }
    assert by_id["printing-service"].progress[-1].status.value == "completed"
    out = capsys.readouterr().out
    assert "Added 3 progress update(s); 0 were already in the data." in out


def test_running_the_same_sheet_again_adds_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = site / "progress.csv"
    sheet.write_text(
        "id;date;status;text_fi;text_sv\nprinting-service;2026-11-30;completed;Valmis.;Klar.\n",
        "utf-8-sig",
    )
    assert run(site, sheet) == 0
    once = texts(site)
    assert run(site, sheet) == 0
    assert texts(site) == once
    assert "Added 0 progress update(s); 1 were already in the data." in capsys.readouterr().out


def test_a_tab_separated_export_in_swedish_is_read(site: Path) -> None:
    sheet = site / "läge.tsv"
    sheet.write_bytes(
        "Åtgärd\tDatum\tLäge\tText_sv\nprinting-service\t2026-10-01\tpågår\tFörsenad leverans\n".encode(
            "cp1252"
        )
    )
    assert run(site, sheet) == 0
    data = load_data(site / "data", ["fi", "sv"])
    [printing] = [i.measure for i in data.measures if i.measure.id == "printing-service"]
    assert printing.progress[-1].text.texts == {"sv": "Försenad leverans"}
    assert printing.progress[-1].status.value == "in_progress"


def test_every_bad_cell_is_named_and_nothing_is_written(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = texts(site)
    sheet = workbook(
        site / "progress.xlsx",
        [
            ["id", "date", "status", "text_fi"],
            [
                "printing-service",
                "2026-11-30",
                "completed",
                "Hyvä.",
            ],  # a good row is not written either
            ["printing-servce", "2026-11-30", "completed", None],
            ["printing-service", "2026-02-30", "completed", None],
            ["printing-service", "2026-12-01", "almost", None],
        ],
    )
    assert run(site, sheet) == 1
    assert texts(site) == before
    err = capsys.readouterr().err
    assert "The progress sheet has 3 problem(s); nothing was written." in err
    assert (
        "sheet 'Edistyminen', cell A3: there is no measure with the id 'printing-servce'; did you mean 'printing-service'?"
        in err
    )
    assert "sheet 'Edistyminen', cell B4: 2026-02-30 is not a date" in err
    assert (
        "sheet 'Edistyminen', cell C5: almost is not a status; use one of: not_started, in_progress"
        in err
    )


def test_an_unknown_column_and_another_update_on_the_same_date_are_refused(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = texts(site)
    sheet = workbook(
        site / "p.xlsx", [["id", "date", "status", "kommentti"], ["x", "2026-01-01", "valmis", "?"]]
    )
    assert run(site, sheet) == 1
    assert (
        "sheet 'Edistyminen', cell D1: the column 'kommentti' is not known."
        in capsys.readouterr().err
    )
    # printing-service already has an update dated 2025-06-30 (completed, with a text).
    sheet = workbook(
        site / "q.xlsx", [["id", "date", "status"], ["printing-service", "2025-06-30", "delayed"]]
    )
    assert run(site, sheet) == 1
    assert (
        "sheet 'Edistyminen', row 2: the measure 'printing-service' already has another update dated 2025-06-30"
        in capsys.readouterr().err
    )
    assert texts(site) == before


def test_a_file_that_is_no_sheet_gets_one_line_and_status_2(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = site / "p.xlsx"
    fake.write_text("not a workbook", "utf-8")
    assert run(site, fake) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "p.xlsx is not an Excel workbook (.xlsx)" in err


def test_the_messages_follow_the_chosen_language(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = workbook(
        site / "p.xlsx", [["tunnus", "pvm", "tila"], ["printing-service", "huomenna", "valmis"]]
    )
    assert run(site, sheet, "--lang", "fi") == 1
    assert "taulukko 'Edistyminen', solu B2: huomenna ei ole päivämäärä" in capsys.readouterr().err


def test_every_data_file_is_written_back_exactly_as_it_was_read() -> None:
    """What the import and the translations rely on: an unchanged file saves byte for byte."""
    from suunta import yaml_roundtrip

    files = sorted(ROOT.glob("data/**/*.yml")) + sorted(ROOT.glob("examples/*/data/**/*.yml"))
    assert len(files) > 20
    changed = [
        f for f in files if yaml_roundtrip.dumps(yaml_roundtrip.load(f)) != f.read_text("utf-8")
    ]
    assert changed == []


@pytest.mark.parametrize("name, content", [("empty.csv", b""), ("blank.tsv", b"\n\t\n")])
def test_an_empty_sheet_gets_one_line_and_status_2(
    site: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes
) -> None:
    (site / name).write_bytes(content)
    assert run(site, site / name) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{name}: the file has no rows" in err


def test_a_file_that_cannot_be_written_is_one_line_not_a_traceback(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = site / "no-such-folder" / "t.xlsx"
    code = suunta_cli(["translations", "--export", str(missing), "-f", str(site / "mkdocs.yml")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot read or write {missing}" in err


def test_a_file_with_windows_line_endings_keeps_them(site: Path) -> None:
    file = site / MEASURES / "2-applications.yml"
    original = file.read_bytes().replace(b"\n", b"\r\n")
    file.write_bytes(original)
    sheet = site / "p.csv"
    first_id = load_data(site / "data", ["fi", "sv"]).measures
    measure = next(m.measure.id for m in first_id if m.source.file.name == "2-applications.yml")
    sheet.write_text(f"id,date,status\n{measure},2026-11-30,completed\n", "utf-8")
    assert run(site, sheet) == 0
    after = file.read_bytes()
    assert after.count(b"\r\n") == original.count(b"\r\n") + 1
    assert b"\n" not in after.replace(b"\r\n", b"")


def test_a_workbook_that_records_its_size_wrong_is_read_whole(tmp_path: Path) -> None:
    """Some programs write a sheet's size (`<dimension ref=…>`) wrong; a read-only sheet
    would then read the first column only, and the columns would be reported missing."""
    import re
    import zipfile

    from suunta.table_file import read_tables

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["id", "date", "status"], ["te-reform", "2026-05-31", "done"]):
        sheet.append(row)
    right = tmp_path / "right.xlsx"
    book.save(right)
    wrong = tmp_path / "wrong.xlsx"
    with zipfile.ZipFile(right) as source, zipfile.ZipFile(wrong, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', data)
                assert count == 1
            target.writestr(item, data)
    (table,) = read_tables(wrong)
    assert table.rows == [["id", "date", "status"], ["te-reform", "2026-05-31", "done"]]


@pytest.mark.parametrize(
    "command, header, prefix",
    [
        (["import-progress"], "id,date,status,text_fi", "suunta: "),
        (["translations", "--import"], "File,Field,Target language,New translation", "suunta: "),
        (["import"], "Toimenpiteen kuvaus,Vastuuhenkilö/taho", ""),
    ],
    ids=["progress", "translations", "plan"],
)
@pytest.mark.parametrize("after", [8000, 2], ids=["past-the-field-limit", "a-few-rows"])
def test_a_quote_never_closed_is_named_by_its_row_in_every_importer(
    site: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    header: str,
    prefix: str,
    after: int,
) -> None:
    # The quote on row 3 swallows the rest of the file: past the csv module's field limit it
    # refuses it; below it, the rows after would quietly be one cell.
    rows = [header, "open-data,2026-05-31,completed,Valmis", 'printing-service,"Kesken,x']
    sheet = site / "p.csv"
    sheet.write_text("\n".join(rows + ["evaka-deployment,2026-05-31,valmis,x"] * after), "utf-8")
    before = {p: p.read_bytes() for p in (site / "data").rglob("*.yml")}
    config = ["-f", str(site / "mkdocs.yml")]
    assert suunta_cli([*command, str(sheet), *config]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"{prefix}p.csv, row 3 (line 3 in a text editor): a cell that starts on this row never"
        ' ends; usually a quote (") opens it and is not closed, so the rest of the file would be'
        " one cell. Close the quote or remove it, save the file and try again.\n"
    )
    assert {p: p.read_bytes() for p in (site / "data").rglob("*.yml")} == before


def test_a_workbook_saved_under_a_csv_name_is_read_as_a_workbook(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = workbook(
        site / "p.xlsx", [["id", "date", "status"], ["printing-service", "30.11.2026", "valmis"]]
    )
    renamed = sheet.rename(site / "p.csv")
    assert run(site, renamed) == 0
    assert "Added 1 progress update(s); 0 were already in the data." in capsys.readouterr().out


QUOTED_DATES = (
    '      - {date: "2024-06-30", status: in_progress}\n'
    '      - {date: "2025-06-30", status: completed, text: {fi: Seudullinen tulostuspalvelu '
    "otettiin käyttöön., sv: Den regionala utskriftstjänsten togs i bruk.}}\n"
)


def test_updates_whose_dates_are_quoted_are_dates_too(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = site / MEASURES / "1-ict-foundation.yml"
    text = file.read_text("utf-8")
    plain = QUOTED_DATES.replace('"', "")
    assert plain in text
    file.write_text(text.replace(plain, QUOTED_DATES), "utf-8")  # `suunta check` accepts it
    sheet = site / "progress.csv"
    sheet.write_text(
        "id;date;status;text_fi;text_sv\n"
        "printing-service;2025-01-15;in_progress;;\n"
        "printing-service;2025-06-30;completed;Seudullinen tulostuspalvelu otettiin käyttöön.;"
        "Den regionala utskriftstjänsten togs i bruk.\n",
        "utf-8",
    )
    assert run(site, sheet) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "Added 1 progress update(s); 1 were already in the data." in out.out
    first, second = QUOTED_DATES.splitlines(keepends=True)
    new = "      - {date: 2025-01-15, status: in_progress}\n"
    assert first + new + second in file.read_text("utf-8")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            b"measures:\n  - id: x\n    title: [\n",
            "data/measures/4-broken.yml, line 4: the file is not valid YAML",
        ),
        (
            b"measures:\n  - id: x\n    id: y\n",
            "data/measures/4-broken.yml, line 3: the field 'id' is written twice here",
        ),
        (
            "measures:\n  - id: x\n    title: {fi: Päätös}\n".encode("cp1252"),
            "data/measures/4-broken.yml, line 3: the file is not saved as UTF-8",
        ),
        (b"- id: x\n", "data/measures/4-broken.yml, line 1: expected fields"),
    ],
    ids=["syntax-error", "duplicate-key", "cp1252", "top-level-list"],
)
def test_a_broken_measure_file_is_named_and_nothing_is_written(
    site: Path, capsys: pytest.CaptureFixture[str], content: bytes, problem: str
) -> None:
    (site / MEASURES / "4-broken.yml").write_bytes(content)
    before = {p: p.read_bytes() for p in (site / MEASURES).glob("*.yml")}
    sheet = site / "progress.csv"
    sheet.write_text("id,date,status\nprinting-service,2026-11-30,completed\n", "utf-8")
    assert run(site, sheet) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"  - {problem}" in err, err
    assert err.splitlines()[-1] == (
        "The progress updates were not imported and nothing was written: first correct the "
        "problems in data/ listed above (`suunta check` lists them too), then import again."
    )
    assert {p: p.read_bytes() for p in (site / MEASURES).glob("*.yml")} == before


def test_when_one_file_cannot_be_written_no_file_changes(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = texts(site)
    sheet = site / "p.csv"
    sheet.write_text(
        "id,date,status\nprinting-service,2026-11-30,completed\ndigital-roadmap,2026-11-30,completed\n",
        "utf-8",
    )
    open_file = Path.open

    def failing_open(self: Path, mode: str = "r", *args, **kwargs):
        if "w" in mode and "2-applications.yml" in self.name:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return open_file(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    assert run(site, sheet) == 2
    assert texts(site) == before
    assert "2-applications.yml (No space left on device)" in capsys.readouterr().err
    assert not [p for p in (site / MEASURES).iterdir() if p.name.endswith(".suunta-new")]
