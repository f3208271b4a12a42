"""Editors' texts into spreadsheet cells and CSV fields as texts, whatever they start with.

A text that begins with "=" becomes a live formula in a workbook (openpyxl takes such a string
for one), and in a CSV file opened in Excel so does one that begins with "+", "-" or "@":
formula injection (OWASP, "CSV Injection"). A published file must never run what a text says,
so every writer of sheets (the plan export and the open data's workbooks, the translators'
sheet) and of the CSV files goes through here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl (with lxml) is 10 MiB and 0.2 s a build without workbooks to write
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""What a worksheet (XML 1.0) cannot hold; openpyxl refuses the first part, Excel the rest."""

CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel read a CSV field as a formula."""


def put(sheet: Worksheet, row: int, column: int, value: Any = None) -> Cell:
    """The cell at `row`, `column` holding `value`; a text stays a text.

    Control characters a worksheet cannot hold are dropped (a YAML escape can put one in a
    text, and the file must still be written).
    """
    cell = sheet.cell(row, column)
    if isinstance(value, str):
        cell.value = NOT_IN_XML.sub("", value)
        cell.data_type = "s"
    elif value is not None:
        cell.value = value
    return cell


def csv_field(text: str) -> str:
    """`text` for a CSV file: one Excel would take for a formula gets an apostrophe first,
    which Excel shows as the text itself (the JSON keeps every text exactly as written)."""
    return f"'{text}" if text.startswith(CSV_FORMULA_STARTS) else text
