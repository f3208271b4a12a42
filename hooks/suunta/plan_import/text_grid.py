"""Reads CSV and tab-separated text, as Excel and other systems export it, into one grid.

Excel writes CSV in Windows-1252 (and with ';' between cells where the decimal mark is a
comma); others write UTF-8, with or without a byte-order mark. Text has no colours: a
half-year cell's text tells the phase ("selvitys") or just marks the half-year ("x").
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .grid import Grid, GridCell, PlanFileError, squeezed

DELIMITERS = ",;\t"


def decode(raw: bytes, name: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise PlanFileError("import.file.not_a_plan", file=name) from None


def read_text(path: Path, raw: bytes) -> Grid:
    text = decode(raw, path.name)
    if "\x00" in text:
        raise PlanFileError("import.file.not_a_plan", file=path.name)
    grid = Grid(path.stem)
    delimiter = _delimiter(text, path)
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line names the separator
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row_number, row in enumerate(reader, start=1):
        for column, value in enumerate(row, start=1):
            if cell_text := squeezed(value):
                grid.cells[(row_number, column)] = GridCell(row_number, column, cell_text)
                grid.rows = max(grid.rows, row_number)
                grid.columns = max(grid.columns, column)
    return grid


def _delimiter(text: str, path: Path) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        return max(counts, key=lambda d: counts[d])
