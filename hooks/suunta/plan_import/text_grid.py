"""Reads CSV and tab-separated text, as Excel and other systems export it, into one grid.

Excel writes CSV in Windows-1252 (and with ';' between cells where the decimal mark is a
comma); others write UTF-8, with or without a byte-order mark. Text has no colours: a
half-year cell's text tells the phase ("selvitys") or just marks the half-year ("x").
"""

from __future__ import annotations

from pathlib import Path

from ..text_table import TextTableError, decode_text, text_rows
from .grid import Grid, GridCell, PlanFileError, squeezed


def read_text(path: Path, raw: bytes) -> Grid:
    text = decode_text(raw)
    if text is None or "\x00" in text:
        raise PlanFileError("import.file.not_a_plan", file=path.name)
    grid = Grid(path.stem)
    try:
        rows = text_rows(text, tab_separated=path.suffix.lower() == ".tsv")
    except TextTableError as error:
        raise PlanFileError(
            "common.cell_not_closed", file=path.name, row=error.row, line=error.line
        ) from None
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if cell_text := squeezed(value):
                grid.cells[(row_number, column)] = GridCell(row_number, column, cell_text)
                grid.rows = max(grid.rows, row_number)
                grid.columns = max(grid.columns, column)
    return grid
