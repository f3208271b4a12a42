"""Writes the plan back as a spreadsheet in the shape editors keep it (seeds/README.md): one
sheet per goal with its heading, a header row, theme rows, one row per measure with a
coloured cell per half-year, and the legend of the colours; plus an id column, so a
re-import finds each measure again and page addresses stay the same.

`suunta import` reads what this writes back to the same data (the round trip is tested), so
the spreadsheet and the site can go back and forth. Other exports (open data) call
`write_plan_workbook` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .plan_import.titles import title_and_description
from .plan_import.words import UNPHASED, vocabulary
from .schedule import HalfYear, half_years
from .schema import Goal, Measure, Phase
from .sheet_text import put

PHASE_COLOURS = {
    Phase.investigation.value: "9BC2E6",
    Phase.deployment.value: "F4B084",
    Phase.continuous.value: "A9D08E",
    UNPHASED: "D9D9D9",
}
"""The legend's colours: those the seeds' plans use for the three phases, grey for a
half-year without a phase."""
HEADER_ROW = 3
SHEET_NAME_LIMIT = 31

# One style object per look, shared by every cell that has it: a plan of 1,000 measures has
# tens of thousands of cells, and openpyxl keeps what each cell is given.
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)
_FILLS = {
    meaning: PatternFill(fill_type="solid", fgColor=colour)
    for meaning, colour in PHASE_COLOURS.items()
}


def write_plan_workbook(
    goals: Sequence[Goal],
    measures: Sequence[Measure],
    language: str,
    target: Path | IO[bytes],
    fallbacks: Sequence[str] = (),
) -> None:
    """Write `goals` and their `measures` as an .xlsx plan with texts in `language`.

    `language` is "fi" or "sv" (the header words come from the import's vocabulary); a text
    missing in `language` is taken from the first of `fallbacks` that has it.
    """
    words = vocabulary().sheet[language]
    order = [language, *fallbacks]
    periods = _period_columns(measures)
    optional = _optional_columns(measures, order)
    roles = ["id", "description", *optional["title"], "responsible", "units"]
    tail = [*optional["metric"], "notes"]
    book = Workbook()
    book.remove(book.active)
    used_unphased = False
    styles = _SameStyles()
    for goal in goals:
        sheet = book.create_sheet(f"{words['goal']} {goal.number}"[:SHEET_NAME_LIMIT])
        own = [m for m in measures if m.goal == goal.id]
        used_unphased |= _write_goal(sheet, goal, own, roles, tail, periods, words, order, styles)
    for sheet in book.worksheets:
        _write_legend(sheet, roles.index("description") + 1, words, used_unphased)
    book.save(target)


def _period_columns(measures: Sequence[Measure]) -> list[HalfYear]:
    spans = [entry.span for m in measures for entry in m.schedule]
    if not spans:
        return []
    first = min(span.first for span in spans)
    last = max(span.last_written for span in spans)
    return half_years(first, last)


def _optional_columns(measures: Sequence[Measure], order: list[str]) -> dict[str, list[str]]:
    """A title column only when a title is not what the import would make of the text."""
    needs_title = any(
        title_and_description(_measure_text(m, order))
        != (_text(m.title, order), _opt(m.description, order))
        for m in measures
    )
    return {
        "title": ["title"] if needs_title else [],
        "metric": ["metric"] if any(m.metric for m in measures) else [],
    }


def _measure_text(measure: Measure, order: list[str]) -> str:
    return _opt(measure.description, order) or _text(measure.title, order)


def _write_goal(
    sheet: Worksheet,
    goal: Goal,
    measures: list[Measure],
    roles: list[str],
    tail: list[str],
    periods: list[HalfYear],
    words: dict[str, Any],
    order: list[str],
    styles: _SameStyles,
) -> bool:
    heading = put(sheet, 1, 1, f"{words['goal']} {goal.number}: {_text(goal.title, order)}")
    heading.font = Font(bold=True, size=14)
    headers = [words["columns"][r] for r in roles]
    headers += [f"{words['halves'][p.name]} {p.year}" for p in periods]
    headers += [words["columns"][r] for r in tail]
    for column, text in enumerate(headers, start=1):
        cell = put(sheet, HEADER_ROW, column, text)
        cell.font = _BOLD
        cell.alignment = _WRAP
    text_column = roles.index("description") + 1
    sheet.column_dimensions[get_column_letter(text_column)].width = 60
    row = HEADER_ROW + 1
    used_unphased = False
    groups: list[tuple[str | None, list[Measure]]] = [
        (None, [m for m in measures if m.theme is None])
    ]
    groups += [(t.id, [m for m in measures if m.theme == t.id]) for t in goal.themes]
    titles = {t.id: _text(t.title, order) for t in goal.themes}
    for theme, members in groups:
        if theme is not None:
            put(sheet, row, text_column, titles[theme]).font = _BOLD
            row += 1
        for measure in members:
            values = _row_values(measure, roles, order)
            for column, value in enumerate(values, start=1):
                if value:
                    styles.wrapped(put(sheet, row, column, value))
            tail_start = len(roles) + len(periods) + 1
            for offset, value in enumerate(_row_values(measure, tail, order)):
                if value:
                    put(sheet, row, tail_start + offset, value)
            used_unphased |= _write_schedule(
                sheet, row, len(roles) + 1, measure, periods, order, styles
            )
            row += 1
    return used_unphased


def _row_values(measure: Measure, roles: list[str], order: list[str]) -> list[str | None]:
    has_title_column = "title" in roles
    values: dict[str, str | None] = {
        "id": measure.id,
        "title": _text(measure.title, order),
        "description": _measure_text(measure, order),
        "responsible": ", ".join(_name(n.texts, order) for n in measure.responsible) or None,
        "units": ", ".join(_text(u, order) for u in measure.units) or None,
        "metric": _opt(measure.metric, order),
        "notes": _opt(measure.notes, order),
    }
    if has_title_column and not measure.description:
        values["description"] = values["title"]
    return [values[role] for role in roles]


def _write_schedule(
    sheet: Worksheet,
    row: int,
    first_column: int,
    measure: Measure,
    periods: list[HalfYear],
    order: list[str],
    styles: _SameStyles,
) -> bool:
    """Colours the half-years of each entry; an entry with a note is one merged cell."""
    used_unphased = False
    for entry in measure.schedule:
        columns = [first_column + i for i, p in enumerate(periods) if entry.span.covers(p)]
        if not columns:
            continue
        meaning = entry.phase.value if entry.phase else UNPHASED
        used_unphased |= entry.phase is None
        for column in columns:
            styles.filled(put(sheet, row, column), meaning)
        if entry.note:
            put(sheet, row, columns[0], _text(entry.note, order))
            if len(columns) > 1:
                sheet.merge_cells(
                    start_row=row, start_column=columns[0], end_row=row, end_column=columns[-1]
                )
    return used_unphased


class _SameStyles:
    """Gives cells of one workbook their style by copying an earlier cell's.

    openpyxl finds a style in the workbook's tables each time a cell is given one (hashing
    it): a fifth of writing a 1,000-measure plan. A cell given the same style as an earlier
    one takes a copy of that cell's style array instead, as openpyxl's own worksheet copy does.
    The arrays point into this workbook's tables: one instance per workbook.
    """

    def __init__(self) -> None:
        self._arrays: dict[str, StyleArray] = {}

    def wrapped(self, cell: Cell) -> None:
        self._give(cell, "wrap", "alignment", _WRAP)

    def filled(self, cell: Cell, meaning: str) -> None:
        self._give(cell, meaning, "fill", _FILLS[meaning])

    def _give(self, cell: Cell, style: str, attribute: str, value: object) -> None:
        array = self._arrays.get(style)
        if array is None:
            setattr(cell, attribute, value)
            self._arrays[style] = copy(cell._style)
        else:
            cell._style = copy(array)


def _write_legend(sheet: Worksheet, column: int, words: dict[str, Any], unphased: bool) -> None:
    row = sheet.max_row + 2
    put(sheet, row, column, words["legend"]).font = _BOLD
    names = dict(words["phases"])
    if unphased:
        names[UNPHASED] = words["unphased"]
    for offset, (meaning, name) in enumerate(names.items(), start=1):
        cell = put(sheet, row + offset, column, name)
        cell.fill = _FILLS[meaning]


def _text(value: Any, order: list[str]) -> str:
    texts: dict[str, str] = value.texts
    for language in order:
        if texts.get(language):
            return " ".join(texts[language].split())
    return " ".join(next(iter(texts.values())).split())


def _opt(value: Any, order: list[str]) -> str | None:
    return _text(value, order) if value is not None else None


def _name(texts: dict[str, str], order: list[str]) -> str:
    if "*" in texts:
        return texts["*"]
    return next((texts[lang] for lang in order if lang in texts), next(iter(texts.values())))
