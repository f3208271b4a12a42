"""Reads YAML and remembers on which line every value stands, so errors can point at it.

The words of every problem come from `cli_texts` (section `data_errors.yaml`), told when the
problem is found, so `suunta check --lang fi` speaks Finnish and a MkDocs build English.

Editors' files are read defensively: the file must be a regular file of UTF-8 text, and the
YAML features that could make the tools hang or crash (tags, merges, nesting deeper than any
Suunta file needs, aliases that repeat a value inside itself or a billion times) are refused
from the parser's events, before anything is composed or expanded.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from .cli_texts import number_text, say
from .errors import echo

FieldPath = tuple[str | int, ...]

MAX_DEPTH = 30
"""Deepest nesting of lists and fields allowed; Suunta's own files need fewer than ten."""

MAX_VALUES = 250_000
"""Most values one file may stand for, counting what aliases repeat; 1,000 measures are 40,000."""

MAX_FILE_BYTES = 5_000_000
"""Largest data file read; a thousand measures take well under a megabyte."""

MERGE_TAG = "tag:yaml.org,2002:merge"
STR_TAG = "tag:yaml.org,2002:str"

# What YAML itself refuses (https://yaml.org/spec/1.1/#id868524), found before parsing so the
# message can name the character and its line.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _say(key: str, **values: Any) -> str:
    return say(f"data_errors.{key}", **values)


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


class YamlReadError(Exception):
    """The file cannot be read as Suunta data; `line` is 1-based, None when not known."""

    def __init__(self, file: Path, line: int | None, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.message = message


class _Refused(yaml.MarkedYAMLError):
    """A YAML feature Suunta refuses, at the mark where it is written; `problem` is plain words."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _Safe:
    """The constructor's part of loading: a value PyYAML recognises but cannot build (such as
    2026-02-30, or a number of 5,000 digits) becomes a located problem, not a traceback."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return SafeConstructor.construct_object(self, node, deep)  # type: ignore[arg-type]
        except yaml.MarkedYAMLError:
            raise
        except (ValueError, OverflowError, TypeError):
            raise _Refused(_value_problem(node), node.start_mark) from None


class _PythonLoader(_Safe, yaml.SafeLoader):
    """PyYAML's own parser and composer: the reference, and the fallback without libyaml."""


class _CLoader(_Safe, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml parses and composes, about eight times faster than PyYAML's own code."""


LOADER: type[Any] = _CLoader if getattr(yaml, "__with_libyaml__", False) else _PythonLoader
"""The loader used; tests swap in `_PythonLoader` to check both give the same."""


class _Scope:
    """An open list or mapping while the events are checked: what it stands for so far."""

    __slots__ = ("anchor", "height", "mark", "size")

    def __init__(self, anchor: str | None, mark: Any) -> None:
        self.anchor = anchor
        self.mark = mark
        self.size = 1
        self.height = 0


def _check_events(parser: Any) -> None:
    """Refuse what could make loading hang or crash, from the parser's events alone.

    An alias (`*name`) repeats an earlier anchored value (`&name`) without copying it, so a
    few lines can stand for billions of values ("billion laughs") or for a value inside itself.
    Each value's expanded size and height are counted here, before anything is composed, so
    such a file is refused at its mark; tags are refused and nesting is limited too.
    """
    open_scopes: list[_Scope] = []
    anchors: dict[str, tuple[int, int]] = {}
    while parser.check_event():
        event = parser.get_event()
        if isinstance(event, yaml.CollectionEndEvent):
            scope = open_scopes.pop()
            if scope.anchor is not None:
                anchors[scope.anchor] = (scope.size, scope.height + 1)
            _add(open_scopes, scope.size, scope.height + 1)
        elif isinstance(event, yaml.AliasEvent):
            _add(open_scopes, *_aliased(event, anchors, open_scopes))
        elif isinstance(event, yaml.NodeEvent):
            _check_node(event, anchors)
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_scopes) >= MAX_DEPTH:
                    raise _Refused(_depth_message(), event.start_mark)
                open_scopes.append(_Scope(event.anchor, event.start_mark))
            else:
                if event.anchor is not None:
                    anchors[event.anchor] = (1, 0)
                _add(open_scopes, 1, 0)


def _check_node(event: Any, anchors: dict[str, tuple[int, int]]) -> None:
    if event.tag is not None:
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(_say("yaml.tag", tag=echo(tag)), event.start_mark)
    if event.anchor is not None and event.anchor in anchors:
        raise _Refused(_say("yaml.anchor_twice", name=echo(event.anchor)), event.start_mark)


def _aliased(
    event: Any, anchors: dict[str, tuple[int, int]], open_scopes: list[_Scope]
) -> tuple[int, int]:
    """The size and height of the value an alias repeats, if it may repeat it here."""
    name = echo(event.anchor)
    if any(scope.anchor == event.anchor for scope in open_scopes):
        raise _Refused(_say("yaml.alias_inside", name=name), event.start_mark)
    if event.anchor not in anchors:
        raise _Refused(_say("yaml.alias_unknown", name=name), event.start_mark)
    size, height = anchors[event.anchor]
    if len(open_scopes) + height > MAX_DEPTH:
        raise _Refused(_depth_message(), event.start_mark)
    return size, height


def _add(open_scopes: list[_Scope], size: int, height: int) -> None:
    """Count a finished value into the list or mapping it stands in."""
    if not open_scopes:
        return
    scope = open_scopes[-1]
    scope.size += size
    scope.height = max(scope.height, height)
    if scope.size > MAX_VALUES:
        raise _Refused(_say("yaml.too_many_values", limit=number_text(MAX_VALUES)), scope.mark)


def _depth_message() -> str:
    return _say("yaml.too_deep", limit=MAX_DEPTH)


def _value_problem(node: yaml.Node) -> str:
    """Words for a value PyYAML recognised but could not build, such as 2026-02-30."""
    value = echo(node.value) if isinstance(node, yaml.ScalarNode) else _say("yaml.this_value")
    if node.tag == "tag:yaml.org,2002:timestamp":
        return _say("yaml.date_not_real", value=value)
    if node.tag == "tag:yaml.org,2002:int":
        return _say("yaml.number_too_long", value=value)
    return _say("yaml.value_unreadable", value=value)


def read_located_yaml(file: Path) -> LocatedYaml:
    """Parse `file` with PyYAML's safe constructors, keeping a line per field path."""
    text = _decode(file, _read_regular_file(file))
    _check_printable(file, text)
    checker, loader = LOADER(text), LOADER(text)
    try:
        _check_events(checker)
        node = loader.get_single_node()
        lines: dict[FieldPath, int] = {}
        if node is not None:
            _record_lines(file, node, (), lines)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or _say("yaml.text_not_valid")
        if isinstance(error, _Refused):
            raise YamlReadError(file, line, problem) from None
        told = f"{error.context or ''} {problem}".strip()
        raise YamlReadError(file, line, _plain_syntax_message(told, text, line)) from None
    except yaml.YAMLError:
        raise YamlReadError(file, None, _say("yaml.file_not_valid")) from None
    finally:
        checker.dispose()
        loader.dispose()
    return LocatedYaml(file=file, data=data, lines=lines)


def _read_regular_file(file: Path) -> bytes:
    """The file's bytes; a FIFO or a device is never opened (reading one could block forever)."""
    try:
        if not stat.S_ISREG(os.stat(file).st_mode):
            raise YamlReadError(file, None, not_regular_message(file))
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening returns.
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        if file.is_symlink():
            raise YamlReadError(file, None, not_regular_message(file)) from None
        raise YamlReadError(file, None, _say("yaml.missing")) from None
    except OSError as error:
        raise YamlReadError(file, None, _cannot_read(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise YamlReadError(file, None, not_regular_message(file))
        with os.fdopen(handle, "rb", closefd=False) as stream:
            content = stream.read(MAX_FILE_BYTES + 1)  # a bound, should the file be growing
    except OSError as error:
        raise YamlReadError(file, None, _cannot_read(error)) from None
    finally:
        os.close(handle)
    if len(content) > MAX_FILE_BYTES:
        raise YamlReadError(file, None, _too_large_message())
    return content


def _cannot_read(error: OSError) -> str:
    return _say("yaml.cannot_read", reason=error.strerror)


def not_regular_message(file: Path) -> str:
    """Why a data path that is a folder, a link to nothing or a device is not read."""
    if file.is_symlink() and not file.exists():
        key = "yaml.not_regular_link"
    elif file.is_dir():
        key = "yaml.not_regular_folder"
    else:
        key = "yaml.not_regular_special"
    return _say(key, name=echo(file.name))


def _too_large_message() -> str:
    return _say("yaml.too_large", megabytes=MAX_FILE_BYTES // 1_000_000)


def _decode(file: Path, content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        guess = content[error.start : error.start + 1].decode("cp1252", errors="replace")
        raise YamlReadError(file, line, _say("yaml.not_utf8", guess=guess)) from None


def _check_printable(file: Path, text: str) -> None:
    found = _NOT_PRINTABLE.search(text)
    if found is None:
        return
    line = _line_at(text, found.start())
    code = f"U+{ord(found.group()):04X}"
    raise YamlReadError(file, line, _say("yaml.control_character", code=code))


def _line_at(text: str, index: int) -> int:
    """The 1-based line of `index`, counting line breaks as YAML does."""
    before = text[:index].replace("\r\n", "\n")
    return len(re.findall("[\n\r\x85\u2028\u2029]", before)) + 1


def _record_lines(
    file: Path, node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]
) -> None:
    """Note each value's line, refusing keys written twice and merges (`<<`)."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == MERGE_TAG:
                raise YamlReadError(file, line, _say("yaml.merge"))
            key = _key_text(file, key_node)
            if key in seen:
                # PyYAML would silently keep the last one; an editor should know.
                raise YamlReadError(
                    file, line, _say("yaml.key_twice", name=echo(key, quote=True), first=seen[key])
                )
            seen[key] = line
            _record_lines(file, value_node, (*path, key), lines)
            # The key's own line is more useful than the value's (a block starts below it).
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(file, item, (*path, index), lines)


def _key_text(file: Path, key_node: yaml.Node) -> str:
    """A field name; one YAML would read as a number, date or yes/no value is refused."""
    if isinstance(key_node, yaml.ScalarNode) and key_node.tag == STR_TAG:
        return str(key_node.value)
    line = key_node.start_mark.line + 1
    if not isinstance(key_node, yaml.ScalarNode):
        raise YamlReadError(file, line, _say("yaml.key_not_a_word"))
    raise YamlReadError(
        file, line, _say("yaml.key_not_text", name=echo(key_node.value, quote=True))
    )


SYNTAX_HINTS = {
    # What PyYAML or libyaml said (its words, in English), mapped to the key of a hint in
    # `data_errors.yaml.hint`. What YAML was reading when it stopped comes first: it says
    # more than the problem's words.
    "while scanning an anchor": "anchor",
    "while scanning an alias": "alias",
    "a tag": "tag",
    "while scanning a block scalar": "block_text",
    "directive": "directive",
    "document start": "outside_fields",
    "sequence entries are not allowed": "list_item_misplaced",
    "mapping keys are not allowed": "colon_misplaced",
    "found unexpected ':'": "colon_misplaced",
    "node content": "value_missing",
    "mapping values are not allowed": "colon_misplaced",
    "could not find expected ':'": "colon_missing",
    "found character '\\t'": "tab",
    "tab character": "tab",
    "expected <block end>": "indentation",
    "did not find expected key": "indentation",
    "did not find expected '-' indicator": "list_and_fields",
    "expected ',' or ']'": "list_not_closed",
    "expected ',' or '}'": "fields_not_closed",
    "found unexpected end of stream": "quote_not_closed",
    "unknown escape character": "unknown_escape",
    "found another document": "second_document",
    "cannot start any token": "reserved_character",
    "found unhashable key": "key_not_a_word",
    "while parsing a flow": "brackets",
    "found duplicate anchor": "anchor_twice",
}
"""PyYAML's words for a syntax error, and the hint an editor gets for them."""


def _plain_syntax_message(problem: str, text: str, line: int | None) -> str:
    if "maximum nesting depth" in problem:  # libyaml's own limit, met before ours
        return _depth_message()
    if "cannot start any token" in problem and line and _has_tab(text, line):
        problem = "tab character"
    for known, hint in SYNTAX_HINTS.items():
        if known in problem:
            return _say("yaml.syntax", hint=_say(f"yaml.hint.{hint}"))
    return _say("yaml.syntax_unknown", problem=echo(problem))


def _has_tab(text: str, line: int) -> bool:
    lines = text.splitlines()
    return 0 < line <= len(lines) and "\t" in lines[line - 1]
