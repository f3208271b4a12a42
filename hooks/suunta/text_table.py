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

    A quote that opens a cell and never closes makes the rest of the file one cell: the csv
    module refuses it past its field limit, and below it would quietly take every row after
    it into that cell. Both raise `TextTableError` with the row where the cell begins.
    """
    delimiter = "\t" if tab_separated else _delimiter(text)
    first, _, rest = text.partition("\n")
    skipped = 0
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line names the separator
        skipped = 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines_read = before_last = 0  # by the rows read whole: a broken row starts after them
    try:
        for row in reader:
            rows.append(list(row))
            before_last, lines_read = lines_read, reader.line_num
    except csv.Error:
        raise TextTableError(len(rows) + 1, skipped + lines_read + 1) from None
    if _ends_inside_quotes(text, delimiter):
        raise TextTableError(len(rows), skipped + before_last + 1)
    return rows


def _ends_inside_quotes(text: str, delimiter: str) -> bool:
    """Whether the text ends inside a quoted cell (read strictly, which the lenient reading
    above cannot tell; other strict complaints, like `"a"b` that Excel accepts, are not)."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        return max(counts, key=lambda d: counts[d])
