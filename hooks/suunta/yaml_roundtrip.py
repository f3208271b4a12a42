"""Edits data files in place, keeping the editor's comments, key order, quotes and layout.

Tools that add to the data (progress updates, translations) must change only what they add:
an editor reviews the change as a small diff. Reading for validation stays in `yaml_lines`;
this module is only for writing back.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

WIDTH = 4096
"""Never re-wrap an editor's long lines."""


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


def save(path: Path, data: Any) -> None:
    """Write `data` back, with the file's own line endings (an editor on Windows keeps CRLF)."""
    text = dumps(data)
    if b"\r\n" in path.read_bytes():
        text = text.replace("\n", "\r\n")
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


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
