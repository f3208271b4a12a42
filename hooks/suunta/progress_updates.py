"""Adds a sheet's progress updates to the measures in `data/measures/*.yml`, and nothing else.

The caller validates the data first (`load_data`): ruamel.yaml, which reads the files here to
write them back as they were, would stop on a broken file with a traceback. All or nothing:
every problem (an unknown measure, a date that already has another update) is found before
any file is written. An update that is already in the data is skipped, so the same sheet can
be imported again.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from . import yaml_roundtrip
from .cli_texts import say
from .progress_sheet import ProgressSheetError, SheetUpdate
from .schema import ProgressUpdate
from .validation_messages import plain_message
from .value_types import Date

PROGRESS = "progress"

_DATE: TypeAdapter[dt.date] = TypeAdapter(Date)


@dataclass
class ProgressResult:
    added: int = 0
    already_there: int = 0
    files: list[Path] = field(default_factory=list)
    """The files that changed."""


def add_updates(
    updates: list[SheetUpdate],
    measure_files: list[Path],
    languages: list[str],
    problems: list[str],
) -> ProgressResult:
    """Write `updates` into the measure files; with any problem (the sheet's own `problems`
    and those found here) raise `ProgressSheetError` and write nothing."""
    documents = {file: yaml_roundtrip.load(file) for file in measure_files}
    measures: dict[str, tuple[Path, CommentedMap]] = {}
    for file, document in documents.items():
        for measure in (document or {}).get("measures") or []:
            if isinstance(measure, CommentedMap) and isinstance(measure.get("id"), str):
                measures.setdefault(measure["id"], (file, measure))
    result = ProgressResult()
    changed: set[Path] = set()
    for update in updates:
        found = measures.get(update.measure)
        if found is None:
            problems.append(_unknown_measure(update, list(measures)))
            continue
        problem = _check_update(update, languages)
        if problem:
            problems.append(problem)
            continue
        file, measure = found
        existing = measure.get(PROGRESS) or []
        same_date = [item for item in existing if _date_of(item) == update.date]
        if any(_same(item, update) for item in same_date):
            result.already_there += 1
            continue
        if same_date:
            problems.append(
                say(
                    "progress.date_taken",
                    where=update.where,
                    measure=update.measure,
                    date=update.date.isoformat(),
                    file=file.name,
                )
            )
            continue
        _add(measure, update)
        changed.add(file)
        result.added += 1
    if problems:
        raise ProgressSheetError(problems)
    result.files = [file for file in measure_files if file in changed]
    yaml_roundtrip.save_all({file: documents[file] for file in result.files})
    return result


def _unknown_measure(update: SheetUpdate, ids: list[str]) -> str:
    close = difflib.get_close_matches(update.measure, ids, n=1)
    hint = say("progress.did_you_mean", id=close[0]) if close else say("progress.id_hint")
    return say("progress.unknown_measure", where=update.id_cell, id=update.measure[:60]) + hint


def _check_update(update: SheetUpdate, languages: list[str]) -> str:
    """A text in a language the site does not have, or one too long, as the schema says."""
    value: dict[str, Any] = {"date": update.date, "status": update.status.value}
    if update.texts:
        value["text"] = update.texts
    try:
        ProgressUpdate.model_validate(value, context={"languages": languages})
    except ValidationError as error:
        detail = error.errors()[0]
        return f"{update.where}: {plain_message(detail, ProgressUpdate)}"
    return ""


def _date_of(item: Any) -> dt.date | None:
    """An update's date as `suunta check` reads it: `date: "2026-06-30"` is a date too."""
    if not isinstance(item, dict):
        return None
    try:
        return _DATE.validate_python(item.get("date"))
    except ValidationError:
        return None


def _same(item: Any, update: SheetUpdate) -> bool:
    texts = item.get("text") or {}
    return (
        str(item.get("status")) == update.status.value
        and {str(k): str(v).strip() for k, v in texts.items()} == update.texts
    )


def _add(measure: CommentedMap, update: SheetUpdate) -> None:
    """The new update, in date order, written in the style of the updates around it."""
    entry = CommentedMap([("date", update.date), ("status", update.status.value)])
    if update.texts:
        text = CommentedMap(
            (lang, yaml_roundtrip.text_value(t)) for lang, t in update.texts.items()
        )
        entry["text"] = text
    existing = measure.get(PROGRESS)
    if not isinstance(existing, CommentedSeq):
        existing = CommentedSeq()
        yaml_roundtrip.insert_before_last_key(measure, PROGRESS, existing, ["schedule", "status"])
    flow = any(yaml_roundtrip.is_flow(item) for item in existing) or not existing
    if flow and not any("\n" in t for t in update.texts.values()):
        entry.fa.set_flow_style()
        if "text" in entry:
            entry["text"].fa.set_flow_style()
    position = next(
        (i for i, item in enumerate(existing) if (_date_of(item) or update.date) > update.date),
        None,
    )
    if position is None:
        yaml_roundtrip.append_keeping_trailing_comment(existing, entry)
    else:
        existing.insert(position, entry)
