"""Writes a sheet's schedule into an existing measure without rewording what already says
the same: `2026` and `2026-spring to 2026-autumn` are one period, and an open-ended
`2026 onwards` is what a sheet shows as coloured to its last half-year column. Such entries
keep their text, and with it their notes in the other languages."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..schedule import HalfYear, parse_period
from .yaml_store import flow_map, squeezed


def schedule_entry(entry: dict[str, Any]) -> CommentedMap:
    values = dict(entry)
    if "note" in values:
        values["note"] = flow_map(**values["note"])
    return flow_map(**values)


def merge_schedule(
    data: CommentedMap, schedule: list[dict[str, Any]], language: str, last: str | None
) -> None:
    """Puts `schedule` into `data`; `last` is the sheet's last half-year column."""
    old = [e for e in data.get("schedule") or [] if isinstance(e, dict)]
    kept = [_same_as(entry, old, language, last) for entry in schedule]
    if len(old) == len(schedule) and all(k is o for k, o in zip(kept, old, strict=True)):
        return
    entries = [
        k if k is not None else schedule_entry(e) for k, e in zip(kept, schedule, strict=True)
    ]
    if entries:
        data["schedule"] = CommentedSeq(entries)
    else:
        data.pop("schedule", None)


def _same_as(
    entry: dict[str, Any], old: list[dict[str, Any]], language: str, last: str | None
) -> dict[str, Any] | None:
    new_span = parse_period(entry["period"])
    for candidate in old:
        if candidate.get("phase") != entry.get("phase"):
            continue
        if _note(candidate, language) != (entry.get("note") or {}).get(language):
            continue
        try:
            span = parse_period(str(candidate.get("period")))
        except ValueError:
            continue
        if span.first != new_span.first:
            continue
        new_last = new_span.last_written
        if span.end is None:
            if last is not None and new_last == _half(last):
                return candidate
        elif span.last_written == new_last:
            return candidate
    return None


def _note(entry: dict[str, Any], language: str) -> str | None:
    note = entry.get("note")
    return squeezed(note.get(language)) if isinstance(note, dict) else None


def _half(key: str) -> HalfYear:
    return parse_period(key).first
