"""`suunta import` into a site that already has data: it merges only into data `suunta check`
accepts, keeps what the sheet does not hold, and writes every file or none."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from plan_sheets import english_messages  # noqa: F401 (an autouse fixture)
from suunta.cli import main as suunta_cli
from suunta.new_site import NewSite, create_site


def run(site: Path, *args: str) -> int:
    return suunta_cli([*args, "-f", str(site / "mkdocs.yml")])


def data_files(site: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((site / "data").rglob("*.yml"))}


@pytest.fixture
def starter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A site as `suunta new` makes it, with its plan exported to `plan.xlsx` beside it."""
    site = tmp_path / "site"
    create_site(NewSite(site, ("fi", "sv"), "FI", dt.date(2025, 1, 7)))
    assert run(site, "export-xlsx", str(site / "plan.xlsx")) == 0
    capsys.readouterr()
    return site


NOT_IMPORTED = (
    "The plan was not imported and nothing was written: first correct the problems in data/ "
    "listed above (`suunta check` lists them too), then import again."
)


def test_a_goal_number_written_as_text_is_the_same_goal(
    starter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    goals = starter / "data" / "goals.yml"
    goals.write_text(goals.read_text("utf-8").replace("number: 1", 'number: "1"'), "utf-8")
    before = data_files(starter)
    assert run(starter, "import", str(starter / "plan.xlsx")) == 0
    out = capsys.readouterr()
    assert out.err == ""
    assert "Nothing changed in data/." in out.out
    assert data_files(starter) == before


@pytest.mark.parametrize(
    ("break_data", "problem"),
    [
        (
            lambda data: _replace(data / "goals.yml", "\ngoals:", "\nGoals:"),
            "  - data/goals.yml, line 3, field 'Goals': unknown field 'Goals'; check its "
            "spelling (allowed fields here: goals)",
        ),
        (
            lambda data: (data / "measures" / "2.yml").write_bytes(
                (data / "measures" / "1.yml").read_bytes()
            ),
            "  - data/measures/2.yml, line 5, field 'measures[1].id': the measure id "
            "'verkkoasiointi' is already used in data/measures/1.yml, line 5;",
        ),
    ],
    ids=["misspelt-goals-key", "measure-id-in-two-files"],
)
def test_data_that_check_refuses_is_named_and_nothing_is_merged_into_it(
    starter: Path, capsys: pytest.CaptureFixture[str], break_data, problem: str
) -> None:
    break_data(starter / "data")
    before = data_files(starter)
    assert run(starter, "import", str(starter / "plan.xlsx")) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith(problem) for line in err), err
    assert err[-1] == NOT_IMPORTED
    assert data_files(starter) == before


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert old in text
    file.write_text(text.replace(old, new), "utf-8")


def _edit_cells(plan: Path, **cells: str) -> None:
    book = load_workbook(plan)
    for cell, value in cells.items():
        book.active[cell] = value
    book.save(plan)


def _starter_measure(site: Path) -> dict:
    return yaml.safe_load((site / "data" / "measures" / "1.yml").read_text("utf-8"))["measures"][0]


def test_a_unit_added_to_the_cell_keeps_the_swedish_names_of_the_units_there(
    starter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _starter_measure(starter)["units"] == [
        {"fi": "Tietohallinto", "sv": "Informationsförvaltningen"}
    ]
    _edit_cells(starter / "plan.xlsx", E4="Talous, Tietohallinto")
    assert run(starter, "import", str(starter / "plan.xlsx")) == 0
    assert capsys.readouterr().err == ""
    assert _starter_measure(starter)["units"] == [
        {"fi": "Talous"},
        {"fi": "Tietohallinto", "sv": "Informationsförvaltningen"},
    ]


def test_a_name_added_to_the_responsible_cell_keeps_the_names_written_per_language(
    starter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = starter / "data" / "measures" / "1.yml"
    text = file.read_text("utf-8")
    file.write_text(
        text.replace(
            "    units:\n", "    responsible: [{fi: Kirjaamo, sv: Registratorn}]\n    units:\n"
        ),
        "utf-8",
    )
    _edit_cells(starter / "plan.xlsx", D4="Tietohallinto, Kirjaamo")
    assert run(starter, "import", str(starter / "plan.xlsx")) == 0
    assert capsys.readouterr().err == ""
    assert _starter_measure(starter)["responsible"] == [
        "Tietohallinto",
        {"fi": "Kirjaamo", "sv": "Registratorn"},
    ]


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_named_and_not_imported(
    starter: Path, capsys: pytest.CaptureFixture[str], state: str
) -> None:
    book = load_workbook(starter / "plan.xlsx")
    old = book.copy_worksheet(book.active)  # an old copy of the goal's sheet, hidden
    old.title = "Vanha"
    old.sheet_state = state
    book.save(starter / "plan.xlsx")
    before = data_files(starter)
    assert run(starter, "import", str(starter / "plan.xlsx")) == 0
    out = capsys.readouterr()
    assert out.err.splitlines() == [
        "Warning: the sheet 'Vanha' is hidden in the workbook, so it was not imported; if it "
        "belongs to the plan, show it (right-click a sheet tab > Unhide) and import again."
    ]
    assert "Measures: 0 new, 0 changed, 1 unchanged; 0 new goal(s)." in out.out
    assert data_files(starter) == before


def test_an_unusable_id_is_named_by_its_own_cell(
    starter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_cells(starter / "plan.xlsx", A4="Verkko asiointi!")
    assert run(starter, "import", str(starter / "plan.xlsx")) == 0
    assert capsys.readouterr().err.startswith(
        "Warning: 'Tavoite 1'!A4: 'Verkko asiointi!' in the id column is not a usable id"
    )


def refuse_to_write(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Writing a file called `name` (or its temporary file) fails, as on a full disk."""
    open_file = Path.open

    def failing_open(self: Path, mode: str = "r", *args, **kwargs):
        if "w" in mode and name in self.name:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return open_file(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)


def test_a_file_that_cannot_be_written_leaves_every_file_as_it_was(
    starter: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The goal's title and the measure's change: goals.yml is written before the measures.
    _edit_cells(starter / "plan.xlsx", A1="Tavoite 1: Uusi otsikko", C4="Uusi toimenpide")
    before = data_files(starter)
    refuse_to_write(monkeypatch, "1.yml")
    assert run(starter, "import", str(starter / "plan.xlsx")) == 2
    assert data_files(starter) == before
    assert capsys.readouterr().err.splitlines() == [
        "suunta: data/measures/1.yml cannot be written (No space left on device), so nothing "
        "in data/ was changed; check that the folder can be written and that no program has "
        "the file open, then import again."
    ]
    assert sorted(p.name for p in (starter / "data").rglob("*") if p.is_file()) == sorted(
        p.name for p in before
    )
