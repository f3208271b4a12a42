"""Reads YAML and remembers on which line every value stands, so errors can point at it.

The words of every problem come from `cli_texts` (section `data_errors.yaml`), told when the
problem is found, so `suunta check --lang fi` speaks Finnish and a MkDocs build English.

Editors' files are read defensively: the file must be a regular file of UTF-8 text, and the
YAML features that could make the tools hang or crash (tags, merges, nesting deeper than any
Suunta file needs, aliases that repeat a value inside itself or a billion times) are refused
from the parser's events, before what they stand for is built. Values are built from the
events in the same pass (no node tree: a third of the time and memory of composing one).
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
    """A parsed YAML document and the 1-based line of each value, keyed by its field path.

    A value an alias (`*name`) repeats is located where it is written: `aliases` maps the
    path of each alias of a list or mapping to the path of the anchored value (`&name`), so
    the lines inside are not copied for every repetition.
    """

    file: Path
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    aliases: dict[FieldPath, FieldPath] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of `path`, or of its nearest parent that exists (a missing field's parent)."""
        path = tuple(path)
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is None and end > 1:
                line = self.lines.get(self._written_at(path[:end]))
            if line is not None:
                return line
        return None

    def _written_at(self, path: FieldPath) -> FieldPath:
        """`path`, or where its value is written when it lies inside an alias's repetition.

        An anchor comes before its aliases and cannot hold itself, so this ends."""
        for end in range(len(path) - 1, 0, -1):
            anchored = self.aliases.get(path[:end])
            if anchored is not None:
                return self._written_at(anchored + path[end:])
        return path


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
    """PyYAML's own parser: the reference, and the fallback without libyaml."""


class _CLoader(_Safe, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml parses, several times faster than PyYAML's own code."""


LOADER: type[Any] = _CLoader if getattr(yaml, "__with_libyaml__", False) else _PythonLoader
"""The loader used; tests swap in `_PythonLoader` to check both give the same."""


class _Open:
    """A list or mapping being read: its value so far, where it stands, what it stands for.

    `size` counts the values it stands for, what aliases repeat included, and `height` how
    deep it nests (for the limits); a mapping also holds the key whose value comes next.
    """

    __slots__ = (
        "anchor",
        "height",
        "key",
        "key_line",
        "mark",
        "path",
        "seen",
        "size",
        "value",
    )

    def __init__(self, value: Any, path: FieldPath, anchor: str | None, mark: Any) -> None:
        self.value = value
        self.path = path
        self.anchor = anchor
        self.mark = mark
        self.size = 1
        self.height = 0
        self.key: str | None = None
        self.key_line = 0
        self.seen: dict[str, int] = {}


@dataclass(frozen=True)
class _Anchor:
    """What an anchor (`&name`) stands for, for the aliases (`*name`) that repeat it."""

    value: Any
    size: int
    height: int
    line: int
    path: FieldPath | None
    """Where a list or mapping is written (its aliases' inner lines are found there)."""
    key_text: str | None
    """The value as a field name, when it is a text; None for anything else."""
    scalar_text: str | None
    """The value as written, when it is a single value (for the message of a refused key)."""


class _Reader:
    """Turns the parser's events into values and lines in one pass, refusing as it goes.

    No node tree is built (for 1,000 measures it was 24 MiB), and every check is made on the
    events before anything they stand for is built: an alias (`*name`) repeats an earlier
    anchored value (`&name`) without copying it, so a few lines could stand for billions of
    values ("billion laughs") or for a value inside itself; each value's expanded size and
    height are counted, tags and merges are refused, nesting is limited, and field names
    must be text written once.
    """

    def __init__(self, file: Path, loader: Any) -> None:
        self.file = file
        self.loader = loader
        self.lines: dict[FieldPath, int] = {}
        self.aliases: dict[FieldPath, FieldPath] = {}
        self.anchors: dict[str, _Anchor] = {}
        self.open: list[_Open] = []
        self.key_problem: YamlReadError | None = None
        self.value_problem: yaml.MarkedYAMLError | None = None

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # the stream's start
        if loader.check_event(yaml.StreamEndEvent):
            loader.get_event()
            return None
        start = loader.get_event()
        root: list[Any] = []
        self.open.append(_Open(root, (), None, start.start_mark))  # the document, no level
        while not loader.check_event(yaml.DocumentEndEvent):
            self._event(loader.get_event())
        loader.get_event()
        if not loader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                start.start_mark,
                "but found another document",
                loader.get_event().start_mark,
            )
        loader.get_event()
        # Told in the order the old two passes found them: what the events alone show (syntax,
        # tags, aliases, limits) first, as a broken bracket makes later "keys" of its text;
        # then the first field name problem; then the first value that cannot be built.
        if self.key_problem is not None:
            raise self.key_problem
        if self.value_problem is not None:
            raise self.value_problem
        return root[0]

    def _event(self, event: Any) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._check_node(event)
            line = event.start_mark.line + 1
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            if self._is_key():
                self._key(line, event.value if tag == STR_TAG else None, event.value, tag)
                self._count(1, 0)
                self._anchor_scalar(event, event.value, line, tag)
                return
            value = event.value if tag == STR_TAG else self._construct(event, tag)
            self._anchor_scalar(event, value, line, tag)
            self._place(value, line, 1, 0)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check_node(event)
            line = event.start_mark.line + 1
            if self._is_key():
                self._bad_key(line, _say("yaml.key_not_a_word"))
            if len(self.open) - 1 >= MAX_DEPTH:
                raise _Refused(_depth_message(), event.start_mark)
            container: Any = {} if kind is yaml.MappingStartEvent else []
            path = self._next_path()
            self._attach(container, path, line)
            self.open.append(_Open(container, path, event.anchor, event.start_mark))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            scope = self.open.pop()
            if scope.anchor is not None:
                self.anchors[scope.anchor] = _Anchor(
                    scope.value,
                    scope.size,
                    scope.height + 1,
                    self.lines[scope.path],
                    scope.path,
                    None,
                    None,
                )
            self._count(scope.size, scope.height + 1)
            self._finish(scope.path)
        elif kind is yaml.AliasEvent:
            anchor = self._aliased(event)
            if self._is_key():
                line = event.start_mark.line + 1
                if anchor.scalar_text is None:
                    self._bad_key(line, _say("yaml.key_not_a_word"))
                else:
                    self._key(line, anchor.key_text, anchor.scalar_text, None)
                self._count(anchor.size, anchor.height)
                return
            self._count(anchor.size, anchor.height)  # before anything is repeated
            path = self._next_path()
            self._attach(anchor.value, path, anchor.line)
            if anchor.path is not None:
                self.aliases[path] = anchor.path
            self._finish(path)
        else:  # pragma: no cover - the parser gives no other event inside a document
            raise yaml.YAMLError(f"unexpected {event}")

    def _is_key(self) -> bool:
        scope = self.open[-1]
        return isinstance(scope.value, dict) and scope.key is None

    def _key(self, line: int, text: str | None, written: str, tag: str | None) -> None:
        """A field name: text, written once, not a merge (`<<`)."""
        if tag == MERGE_TAG:
            return self._bad_key(line, _say("yaml.merge"))
        if text is None:
            return self._bad_key(line, _say("yaml.key_not_text", name=echo(written, quote=True)))
        scope = self.open[-1]
        if text in scope.seen:
            # PyYAML would silently keep the last one; an editor should know.
            first = scope.seen[text]
            return self._bad_key(
                line, _say("yaml.key_twice", name=echo(text, quote=True), first=first)
            )
        scope.seen[text] = line
        scope.key = text
        scope.key_line = line
        return None

    def _bad_key(self, line: int, message: str) -> None:
        """Remember the first field name problem and read on under a stand-in name: a later
        syntax error is what an editor needs to hear first."""
        if self.key_problem is None:
            self.key_problem = YamlReadError(self.file, line, message)
        scope = self.open[-1]
        scope.key = object()  # type: ignore[assignment]
        scope.key_line = line

    def _next_path(self) -> FieldPath:
        scope = self.open[-1]
        if isinstance(scope.value, dict):
            return (*scope.path, scope.key)  # type: ignore[arg-type]
        if len(self.open) == 1:
            return ()
        return (*scope.path, len(scope.value))

    def _attach(self, value: Any, path: FieldPath, line: int) -> None:
        scope = self.open[-1]
        if isinstance(scope.value, dict):
            scope.value[scope.key] = value
        else:
            scope.value.append(value)
        self.lines[path] = line

    def _place(self, value: Any, line: int, size: int, height: int) -> None:
        path = self._next_path()
        self._attach(value, path, line)
        self._count(size, height)
        self._finish(path)

    def _finish(self, path: FieldPath) -> None:
        """A value is complete: in a mapping, its field's line is the key's (a block starts
        below it) and the next event is a key again."""
        scope = self.open[-1]
        if isinstance(scope.value, dict):
            self.lines[path] = scope.key_line
            scope.key = None

    def _count(self, size: int, height: int) -> None:
        """Count a finished value into the list or mapping it stands in."""
        scope = self.open[-1]
        scope.size += size
        scope.height = max(scope.height, height)
        if scope.size > MAX_VALUES and len(self.open) > 1:
            raise _Refused(_say("yaml.too_many_values", limit=number_text(MAX_VALUES)), scope.mark)

    def _anchor_scalar(self, event: Any, value: Any, line: int, tag: str) -> None:
        if event.anchor is not None:
            text = value if tag == STR_TAG else None
            self.anchors[event.anchor] = _Anchor(value, 1, 0, line, None, text, event.value)

    def _construct(self, event: Any, tag: str) -> Any:
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.loader.construct_object(node)
        except yaml.MarkedYAMLError as problem:
            self.value_problem = self.value_problem or problem
            return None

    def _check_node(self, event: Any) -> None:
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(_say("yaml.tag", tag=echo(tag)), event.start_mark)
        if event.anchor is not None and (
            event.anchor in self.anchors or any(s.anchor == event.anchor for s in self.open)
        ):
            raise _Refused(_say("yaml.anchor_twice", name=echo(event.anchor)), event.start_mark)

    def _aliased(self, event: Any) -> _Anchor:
        """What an alias repeats, if it may repeat it here."""
        name = echo(event.anchor)
        if any(scope.anchor == event.anchor for scope in self.open):
            raise _Refused(_say("yaml.alias_inside", name=name), event.start_mark)
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise _Refused(_say("yaml.alias_unknown", name=name), event.start_mark)
        if len(self.open) - 1 + anchor.height > MAX_DEPTH:
            raise _Refused(_depth_message(), event.start_mark)
        return anchor


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


def read_located_yaml(file: Path, raw: bytes | None = None) -> LocatedYaml:
    """Parse `file` (its bytes `raw`, when already read) with PyYAML's safe constructors,
    keeping a line per field path."""
    text = decode_utf8(file, _read_regular_file(file) if raw is None else raw)
    _check_printable(file, text)
    loader = LOADER(text)
    reader = _Reader(file, loader)
    try:
        data = reader.document()
    except _Refused as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise YamlReadError(file, line, error.problem or _say("yaml.text_not_valid")) from None
    except yaml.MarkedYAMLError as error:
        raise YamlReadError(file, *syntax_problem(error, text)) from None
    except yaml.YAMLError:
        raise YamlReadError(file, None, _say("yaml.file_not_valid")) from None
    finally:
        loader.dispose()
    return LocatedYaml(file=file, data=data, lines=reader.lines, aliases=reader.aliases)


def regular_file_bytes(file: Path) -> bytes | None:
    """The bytes of `file` if it is a regular file that can be read, else None."""
    try:
        return _read_regular_file(file)
    except (YamlReadError, OSError):
        return None


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


def decode_utf8(file: Path, content: bytes) -> str:
    """`content` as UTF-8 (a byte order mark stays, YAML skips it); else the line and a hint."""
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


def syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line of a YAML syntax error in `text` and a hint in the editor's words.

    Shared with `site_config`, so a broken mkdocs.yml is told the way a broken data file is.
    A bracket never closed is named where it opens: PyYAML notices on a later line, which
    is often valid.
    """
    unclosed = "while parsing a flow" in (error.context or "") and error.context_mark
    mark = error.context_mark if unclosed else (error.problem_mark or error.context_mark)
    line = mark.line + 1 if mark else None
    problem = error.problem or _say("yaml.text_not_valid")
    told = f"{error.context or ''} {problem}".strip()
    return line, _plain_syntax_message(told, text, line)


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
