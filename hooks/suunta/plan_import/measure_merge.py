"""One measure's fields from a sheet row, written into its YAML mapping: only the fields the
sheet has a column for, only the import language's texts, and nothing rewritten that says
the same already (so comments, other languages and key order stay)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..yaml_roundtrip import is_flow
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
    if "responsible" in measure.given:
        names = fields.get("responsible", [])
        _merge_list(data, "responsible", names, language, _plain_name, flow=True)
    if "units" in measure.given:
        units = [u[language] for u in fields.get("units", [])]
        _merge_list(data, "units", units, language, lambda text: flow_map(**{language: text}))
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


def _merge_list(
    data: CommentedMap,
    name: str,
    texts: list[str],
    language: str,
    make: Callable[[str], Any],
    flow: bool = False,
) -> None:
    """Sets the list `name` to the sheet's `texts`, keeping what the other languages say.

    An entry already there is found by its text in `language` and kept whole, so adding a
    unit to a cell does not take the Swedish name off the unit beside it. The entries the
    sheet no longer names are, when as many as the texts left, read as renamed in place (in
    order) and keep their other languages too; any other text is a new entry, `make(text)`.
    """
    old = data.get(name)
    old_items: list[Any] = list(old) if isinstance(old, list) else []
    if [text_of(item, language) for item in old_items] == texts:
        return
    found = _matched(old_items, texts, language)
    left = [i for i in range(len(old_items)) if i not in found]
    missing = [n for n, i in enumerate(found) if i is None]
    if len(left) == len(missing) and all(isinstance(old_items[i], dict) for i in left):
        for i, n in zip(left, missing, strict=True):
            old_items[i][language] = texts[n]
            found[n] = i
    merged = [
        make(text) if i is None else old_items[i] for i, text in zip(found, texts, strict=True)
    ]
    if isinstance(old, CommentedSeq) and len(old) == len(merged):
        for index, item in enumerate(merged):
            if old[index] is not item:
                old[index] = item
        return
    if isinstance(old, CommentedSeq):
        flow = is_flow(old)  # as the editor wrote it
    sequence = flow_seq(merged) if flow else CommentedSeq(merged)
    replace_value(data, name, sequence if merged else None)


def _matched(old_items: list[Any], texts: list[str], language: str) -> list[int | None]:
    """For each text, the first unused old entry with that text in `language` (its index)."""
    used: set[int] = set()
    matched: list[int | None] = []
    for text in texts:
        index = next(
            (
                i
                for i, item in enumerate(old_items)
                if i not in used and text_of(item, language) == text
            ),
            None,
        )
        if index is not None:
            used.add(index)
        matched.append(index)
    return matched


def _plain_name(text: str) -> str:
    """A new responsible name is written once, as plain text (the same in every language)."""
    return text
