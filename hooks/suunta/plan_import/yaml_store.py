"""Data files read and written with ruamel.yaml's round trip, so an import changes only the
values it means to change: comments, key order, quoting and folded texts stay as written."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..yaml_roundtrip import round_trip_yaml
from .grid import PlanFileError


@dataclass
class YamlFile:
    path: Path
    original: str | None
    """The text as read; None for a file the import creates."""
    data: Any
    touched: bool | None = None
    """False while the import has changed nothing in it (then it is not even written out);
    None when unknown: it is saved when its text differs from the text as read."""

    @classmethod
    def read(cls, path: Path) -> YamlFile:
        try:
            text = path.read_text(encoding="utf-8")
            data = round_trip_yaml().load(text)
        except (OSError, UnicodeDecodeError, YAMLError):
            raise PlanFileError("import.error.unreadable_data", file=str(path)) from None
        return cls(path, text, data)

    def text(self) -> str:
        out = io.StringIO()
        round_trip_yaml().dump(self.data, out)
        return out.getvalue()

    def changed_text(self) -> str | None:
        """The text to write, or None when the import left the file as it was."""
        if self.touched is False:
            return None
        text = self.text()
        return None if text == self.original else text


def flow_map(**values: Any) -> CommentedMap:
    mapping = CommentedMap(values)
    mapping.fa.set_flow_style()
    return mapping


def flow_seq(items: list[Any]) -> CommentedSeq:
    sequence = CommentedSeq(items)
    sequence.fa.set_flow_style()
    return sequence


def block_map(values: dict[str, Any]) -> CommentedMap:
    return CommentedMap(values)


def squeezed(value: Any) -> str | None:
    return " ".join(str(value).split()) if value is not None else None


def text_of(value: Any, language: str) -> str | None:
    if isinstance(value, dict):
        return squeezed(value.get(language))
    return squeezed(value) if isinstance(value, str) else None


def set_text(data: CommentedMap, name: str, language: str, text: str | None) -> None:
    current = data.get(name)
    if text is None:
        if isinstance(current, dict) and language in current:
            del current[language]
            if not current:
                del data[name]
        return
    if isinstance(current, dict):
        if squeezed(current.get(language)) != text:
            current[language] = text
    else:
        put_value(data, name, block_map({language: text}))


def replace_value(data: CommentedMap, name: str, value: Any) -> None:
    if value is None:
        data.pop(name, None)
    else:
        put_value(data, name, value)


def put_value(data: CommentedMap, name: str, value: Any, after: str | None = None) -> None:
    if name in data or after not in data:
        data[name] = value
    else:
        data.insert(list(data).index(after) + 1, name, value)
