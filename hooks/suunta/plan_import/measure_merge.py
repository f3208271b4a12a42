"""One measure's fields from a sheet row, written into its YAML mapping: only the fields the
sheet has a column for, only the import language's texts, and nothing rewritten that says
the same already (so comments, other languages and key order stay)."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .build import PlannedMeasure
from .schedule_merge import merge_schedule, schedule_entry
from .yaml_store import (
    block_map,
    flow_map,
    flow_seq,
    put_value,
    replace_value,
    set_text,
    squeezed,
    text_of,
)


def update_measure(
    data: CommentedMap,
    measure: PlannedMeasure,
    goal: CommentedMap,
    theme: str | None,
    language: str,
) -> bool:
    """Writes the sheet's values into an existing measure; True when something changed."""
    before = _snapshot(data)
    if data.get("goal") != goal["id"]:
        data["goal"] = goal["id"]
    if theme is None:
        data.pop("theme", None)
    elif data.get("theme") != theme:
        put_value(data, "theme", theme, after="goal")
    fields = measure.fields
    for name in ("title", "description", "metric", "notes"):
        if name in measure.given:
            set_text(data, name, language, (fields.get(name) or {}).get(language))
    if "responsible" in measure.given and _names(data.get("responsible"), language) != fields.get(
        "responsible", []
    ):
        replace_value(
            data,
            "responsible",
            flow_seq(fields["responsible"]) if fields.get("responsible") else None,
        )
    if "units" in measure.given:
        _merge_units(data, [u[language] for u in fields.get("units", [])], language)
    if "schedule" in measure.given:
        merge_schedule(data, fields.get("schedule", []), language, measure.last_period)
    return _snapshot(data) != before


def _snapshot(data: CommentedMap) -> str:
    return repr(_plain(data))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return squeezed(value) if isinstance(value, str) else value


def new_measure(
    measure_id: str, measure: PlannedMeasure, goal: CommentedMap, theme: str | None
) -> CommentedMap:
    data = block_map({"id": measure_id, "goal": goal["id"]})
    if theme:
        data["theme"] = theme
    for name, value in measure.fields.items():
        if name in ("title", "description", "metric", "notes"):
            data[name] = block_map(value)
        elif name == "responsible":
            data[name] = flow_seq(value)
        elif name == "units":
            data[name] = CommentedSeq([flow_map(**unit) for unit in value])
        elif name == "schedule":
            data[name] = CommentedSeq([schedule_entry(entry) for entry in value])
    return data


def _merge_units(data: CommentedMap, units: list[str], language: str) -> None:
    old = data.get("units") or []
    if [text_of(u, language) for u in old] == units:
        return
    if len(old) == len(units) and all(isinstance(u, dict) for u in old):
        for unit, text in zip(old, units, strict=True):
            unit[language] = text
        return
    new = CommentedSeq([flow_map(**{language: u}) for u in units])
    replace_value(data, "units", new if units else None)


def _names(value: Any, language: str) -> list[str]:
    return [str(n) if isinstance(n, str) else text_of(n, language) or "" for n in value or []]
