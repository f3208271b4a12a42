"""A translator's sheet: missing and outdated texts out to .xlsx, the filled sheet back in.

Translators work in Excel, not in YAML. The sheet names each text by its file and field, shows
the source text and the current translation, and has an empty column for the new one. On the
way back, each new translation is written into its YAML file in place (comments and key order
kept) and the lock file remembers which source text it translates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import yaml_roundtrip
from .cli_texts import LANGUAGES, load_table, say
from .sheet_text import put
from .table_file import Table, cell_ref
from .translation_status import Lock, TranslationProblem, fingerprint, path_parts

COLUMNS = (
    "file",
    "field",
    "problem",
    "source_language",
    "source_text",
    "language",
    "current",
    "translation",
)
"""The sheet's columns, in order; their headers are `translations.column.<key>`."""

WIDTHS = {"file": 28, "field": 34, "source_text": 60, "current": 50, "translation": 60}
_WRAP = Alignment(wrap_text=True, vertical="top")
"""Every cell shares one style object rather than each making its own."""


class TranslationSheetError(Exception):
    """The filled sheet cannot be used as it is; carries every located problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def export_sheet(problems: list[TranslationProblem], source: str, path: Path) -> None:
    """One row per missing or outdated translation, with the source text beside it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = say("translations.sheet_name")
    sheet.append([say(f"translations.column.{key}") for key in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for problem in problems:
        text = problem.text
        from_language = source if source in text.texts else next(iter(text.texts))
        kind = "outdated" if problem.outdated else "missing"
        values = [
            text.name,
            text.field,
            say(f"translations.kind.{kind}"),
            from_language,
            text.texts[from_language],
            problem.language,
            text.texts.get(problem.language, ""),
            "",
        ]
        row = sheet.max_row + 1
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    for index, key in enumerate(COLUMNS):
        letter = cell_ref(0, index)[:-1]
        sheet.column_dimensions[letter].width = WIDTHS.get(key, 14)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP
    sheet.freeze_panes = "A2"
    book.save(path)


@dataclass(frozen=True)
class _Row:
    where: Callable[[str], str]
    values: dict[str, str]


def import_sheet(
    tables: list[Table], data_dir: Path, known_files: set[str], languages: list[str], lock: Lock
) -> tuple[int, list[Path]]:
    """Write every filled translation into the data; returns (count, files changed).

    All or nothing: every problem is found before a file is written. `lock` is updated.
    """
    problems: list[str] = []
    rows = [row for table in tables for row in _rows(table, problems)]
    documents: dict[str, Any] = {}
    changes = 0
    for row in rows:
        translation = row.values.get("translation", "")
        if not translation:
            continue
        file, field, language = row.values["file"], row.values["field"], row.values["language"]
        if file not in known_files:
            problems.append(say("translations.unknown_file", where=row.where("file"), file=file))
            continue
        if language not in languages:
            problems.append(
                say(
                    "translations.unknown_language",
                    where=row.where("language"),
                    language=language,
                    languages=", ".join(languages),
                )
            )
            continue
        if file not in documents:
            documents[file] = yaml_roundtrip.load(data_dir / file)
        node = _resolve(documents[file], field)
        if not isinstance(node, dict):
            problems.append(
                say("translations.unknown_field", where=row.where("field"), field=field)
            )
            continue
        value = (
            translation if yaml_roundtrip.is_flow(node) else yaml_roundtrip.text_value(translation)
        )
        node[language] = value
        source_text = row.values.get("source_text", "")
        if row.values.get("source_language") == languages[0] and source_text:
            lock.setdefault(file, {}).setdefault(field, {})[language] = fingerprint(source_text)
        changes += 1
    if problems:
        raise TranslationSheetError(problems)
    written = [data_dir / file for file in documents]
    yaml_roundtrip.save_all({data_dir / file: document for file, document in documents.items()})
    return changes, written


def _header_words() -> dict[str, str]:
    """A header in any of the three languages → its column key (the sheet may be re-saved by
    someone who runs Suunta in another language)."""
    words: dict[str, str] = {}
    for language in LANGUAGES:
        columns = load_table(language).get("translations", {}).get("column", {})
        words |= {str(text).strip().lower(): key for key, text in columns.items()}
    return words


def _rows(table: Table, problems: list[str]) -> list[_Row]:
    if not table.rows:
        return []
    words = _header_words()
    columns: dict[str, int] = {}
    for index, value in enumerate(table.rows[0]):
        key = words.get(str(value or "").strip().lower())
        if key is not None:
            columns.setdefault(key, index)
    needed = ("file", "field", "language", "translation")
    missing = [say(f"translations.column.{key}") for key in needed if key not in columns]
    if missing:
        problems.append(
            say("translations.missing_columns", sheet=table.name, columns=", ".join(missing))
        )
        return []
    rows = []
    for number, row in enumerate(table.rows[1:], start=1):
        values = {
            key: str(row[index]).strip() if index < len(row) and row[index] is not None else ""
            for key, index in columns.items()
        }

        def where(key: str, number: int = number) -> str:
            return say("translations.cell", sheet=table.name, cell=cell_ref(number, columns[key]))

        rows.append(_Row(where, values))
    return rows


def _resolve(document: Any, field: str) -> Any:
    """The mapping at `field` (`measures[open-data].title`) in a ruamel document, or None."""
    node = document
    for part in path_parts(field):
        if isinstance(part, int):
            ok = isinstance(node, list) and 0 <= part < len(node)
            node = node[part] if ok else None
        elif part.startswith("["):
            items = node if isinstance(node, list) else []
            node = next((i for i in items if isinstance(i, dict) and i.get("id") == part[1:]), None)
        else:
            node = node.get(part) if isinstance(node, dict) else None
        if node is None:
            return None
    return node
