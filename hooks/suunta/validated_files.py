"""Under `mkdocs serve`, a data file whose bytes did not change is not read and validated again.

An editor saves one file of several (the measures are usually a file per goal); reading and
validating every file again was a sixth of generating after an edit. A file is kept with the
schema objects it validated into; the same bytes give back the same objects, which the render
memo has digested already (render_memo.py). Only files that validated are kept: a file with
problems is read again, so its messages are always those of its present text. The checks
across files (ids, goals named by measures) run every time.

Only a serving process keeps them (`served_files`), like the render memo.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .yaml_lines import LocatedYaml

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class _Validated:
    raw: bytes
    parsed: BaseModel
    located: LocatedYaml


class ValidatedFiles:
    """Data files as last validated, by path, schema and languages."""

    def __init__(self) -> None:
        self._files: dict[tuple[Path, str, tuple[str, ...]], _Validated] = {}

    def get(
        self, file: Path, model: type[M], languages: tuple[str, ...], raw: bytes
    ) -> tuple[M, LocatedYaml] | None:
        """The objects `file` validated into when it held `raw`, or None."""
        kept = self._files.get((file, model.__qualname__, languages))
        if kept is None or kept.raw != raw or not isinstance(kept.parsed, model):
            return None
        return kept.parsed, kept.located

    def keep(
        self,
        file: Path,
        model: type[BaseModel],
        languages: tuple[str, ...],
        raw: bytes,
        parsed: BaseModel,
        located: LocatedYaml,
    ) -> None:
        self._files[(file, model.__qualname__, languages)] = _Validated(raw, parsed, located)


_SERVED = ValidatedFiles()


def served_files() -> ValidatedFiles:
    """The validated files of this serving process."""
    return _SERVED
