"""Reads a sheet of progress updates: measure id, date, status and a text per language.

One row is one dated update of one measure. Header and status words may be English, Finnish
or Swedish (`progress_sheet_words.yml`); every problem names the sheet and the cell, and all
problems are collected so the editor fixes the sheet in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .cli_texts import say
from .schema import MeasureStatus
from .table_file import Table, cell_ref

WORDS_FILE = Path(__file__).parent / "progress_sheet_words.yml"

_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")


class ProgressSheetError(Exception):
    """The sheet cannot be used as it is; carries every located problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class SheetUpdate:
    """One row: an update for one measure, and where it was written."""

    where: str
    """`sheet 'Edistyminen', row 4`: for messages."""
    id_cell: str
    """`sheet 'Edistyminen', cell A4`: the measure id's cell, for an unknown id."""
    measure: str
    date: dt.date
    status: MeasureStatus
    texts: dict[str, str]


@dataclass(frozen=True)
class _Words:
    columns: dict[str, str]
    text: set[str]
    statuses: dict[str, MeasureStatus]


def _normal(value: Any) -> str:
    return re.sub(r"[\s_\-]+", " ", str(value)).strip().lower()


@cache
def _words() -> _Words:
    table = yaml.safe_load(WORDS_FILE.read_text("utf-8"))
    statuses = {_normal(s.value): s for s in MeasureStatus}
    for status, words in table["statuses"].items():
        statuses |= {_normal(word): MeasureStatus(status) for word in words}
    return _Words(
        columns={_normal(w): key for key, words in table["columns"].items() for w in words},
        text={_normal(w) for w in table["text"]},
        statuses=statuses,
    )


def read_updates(
    tables: list[Table], languages: list[str], problems: list[str]
) -> list[SheetUpdate]:
    """Every good row of every sheet; each bad cell is added to `problems`, named.

    A file without a single filled row raises `ProgressSheetError`: it is the wrong file.
    """
    updates: list[SheetUpdate] = []
    used = False
    for table in tables:
        header_row = next((i for i, row in enumerate(table.rows) if _filled(row)), None)
        if header_row is None:
            continue
        used = True
        columns = _columns(table, header_row, languages, problems)
        if columns is None:
            continue
        for index in range(header_row + 1, len(table.rows)):
            row = table.rows[index]
            if _filled(row):
                update = _update(table, index, row, columns, problems)
                if update is not None:
                    updates.append(update)
    if not used:
        raise ProgressSheetError([say("progress.empty")])
    return updates


def _filled(row: list[Any]) -> bool:
    return any(value is not None and str(value).strip() for value in row)


def _columns(
    table: Table, row: int, languages: list[str], problems: list[str]
) -> dict[str, int] | None:
    """Column key (`id`, `date`, `status`, `text:fi`) to its index."""
    words = _words()
    found: dict[str, int] = {}
    for column, value in enumerate(table.rows[row]):
        if value is None or not str(value).strip():
            continue
        key = words.columns.get(_normal(value)) or _text_column(_normal(value), languages)
        where = say("progress.cell", sheet=table.name, cell=cell_ref(row, column))
        if key is None:
            problems.append(
                say("progress.unknown_column", where=where, value=str(value).strip()[:60])
                + " "
                + say("progress.columns_hint", languages=", ".join(languages))
            )
        elif key in found:
            problems.append(say("progress.column_twice", where=where, value=str(value).strip()))
        else:
            found[key] = column
    missing = [key for key in ("id", "date", "status") if key not in found]
    if missing:
        where = say("progress.row", sheet=table.name, row=row + 1)
        problems.append(say("progress.missing_columns", where=where, columns=", ".join(missing)))
        return None
    return found


def _text_column(header: str, languages: list[str]) -> str | None:
    match = re.fullmatch(r"(.+?)\s*\(?\s*([a-z]{2})\s*\)?", header)
    if match and match[1] in _words().text and match[2] in languages:
        return f"text:{match[2]}"
    return None


def _update(
    table: Table, index: int, row: list[Any], columns: dict[str, int], problems: list[str]
) -> SheetUpdate | None:
    def value(key: str) -> Any:
        column = columns[key]
        return row[column] if column < len(row) else None

    def where(key: str) -> str:
        return say("progress.cell", sheet=table.name, cell=cell_ref(index, columns[key]))

    before = len(problems)
    measure = str(value("id") or "").strip()
    if not measure:
        problems.append(say("progress.no_id", where=where("id")))
    date = _date(value("date"))
    if date is None:
        problems.append(say("progress.bad_date", where=where("date"), value=_shown(value("date"))))
    status = _words().statuses.get(_normal(value("status") or ""))
    if status is None:
        problems.append(
            say(
                "progress.bad_status",
                where=where("status"),
                value=_shown(value("status")),
                allowed=", ".join(s.value for s in MeasureStatus),
            )
        )
    texts = {
        key.split(":", 1)[1]: str(value(key)).strip()
        for key in columns
        if key.startswith("text:") and value(key) is not None and str(value(key)).strip()
    }
    if len(problems) > before or date is None or status is None:
        return None
    return SheetUpdate(
        where=say("progress.row", sheet=table.name, row=index + 1),
        id_cell=where("id"),
        measure=measure,
        date=date,
        status=status,
        texts=texts,
    )


def _shown(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    return text[:60] if text else say("progress.empty_cell")


def _date(value: Any) -> dt.date | None:
    """A date cell: Excel's own date, `2026-05-31` or the Finnish `31.5.2026`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    try:
        if match := _ISO_DATE.match(text):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _FINNISH_DATE.match(text):
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:  # 2026-02-30
        return None
    return None
