"""Finds a header row and what each of its columns holds: measure text, responsible, unit,
notes, one column per half-year. A dated column the import cannot read, standing between
half-year columns, is an error: dropping it would silently join the half-years around it."""

from __future__ import annotations

from dataclasses import dataclass, field

from .findings import Finding, error, period_words, warning
from .grid import Grid, GridCell
from .words import column_role, half_year, looks_dated


@dataclass(frozen=True)
class Columns:
    roles: dict[str, int]
    """Role ('description', 'responsible' ...) -> column number."""
    periods: list[tuple[int, str]] = field(default_factory=list)
    """(column number, half-year key) from left to right."""
    gaps: tuple[str, ...] = ()
    """References of blank header cells between half-year columns: a mark under one is an
    error (reading past it would join the half-years on either side)."""

    @property
    def text_column(self) -> int:
        return self.roles.get("description") or self.roles["title"]

    def period_columns(self) -> set[int]:
        return {column for column, _ in self.periods}


@dataclass
class HeaderRow:
    columns: Columns
    placed: list[GridCell]
    findings: list[Finding]


def read_header(grid: Grid, row: int) -> HeaderRow | None:
    """The row's columns when it is a header row (a measure column and one more), else None."""
    roles: dict[str, int] = {}
    periods: list[tuple[int, str]] = []
    placed: list[GridCell] = []
    unknown: list[GridCell] = []
    findings: list[Finding] = []
    for cell in grid.row(row):
        if not cell.text:
            continue
        above = grid.text(row - 1, cell.column) if row > 1 else None
        if found := half_year(cell.text, above):
            if any(key == found.key for _, key in periods):
                findings.append(
                    warning("import.warn.duplicate_half", where=grid.where(cell), text=cell.text)
                )
                continue
            periods.append((cell.column, found.key))
            placed.append(cell)
            if found.year_above:
                above_cell = grid.at(row - 1, cell.column)
                placed.append(grid.at(*above_cell.origin) if above_cell.origin else above_cell)
            if found.misspelt_as:
                findings.append(
                    warning(
                        "import.warn.misspelt_half",
                        where=grid.where(cell),
                        written=cell.text,
                        period=period_words(found.key),
                    )
                )
        elif (role := column_role(cell.text)) and role not in roles:
            roles[role] = cell.column
            placed.append(cell)
        else:
            unknown.append(cell)
    if "description" not in roles and "title" not in roles:
        return None
    if len(roles) + len(periods) < 2:
        return None
    first = min((c for c, _ in periods), default=0)
    last = max((c for c, _ in periods), default=0)
    for cell in unknown:
        if first < cell.column < last:
            findings.append(
                error("import.error.unknown_period_column", where=grid.where(cell), text=cell.text)
            )
        elif looks_dated(cell.text or ""):
            findings.append(
                warning("import.warn.unknown_dated_column", where=grid.where(cell), text=cell.text)
            )
    headed = {cell.column for cell in grid.row(row) if cell.text or cell.origin}
    gaps = tuple(grid.at(row, c).ref for c in range(first + 1, last) if c not in headed)
    return HeaderRow(Columns(roles, periods, gaps), placed, findings)
