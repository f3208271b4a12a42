"""Reads tables exported as text (CSV, tab-separated) the way Excel and other systems write them.

Excel writes CSV in Windows-1252, with ';' between cells where the decimal mark is a comma,
and sometimes a first line `sep=;` naming the separator; "Unicode text" is UTF-16 with tabs;
other systems write UTF-8, with or without a byte-order mark. The plan import and the editors'
lists (progress, translations) read text files through this one module.
"""

from __future__ import annotations

import csv
import io

DELIMITERS = ",;\t"


def decode_text(raw: bytes) -> str | None:
    """The file's text, or None when it is in no encoding a spreadsheet program writes."""
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
        return None


class TextTableError(ValueError):
    """The text breaks off inside a cell (a quote never closed): where that row starts."""

    def __init__(self, row: int, line: int) -> None:
        super().__init__(f"row {row}, line {line}")
        self.row = row
        """The row as a spreadsheet program shows it (a quoted cell may span lines)."""
        self.line = line
        """The line in a text editor."""


def text_rows(text: str, tab_separated: bool = False) -> list[list[str]]:
    """The rows of a CSV or tab-separated text; the separator is found from the text.

    A quote that opens a cell and never closes makes the rest of the file one cell, which
    the csv module refuses past its field limit: that raises `TextTableError` with the row.
    """
    delimiter = "\t" if tab_separated else _delimiter(text)
    first, _, rest = text.partition("\n")
    skipped = 0
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line names the separator
        skipped = 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines_read = 0  # by the rows read whole: the broken row starts on the next line
    try:
        for row in reader:
            rows.append(list(row))
            lines_read = reader.line_num
    except csv.Error:
        raise TextTableError(len(rows) + 1, skipped + lines_read + 1) from None
    return rows


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        return max(counts, key=lambda d: counts[d])
