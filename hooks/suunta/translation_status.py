"""Which texts lack a language, and which translations are older than their source text.

A translation is outdated when the default-language text changed after it was translated. To
know that, `data/translations.lock.yml` keeps, per translated text, a short fingerprint of the
source text it was translated from. The data files stay as editors write them; the lock file
is written by `suunta translations` (`--import`, `--accept`) and committed beside the data.
A translation the lock file does not know is taken as current.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .cli_texts import say
from .loader import (
    ACCESSIBILITY_FILE,
    DOCUMENT_FILE,
    GOALS_FILE,
    STRATEGY_FILE,
    StrategyData,
)
from .translation_gaps import localized_texts
from .yaml_lines import (
    FieldPath,
    LocatedYaml,
    YamlReadError,
    decode_utf8,
    read_located_yaml,
    syntax_problem,
)

LOCK_FILE = "translations.lock.yml"
LOCK_HEADER = (
    "# Written by `suunta translations`: for each translated text, a fingerprint of the\n"
    "# default-language text it was translated from, so a changed source text shows as\n"
    "# outdated. Commit it with the data; do not edit it by hand.\n"
)
SOURCE_KEY = "source_language"


@dataclass(frozen=True)
class DataText:
    """One text written per language, where it is and what it says in each language."""

    file: Path
    name: str
    """The file relative to `data/`, with '/' (`measures/1-ict.yml`): the lock file's key."""
    field: str
    """A path that survives reordering: list items with an id are named by it."""
    line: int | None
    texts: dict[str, str]


@dataclass(frozen=True)
class TranslationProblem:
    text: DataText
    language: str
    outdated: bool
    """False: the text is missing in `language`; True: its translation is older than the source."""


def fingerprint(text: str) -> str:
    """Short and blind to re-wrapped lines: only a change of words makes a text outdated."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def data_texts(data: StrategyData, data_dir: Path) -> list[DataText]:
    """Every per-language text in `data/`, in file order."""
    found: list[DataText] = []
    singles: list[tuple[str, BaseModel | None]] = [
        (STRATEGY_FILE, data.strategy),
        (GOALS_FILE, data.goals),
        (DOCUMENT_FILE, data.document),
        (ACCESSIBILITY_FILE, data.accessibility),
    ]
    for name, model in singles:
        if model is not None:
            source = _located(data_dir / name)
            found += _texts(model, model, (), source, data_dir / name, data_dir)
    for item in data.measures:
        # The path starts at the file: a measure is item `index` of its `measures` list.
        root = {"measures": {item.index: item.measure}}
        start: FieldPath = ("measures", item.index)
        found += _texts(item.measure, root, start, item.source, item.source.file, data_dir)
    return found


def _located(file: Path) -> LocatedYaml | None:
    try:
        return read_located_yaml(file)
    except YamlReadError:  # already read once by the loader; lines are only a help here
        return None


def _texts(
    model: BaseModel,
    root: Any,
    start: FieldPath,
    source: LocatedYaml | None,
    file: Path,
    data_dir: Path,
) -> Iterator[DataText]:
    name = file.relative_to(data_dir).as_posix()
    for path, text in localized_texts(model, start):
        line = source.line_of(path) if source else None
        yield DataText(file, name, stable_path(root, path), line, dict(text.texts))


def stable_path(root: Any, path: FieldPath) -> str:
    """`measures[open-data].title`: a list item is named by its id when it has one, so the
    name survives reordering; other items by their number (from 1), as errors name them."""
    text, node = "", root
    for part in path:
        if isinstance(part, int):
            node = node[part]
            item_id = getattr(node, "id", None)
            named = isinstance(item_id, str) and not item_id.isdigit()
            text += f"[{item_id}]" if named else f"[{part + 1}]"
        else:
            node = node[part] if isinstance(node, dict) else getattr(node, part)
            text += f".{part}" if text else part
    return text


PATH_PART = re.compile(r"\.?([^.\[\]]+)|\[([^\]]+)\]")


def path_parts(field: str) -> list[str | int]:
    """`measures[open-data].title` → ['measures', 'open-data' as an id, 'title']; [3] → 2."""
    parts: list[str | int] = []
    for match in PATH_PART.finditer(field):
        if match[1] is not None:
            parts.append(match[1])
        elif match[2].isdigit():
            parts.append(int(match[2]) - 1)
        else:
            parts.append("[" + match[2])  # an id, marked so it is not read as a field name
    return parts


# The lock file --------------------------------------------------------------------------------

Lock = dict[str, dict[str, dict[str, str]]]
"""File → field → target language → fingerprint of the source text."""


def read_lock(data_dir: Path, source_language: str) -> Lock:
    """The fingerprints, or none when the file is missing or made for another source language."""
    path = data_dir / LOCK_FILE
    if not path.is_file():
        return {}
    loaded = _load_lock(path)
    if not isinstance(loaded, dict) or loaded.get(SOURCE_KEY) != source_language:
        return {}
    return {
        str(file): {str(f): dict(langs) for f, langs in fields.items() if isinstance(langs, dict)}
        for file, fields in loaded.items()
        if file != SOURCE_KEY and isinstance(fields, dict)
    }


class LockFileError(YamlReadError):
    """The lock file cannot be read (a merge conflict, broken YAML): where, in plain words."""


CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7})(\s|$)", re.MULTILINE)
"""The lines git leaves where two branches changed the same fingerprints."""


def _load_lock(path: Path) -> Any:
    """The lock file's YAML; told by line, as two branches that both translated often meet here."""
    try:
        text = decode_utf8(path, path.read_bytes())
    except YamlReadError as error:
        raise LockFileError(path, error.line, error.message) from None
    conflict = CONFLICT_MARKER.search(text)
    if conflict is not None:
        line = text.count("\n", 0, conflict.start()) + 1
        raise LockFileError(path, line, say("translations.lock_conflict"))
    try:
        return yaml.safe_load(text) or {}
    except yaml.MarkedYAMLError as error:
        raise LockFileError(path, *syntax_problem(error, text)) from None
    except yaml.YAMLError:
        raise LockFileError(path, None, say("data_errors.yaml.file_not_valid")) from None


def write_lock(data_dir: Path, source_language: str, lock: Lock) -> Path:
    path = data_dir / LOCK_FILE
    content: dict[str, Any] = {SOURCE_KEY: source_language}
    content |= {
        file: {field: dict(sorted(langs.items())) for field, langs in sorted(fields.items())}
        for file, fields in sorted(lock.items())
        if fields
    }
    text = LOCK_HEADER + yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=200)
    path.write_text(text, "utf-8")
    return path


def translation_problems(
    texts: list[DataText], languages: list[str], lock: Lock
) -> list[TranslationProblem]:
    """Missing languages first for each text, then translations older than the source."""
    problems = []
    source = languages[0]
    for text in texts:
        for language in languages:
            if language not in text.texts:
                problems.append(TranslationProblem(text, language, outdated=False))
            elif language != source and source in text.texts:
                known = lock.get(text.name, {}).get(text.field, {}).get(language)
                if known is not None and known != fingerprint(text.texts[source]):
                    problems.append(TranslationProblem(text, language, outdated=True))
    return problems


def accepted(texts: list[DataText], languages: list[str]) -> Lock:
    """Fingerprints for every translation as it is now: the editor says they are current."""
    lock: Lock = {}
    source = languages[0]
    for text in texts:
        if source not in text.texts:
            continue
        for language in languages[1:]:
            if language in text.texts:
                lock.setdefault(text.name, {}).setdefault(text.field, {})[language] = fingerprint(
                    text.texts[source]
                )
    return lock
