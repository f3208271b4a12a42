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


def text_rows(text: str, tab_separated: bool = False) -> list[list[str]]:
    """The rows of a CSV or tab-separated text; the separator is found from the text."""
    delimiter = "\t" if tab_separated else _delimiter(text)
    first, _, rest = text.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, text = first.strip()[4], rest  # Excel's "sep=;" line names the separator
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in DELIMITERS}
        return max(counts, key=lambda d: counts[d])
