"""Data errors told in words an editor understands: file, line, field and what was expected.

The words around each problem come from `cli_texts` (section `data_errors`), so `suunta check
--lang fi` speaks Finnish; inside a MkDocs build they stay English (the default).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cli_texts import say

ECHO_LIMIT = 60
"""How many characters of an editor's value a message repeats; the line shows the rest."""

_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def echo(value: Any, quote: bool = False) -> str:
    """A value as a message repeats it: shortened, and invisible characters shown as U+XXXX.

    A pasted megabyte or a stray control character must not make the message unreadable.
    """
    text = value if isinstance(value, str) else _yaml_word(value)
    if len(text) > ECHO_LIMIT:
        text = text[:ECHO_LIMIT] + "…"
    text = _INVISIBLE.sub(lambda found: f"[U+{ord(found.group()):04X}]", text)
    return f"'{text}'" if quote else text


def _yaml_word(value: Any) -> str:
    """How the editor wrote it: `true`, not Python's `True`; nothing for None."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return say("data_errors.found.nothing")
    return str(value)


class ValueProblem(ValueError):
    """A schema check's finding, told in the language chosen when it is shown.

    Raised inside the pydantic models (pydantic wraps a `ValueError` as a `value_error`),
    it carries a `data_errors` message key and its values rather than finished words, so
    `validation_messages` renders it through `say()` in the editor's language.
    """

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    def __str__(self) -> str:
        return say(f"data_errors.{self.key}", **self.values)


@dataclass(frozen=True)
class DataProblem:
    """One mistake in one data file."""

    file: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return self.describe()

    def describe(self, root: Path | None = None) -> str:
        """The problem in one line; paths relative to `root` (the project folder) when given."""
        file = self.file
        if root is not None and file.is_absolute() and file.is_relative_to(root):
            file = file.relative_to(root)
        where = say("data_errors.line", file=file, line=self.line) if self.line else f"{file}"
        field = say("data_errors.field", field=self.field) if self.field else ""
        return f"{where}{field}: {self.message}"


class DataError(Exception):
    """The data cannot be published as it is; carries every problem found, not just the first."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, root: Path | None = None) -> str:
        count = len(self.problems)
        heading = say(
            "data_errors.heading_one" if count == 1 else "data_errors.heading_many", count=count
        )
        return "\n".join([heading, *(f"  - {problem.describe(root)}" for problem in self.problems)])
