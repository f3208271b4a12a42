"""Reads the rows of every sheet: goal headings, header rows, theme rows, measure rows and
the legend, the way plans are printed and continued on the next page.

A goal heading repeated further down (a goal continued on a second page) continues the same
goal and its current theme; a repeated header row is read again, not taken for a measure.
Every cell that is read is marked as placed, so the summary can list all the others. A
hidden sheet (an old copy of a goal's sheet, say) is not read: it is named in a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import column_index_from_string

from ..schema import Phase
from .findings import Finding, error, warning
from .grid import Grid, GridCell
from .header import Columns, read_header
from .words import UNPHASED, goal_heading, legend_label, phase_named

LEGEND_TEXT_LIMIT = 40
"""A legend entry is a short text; a longer filled cell is something else."""


@dataclass(frozen=True)
class LegendEntry:
    where: str
    text: str
    colour: str
    meaning: Phase | str | None
    """A phase, `UNPHASED` (a half-year without a phase) or None (no phase matches)."""


@dataclass(frozen=True)
class MeasureRow:
    grid: Grid
    row: int
    columns: Columns
    theme: int | None
    """Index into the goal's themes."""


@dataclass
class PlanGoal:
    number: int | None
    title: str
    where: str
    sheet: str
    titled: bool = False
    """True when a goal heading gave the title (not only the sheet's name)."""
    themes: list[tuple[str, str]] = field(default_factory=list)
    """(title, where) in the order of the sheet."""
    rows: list[MeasureRow] = field(default_factory=list)


@dataclass
class Layout:
    grids: list[Grid]
    goals: list[PlanGoal] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    placed: set[tuple[str, str]] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    rows_read: int = 0
    headers_found: int = 0
    gaps_reported: set[tuple[str, str]] = field(default_factory=set)

    def place(self, grid: Grid, *cells: GridCell) -> None:
        self.placed.update((grid.name, cell.ref) for cell in cells if cell.text)

    def goal_for(
        self, number: int | None, title: str, grid: Grid, where: str, titled: bool
    ) -> PlanGoal:
        """The goal a heading names: one seen before (continued) or a new one."""
        for goal in self.goals:
            same_number = number is not None and goal.number == number
            same_title = number is None and goal.title.casefold() == title.casefold()
            if same_number or same_title:
                if titled and not goal.titled:
                    goal.title, goal.titled = title, True
                return goal
        goal = PlanGoal(number, title, where, grid.name, titled)
        self.goals.append(goal)
        return goal

    def unplaced(self) -> list[tuple[Grid, GridCell]]:
        return [
            (grid, cell)
            for grid in self.grids
            for cell in sorted(grid.written(), key=lambda c: (c.row, c.column))
            if (grid.name, cell.ref) not in self.placed
        ]


def read_layout(grids: list[Grid]) -> Layout:
    """The plan on the visible sheets; the editor does not see a hidden one as part of it."""
    layout = Layout([grid for grid in grids if not grid.hidden])
    for grid in grids:
        if grid.hidden:
            layout.findings.append(warning("import.warn.hidden_sheet", sheet=grid.name))
    for grid in layout.grids:
        _read_sheet(grid, layout)
    return layout


def _read_sheet(grid: Grid, layout: Layout) -> None:
    columns: Columns | None = None
    goal: PlanGoal | None = None
    theme: int | None = None
    legend_zone = False
    for row in range(1, grid.rows + 1):
        cells = [cell for cell in grid.row(row) if cell.text]
        if not cells:
            legend_zone = legend_zone and any(cell.fill for cell in grid.row(row))
            continue
        layout.rows_read += 1
        header = read_header(grid, row)
        if header is not None:
            columns = header.columns
            layout.headers_found += 1
            layout.findings += header.findings
            layout.place(grid, *header.placed)
            if goal is None:
                from_name = goal_heading(grid.name)
                number = from_name.number if from_name else None
                title = (from_name.title if from_name else "") or grid.name
                goal = layout.goal_for(number, title, grid, f"'{grid.name}'", False)
            legend_zone = False
            continue
        entries = _legend_entries(grid, cells, legend_zone, columns)
        if entries is not None:
            layout.legend += entries
            layout.place(grid, *cells)
            legend_zone = True
            continue
        if len(cells) == 1 and legend_label(cells[0].text or ""):
            layout.place(grid, *cells)
            legend_zone = True
            continue
        legend_zone = False
        heading = goal_heading(cells[0].text or "") if len(cells) == 1 else None
        if heading is not None:
            found = layout.goal_for(
                heading.number,
                heading.title or cells[0].text or "",
                grid,
                grid.where(cells[0]),
                bool(heading.title),
            )
            theme = theme if found is goal else None
            goal = found
            layout.place(grid, *cells)
            continue
        if columns is None or goal is None:
            continue
        theme = _read_row(grid, row, cells, columns, goal, theme, layout)


def _read_row(
    grid: Grid,
    row: int,
    cells: list[GridCell],
    columns: Columns,
    goal: PlanGoal,
    theme: int | None,
    layout: Layout,
) -> int | None:
    """Files a theme row or a measure row under `goal`; returns the theme rows below are in."""
    text_column = columns.text_column
    periods = columns.period_columns()
    scheduled = any(grid.at(row, column).fill for column in periods)
    if len(cells) == 1 and not scheduled and cells[0].column <= text_column:
        goal.themes.append((cells[0].text or "", grid.where(cells[0])))
        layout.place(grid, cells[0])
        return len(goal.themes) - 1
    if not grid.at(row, text_column).text:
        return theme  # no measure text: its cells stay unplaced and are listed
    goal.rows.append(MeasureRow(grid, row, columns, theme))
    for ref in columns.gaps:
        column = column_index_from_string(ref.rstrip("0123456789"))
        cell = grid.at(row, column)
        if (cell.fill or cell.text) and (grid.name, ref) not in layout.gaps_reported:
            layout.gaps_reported.add((grid.name, ref))
            layout.findings.append(
                error(
                    "import.error.unnamed_period_column",
                    where=grid.where(ref),
                    mark=grid.where(cell),
                )
            )
    used = set(columns.roles.values()) | periods
    layout.place(grid, *(cell for cell in cells if cell.column in used))
    return theme


def _legend_entries(
    grid: Grid, cells: list[GridCell], zone: bool, columns: Columns | None
) -> list[LegendEntry] | None:
    """The row's legend entries: short texts each with a colour (its own or the cell left of it)."""
    coloured: list[tuple[GridCell, str]] = []
    for cell in cells:
        left = grid.at(cell.row, cell.column - 1) if cell.column > 1 else None
        colour = cell.fill or (left.fill if left is not None and not left.text else None)
        if colour is None or len(cell.text or "") > LEGEND_TEXT_LIMIT:
            return None
        coloured.append((cell, colour))
    if not zone and columns is not None:
        if any(cell.column in columns.period_columns() for cell in cells):
            return None
    meanings = [phase_named(cell.text or "") for cell, _ in coloured]
    if not zone and all(meaning is None for meaning in meanings):
        return None
    return [
        LegendEntry(grid.where(cell), cell.text or "", colour, meaning)
        for (cell, colour), meaning in zip(coloured, meanings, strict=True)
    ]


__all__ = ["UNPHASED", "Layout", "LegendEntry", "MeasureRow", "PlanGoal", "read_layout"]
