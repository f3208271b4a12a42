"""Reads YAML and remembers on which line every value stands, so errors can point at it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

FieldPath = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """A parsed YAML document and the 1-based line of each value, keyed by its field path."""

    file: Path
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of `path`, or of its nearest parent that exists (a missing field's parent)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


class YamlSyntaxError(Exception):
    """The file is not valid YAML; `line` is 1-based."""

    def __init__(self, file: Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.message = message


def read_located_yaml(file: Path) -> LocatedYaml:
    """Parse `file` with PyYAML's safe constructors, keeping a line per field path."""
    text = file.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or "the text is not valid YAML"
        raise YamlSyntaxError(file, line, _plain_syntax_message(problem)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(file, None, str(error)) from None
    finally:
        loader.dispose()
    located = LocatedYaml(file=file, data=data)
    if node is not None:
        _record_lines(file, node, (), located.lines)
    return located


def _record_lines(
    file: Path, node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML would silently keep the last one; an editor should know.
                raise YamlSyntaxError(
                    file,
                    line,
                    f"the field '{key}' is written twice here (first on line {seen[key]})",
                )
            seen[key] = line
            _record_lines(file, value_node, (*path, key), lines)
            # The key's own line is more useful than the value's (a block starts below it).
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(file, item, (*path, index), lines)


def _plain_syntax_message(problem: str) -> str:
    hints = {
        "mapping values are not allowed here": (
            "a colon (:) stands where it is not allowed; put text that contains ': ' in quotes"
        ),
        "could not find expected ':'": "a line is missing its colon (:) after the field name",
        "found character '\\t' that cannot start any token": (
            "a tab character is used for indenting; use spaces"
        ),
    }
    for known, hint in hints.items():
        if known in problem:
            return f"the file is not valid YAML: {hint}"
    return f"the file is not valid YAML: {problem}"
