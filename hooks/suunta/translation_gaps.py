"""Finds texts that lack a language, so the build can warn (and `--strict` fail) about them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .cli_texts import say
from .errors import DataProblem
from .schema import Localized
from .validation_messages import format_path
from .yaml_lines import FieldPath, LocatedYaml


def translation_gaps(
    value: BaseModel, source: LocatedYaml, languages: list[str], path: FieldPath = ()
) -> list[DataProblem]:
    """Every `Localized` text under `value` that has no text in one of `languages`."""
    gaps: list[DataProblem] = []
    for name, child in localized_texts(value, path):
        missing = missing_languages(child, languages)
        if missing:
            gaps.append(
                DataProblem(
                    source.file,
                    source.line_of(name),
                    format_path(name),
                    say(
                        "data_errors.translation_gap",
                        missing=", ".join(missing),
                        shown=", ".join(child.texts),
                    ),
                )
            )
    return gaps


def missing_languages(text: Localized, languages: list[str]) -> list[str]:
    return [lang for lang in languages if lang not in text.texts]


def localized_texts(
    value: BaseModel, path: FieldPath = ()
) -> Iterator[tuple[FieldPath, Localized]]:
    """Every text written per language under `value`, with its field path."""
    for name, child in _children(value, path):
        if isinstance(child, Localized):
            yield name, child
        elif isinstance(child, BaseModel):
            yield from localized_texts(child, name)


def _children(value: BaseModel, path: FieldPath) -> list[tuple[FieldPath, Any]]:
    found: list[tuple[FieldPath, Any]] = []
    for field in type(value).model_fields:
        child = getattr(value, field)
        if isinstance(child, list):
            found += [((*path, field, i), item) for i, item in enumerate(child)]
        else:
            found.append(((*path, field), child))
    return found
