"""JSON Schemas of the data files, made from the pydantic models (the one schema).

Editors' tools read them: VS Code's YAML extension completes field names and marks a wrong
value while typing, when a data file's first line names its schema
(`# yaml-language-server: $schema=...`). The models stay the source of truth; these files are
written from them by `suunta schema` and never edited by hand.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .accessibility_schema import AccessibilityFile
from .document_schema import DocumentFile
from .schema import GoalsFile, MeasuresFile, StrategyFile
from .yaml_lines import YamlReadError, decode_utf8

DATA_FILES: dict[str, type[BaseModel]] = {
    "strategy": StrategyFile,
    "goals": GoalsFile,
    "measures": MeasuresFile,
    "document": DocumentFile,
    "accessibility": AccessibilityFile,
}
"""File kind (the data file's name; `measures` for every `measures/*.yml`) to its model."""

SCHEMA_DIR = "schemas"
"""Where `suunta schema` writes by default, beside `data/` in the site's folder."""

SCHEMA_COMMENT_PREFIX = "# yaml-language-server: $schema="
BOM = "\ufeff"


def schema_file_name(file_kind: str) -> str:
    return f"{file_kind}.schema.json"


def json_schema(file_kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of data file."""
    schema = DATA_FILES[file_kind].model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def write_schemas(directory: Path) -> list[Path]:
    """Write every data file's schema into `directory`; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in DATA_FILES:
        path = directory / schema_file_name(kind)
        text = json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
        written.append(path)
    return written


def schema_comment(file_kind: str, schema_dir: Path, data_file: Path) -> str:
    """The first line that ties `data_file` to its schema, as a path relative to the file.

    Relative, so the site's folder can move (or be cloned) without breaking the link.
    """
    if file_kind not in DATA_FILES:
        raise KeyError(f"no data file kind '{file_kind}'")
    target = schema_dir.resolve() / schema_file_name(file_kind)
    relative = os.path.relpath(target, data_file.resolve().parent)
    return SCHEMA_COMMENT_PREFIX + Path(relative).as_posix()


def with_schema_comment(text: str, comment: str) -> str:
    """`text` with `comment` as its first line, replacing an older schema line if there is one.

    A byte order mark stays first in the file, and the comment ends the way the file's own
    lines do (CRLF from Windows editors). A schema line behind the mark (as VS Code may save
    it, or as an older Suunta wrote it below its own) is replaced, never repeated.
    """
    lines = text.splitlines(keepends=True)
    bom = ""
    while lines:
        if lines[0].startswith(BOM):
            bom, lines[0] = BOM, lines[0].lstrip(BOM)
        if not lines[0].startswith(SCHEMA_COMMENT_PREFIX):
            break
        lines = lines[1:]
    return bom + comment + _line_ending(text) + "".join(lines)


def _line_ending(text: str) -> str:
    """The file's first line break; a new line follows the file's own convention."""
    found = re.search(r"\r\n|\r|\n", text)
    return found.group() if found else "\n"


def data_file_kinds(data_dir: Path) -> list[tuple[str, Path]]:
    """Every data file in `data_dir` that exists, with its kind."""
    files = [(kind, data_dir / f"{kind}.yml") for kind in DATA_FILES if kind != "measures"]
    files += [("measures", file) for file in sorted((data_dir / "measures").glob("*.yml"))]
    return [(kind, file) for kind, file in files if file.is_file()]


class SchemaLinkError(Exception):
    """Data files that are not UTF-8 text; `problems` say where, and no file was changed."""

    def __init__(self, problems: list[YamlReadError]) -> None:
        super().__init__(problems)
        self.problems = problems


def link_data_files(data_dir: Path, schema_dir: Path) -> list[Path]:
    """Put (or refresh) the schema line first in every data file; returns the files changed.

    Every file is read before any is written: a file in another encoding than UTF-8 raises
    `SchemaLinkError` and all of them stay as they were (a half-linked site would confuse).
    """
    planned: list[tuple[Path, str]] = []
    unreadable: list[YamlReadError] = []
    for kind, file in data_file_kinds(data_dir):
        try:
            text = decode_utf8(file, file.read_bytes())
        except YamlReadError as problem:
            unreadable.append(problem)
            continue
        linked = with_schema_comment(text, schema_comment(kind, schema_dir, file))
        if linked != text:
            planned.append((file, linked))
    if unreadable:
        raise SchemaLinkError(unreadable)
    for file, linked in planned:
        file.write_bytes(linked.encode("utf-8"))  # bytes: the line endings stay as they are
    return [file for file, _ in planned]
