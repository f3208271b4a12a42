"""Reads an .xlsx workbook into grids, with fill colours and merged ranges."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from .grid import Grid, GridCell, PlanFileError, squeezed


def read_xlsx(path: Path, raw: bytes) -> list[Grid]:
    """The workbook's sheets; read from its bytes, as openpyxl refuses a name not ending .xlsx.

    Editors rename files (`plan.xls`, `plan.csv`, no suffix): what the bytes are decides.
    """
    try:
        workbook = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, InvalidFileException):
        raise PlanFileError("import.file.broken_xlsx", file=path.name) from None
    return [_grid(sheet) for sheet in workbook.worksheets]


def _grid(sheet: Worksheet) -> Grid:
    grid = Grid(sheet.title, hidden=sheet.sheet_state != "visible")  # hidden or very hidden
    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                if (row, column) != (merged.min_row, merged.min_col):
                    covered[(row, column)] = (merged.min_row, merged.min_col)
    for row in sheet.iter_rows():
        for cell in row:
            key = (cell.row, cell.column)
            if key in covered:
                continue
            text, fill = squeezed(cell.value), _fill(cell)
            if text or fill:
                grid.cells[key] = GridCell(cell.row, cell.column, text, fill)
                grid.rows, grid.columns = max(grid.rows, cell.row), max(grid.columns, cell.column)
    for key, origin in covered.items():
        first = grid.cells.get(origin)
        if first is not None:
            grid.cells[key] = GridCell(*key, None, first.fill, origin)
            grid.rows, grid.columns = max(grid.rows, key[0]), max(grid.columns, key[1])
    return grid


def _fill(cell: object) -> str | None:
    """The cell's solid fill colour as RRGGBB, or None (no fill, or a theme colour)."""
    fill = getattr(cell, "fill", None)
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return None
    colour = rgb[-6:].upper()
    return None if colour == "FFFFFF" else colour
