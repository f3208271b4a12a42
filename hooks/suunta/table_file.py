"""Reads a plain table from .xlsx, .csv or tab-separated text, keeping each cell's reference.

Editors' lists (progress updates, translations) come from Excel or from a system's CSV export;
every message about a cell names the sheet and the cell (`B4`), as the editor sees it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .cli_texts import say
from .text_table import TextTableError, decode_text, text_rows

MAX_BYTES = 20_000_000
ZIP_MAGIC = b"PK\x03\x04"


class TableFileError(Exception):
    """The file is no readable table; the message is one plain sentence."""


@dataclass(frozen=True)
class Table:
    """One sheet (a CSV file is one sheet named after the file): rows of cell values."""

    name: str
    rows: list[list[Any]]


def cell_ref(row: int, column: int) -> str:
    """`B4` for the 0-based row 3 and column 1."""
    return f"{get_column_letter(column + 1)}{row + 1}"


def read_tables(path: Path) -> list[Table]:
    """Every sheet of `path` (.xlsx, .csv or .tsv/.txt); raises `TableFileError`."""
    if not path.is_file():
        raise TableFileError(say("common.no_file", file=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm") or _is_zip(path):  # a workbook renamed .csv is a workbook
        return _read_workbook(path)
    if suffix in (".csv", ".tsv", ".txt", ".tab"):
        return [Table(path.name, _read_text(path))]
    raise TableFileError(say("common.not_a_table", file=path.name))


def _is_zip(path: Path) -> bool:
    """An .xlsx (or another zip) whatever its name: openpyxl trusts only the name."""
    with path.open("rb") as handle:
        return handle.read(4) == ZIP_MAGIC


def _read_workbook(path: Path) -> list[Table]:
    try:
        book = load_workbook(io.BytesIO(path.read_bytes()), data_only=True, read_only=True)
    except Exception:  # openpyxl raises many kinds (BadZipFile, KeyError, ...) for a non-.xlsx
        raise TableFileError(say("common.not_a_workbook", file=path.name)) from None
    try:
        return [_sheet_table(sheet) for sheet in book.worksheets]
    finally:
        book.close()


def _sheet_table(sheet: Any) -> Table:
    """Every cell of a sheet, whatever size the file says it is: a read-only sheet reads no
    further than the size recorded in the file, and some programs record it wrong (only the
    first column then came through)."""
    sheet.reset_dimensions()
    return Table(sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])


def _read_text(path: Path) -> list[list[Any]]:
    content = path.read_bytes()[:MAX_BYTES]
    text = decode_text(content)
    if text is None:
        text = content.decode("cp1252", errors="replace")  # never refuse a list for one byte
    if "\x00" in text:
        raise TableFileError(say("common.not_a_table", file=path.name))
    try:
        return text_rows(text, tab_separated=path.suffix.lower() in (".tsv", ".tab"))
    except TextTableError as error:
        told = say("common.cell_not_closed", file=path.name, row=error.row, line=error.line)
        raise TableFileError(told) from None
