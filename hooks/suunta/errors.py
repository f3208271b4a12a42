"""Data errors told in words an editor understands: file, line, field and what was expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        where = f"{file}, line {self.line}" if self.line else f"{file}"
        field = f", field '{self.field}'" if self.field else ""
        return f"{where}{field}: {self.message}"


class DataError(Exception):
    """The data cannot be published as it is; carries every problem found, not just the first."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = problems
        super().__init__(self.report())

    def report(self, root: Path | None = None) -> str:
        count = len(self.problems)
        heading = (
            "The strategy data has 1 problem; nothing was built."
            if count == 1
            else f"The strategy data has {count} problems; nothing was built."
        )
        return "\n".join([heading, *(f"  - {problem.describe(root)}" for problem in self.problems)])
