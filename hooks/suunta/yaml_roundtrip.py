"""Edits data files in place, keeping the editor's comments, key order, quotes and layout.

Tools that add to the data (progress updates, translations, the plan import) must change only
what they add: an editor reviews the change as a small diff. They write every changed file or
none (`write_all`). Reading for validation stays in `yaml_lines`; this module is only for
writing back.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

WIDTH = 4096
"""Never re-wrap an editor's long lines."""

STAGED_SUFFIX = ".suunta-new"
"""A file being written waits beside its file as `.<name>.suunta-new` (not `*.yml`)."""


def round_trip_yaml() -> YAML:
    """ruamel's round trip, set to the layout of Suunta's data files (every writer uses it)."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = WIDTH
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [{fi: x}] stays as written
    yaml.indent(mapping=2, sequence=4, offset=2)  # the layout of Suunta's data files
    return yaml


def load(path: Path) -> Any:
    """The file's content as ruamel's commented mappings and lists."""
    return round_trip_yaml().load(path.read_text("utf-8"))


def dumps(data: Any) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(data, stream)
    return stream.getvalue()


def save_all(documents: dict[Path, Any]) -> None:
    """Write every document back, or none of them (see `write_all`)."""
    write_all({path: dumps(data) for path, data in documents.items()})


def write_all(texts: dict[Path, str]) -> None:
    """Write every file or none: a tool's change to several files is one change.

    Each text goes to a temporary file beside its file first; only when all are written are
    they moved into place (`os.replace`). A failure before that (a full disk, a folder that
    cannot be written) leaves every file as it was and no temporary file behind. Each file
    keeps its own line endings (an editor on Windows keeps CRLF) and permissions.
    """
    staged: list[tuple[Path, Path]] = []
    made: list[Path] = []
    try:
        for written, text in texts.items():
            path = written.resolve() if written.is_symlink() else written  # keep the link
            made += _make_folders(path.parent)
            staged.append((_stage(path, text), path))
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        for folder in reversed(made):
            with contextlib.suppress(OSError):  # not empty: a file was moved in after all
                folder.rmdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Create `folder` and its missing parents; the ones made, to remove again on failure."""
    missing = [f for f in (folder, *folder.parents) if not f.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _stage(path: Path, text: str) -> Path:
    """`text` in a temporary file beside `path`, as `path` would have it."""
    temporary = path.with_name(f".{path.name}{STAGED_SUFFIX}")
    try:
        if path.is_file():
            if b"\r\n" in path.read_bytes():
                text = text.replace("\n", "\r\n")
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if path.is_file():
            shutil.copymode(path, temporary)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):  # named by the file the editor knows, not the temporary
            raise OSError(error.errno, error.strerror or str(error), str(path)) from error
        raise
    return temporary


def text_value(text: str) -> str:
    """A text as YAML should write it: several lines as a `|` block, one line as it is."""
    return LiteralScalarString(text) if "\n" in text else text


def is_flow(node: Any) -> bool:
    return isinstance(node, CommentedMap | CommentedSeq) and bool(node.fa.flow_style())


def append_keeping_trailing_comment(items: CommentedSeq, value: Any) -> None:
    """Append to a list; a comment or blank line after its last item stays after the list."""
    last = len(items) - 1
    trailing = items.ca.items.pop(last, None) if last >= 0 else None
    items.append(value)
    if trailing is not None:
        items.ca.items[len(items) - 1] = trailing


def insert_before_last_key(mapping: CommentedMap, key: str, value: Any, after: list[str]) -> None:
    """Add `key` after the first of `after` present, else before the mapping's last key.

    Never as the last key: the blank line that separates list items belongs to the last key.
    """
    keys = list(mapping)
    position = next((keys.index(k) + 1 for k in after if k in mapping), max(len(keys) - 1, 0))
    if position >= len(keys) and keys:
        position = len(keys) - 1
    mapping.insert(position, key, value)
