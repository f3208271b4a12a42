"""A sheet as the import sees it: cells with a reference, a text and a fill colour.

Excel, CSV and tab-separated files all become `Grid`s, so the layout is read one way. A
merged range is kept as its first cell (`origin`): the cells it covers point to it, so its
fill colours every half-year it spans and its text is counted once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter


class PlanFileError(Exception):
    """The file is no plan the import can read; `key` and `values` give the one-line message."""

    def __init__(self, key: str, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(key)


@dataclass(frozen=True)
class GridCell:
    row: int
    column: int
    text: str | None
    """Whitespace squeezed; None for an empty cell or one covered by a merged range."""
    fill: str | None = None
    """Solid fill as RRGGBB; a covered cell has its range's fill."""
    origin: tuple[int, int] | None = None
    """The first cell of the merged range covering this cell, when it is covered."""

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class Grid:
    name: str
    """The sheet's name (the file's name for CSV and TSV)."""
    cells: dict[tuple[int, int], GridCell] = field(default_factory=dict)
    rows: int = 0
    columns: int = 0
    hidden: bool = False
    """A sheet hidden in the workbook: an old copy or a helper sheet, not part of the plan."""

    def at(self, row: int, column: int) -> GridCell:
        return self.cells.get((row, column)) or GridCell(row, column, None)

    def text(self, row: int, column: int) -> str | None:
        """The text shown at a cell: a covered cell shows its merged range's text."""
        cell = self.at(row, column)
        if cell.origin:
            return self.at(*cell.origin).text
        return cell.text

    def row(self, row: int) -> list[GridCell]:
        return [self.at(row, column) for column in range(1, self.columns + 1)]

    def written(self) -> list[GridCell]:
        """Every cell with a text of its own: what the summary accounts for."""
        return [cell for cell in self.cells.values() if cell.text]

    def where(self, cell: GridCell | str) -> str:
        ref = cell if isinstance(cell, str) else cell.ref
        return f"'{self.name}'!{ref}"


def squeezed(value: object) -> str | None:
    """A cell's value as text: whole numbers without ".0", and a date Excel made of what was
    typed as one (a note "1.5.2026") as the date, not with a time of midnight."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    text = " ".join(str(value).split())
    return text or None
