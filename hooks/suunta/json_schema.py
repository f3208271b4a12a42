"""JSON Schemas of the data files, made from the pydantic models (the one schema).

Editors' tools read them: VS Code's YAML extension completes field names and marks a wrong
value while typing, when a data file's first line names its schema
(`# yaml-language-server: $schema=...`). The models stay the source of truth; these files are
written from them by `suunta schema` and never edited by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .accessibility_schema import AccessibilityFile
from .document_schema import DocumentFile
from .schema import GoalsFile, MeasuresFile, StrategyFile

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
    """`text` with `comment` as its first line, replacing an older schema line if there is one."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].startswith(SCHEMA_COMMENT_PREFIX):
        lines = lines[1:]
    return comment + "\n" + "".join(lines)


def data_file_kinds(data_dir: Path) -> list[tuple[str, Path]]:
    """Every data file in `data_dir` that exists, with its kind."""
    files = [(kind, data_dir / f"{kind}.yml") for kind in DATA_FILES if kind != "measures"]
    files += [("measures", file) for file in sorted((data_dir / "measures").glob("*.yml"))]
    return [(kind, file) for kind, file in files if file.is_file()]


def link_data_files(data_dir: Path, schema_dir: Path) -> list[Path]:
    """Put (or refresh) the schema line first in every data file; returns the files changed."""
    changed = []
    for kind, file in data_file_kinds(data_dir):
        text = file.read_text("utf-8")
        linked = with_schema_comment(text, schema_comment(kind, schema_dir, file))
        if linked != text:
            file.write_text(linked, "utf-8")
            changed.append(file)
    return changed
