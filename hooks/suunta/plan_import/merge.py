"""Merges an imported plan into the site's `data/`: goals and their themes into `goals.yml`,
measures into the measure files, each changed in place with ruamel.yaml.

Only what the sheet has a column for is changed; other goals, other fields, other languages'
texts and the editor's comments stay as they are. A measure keeps its id: it is found by the
id column the export writes, else by its title, so page addresses survive a re-import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..cli_texts import say
from ..loader import GOALS_FILE, MEASURES_DIR
from .build import Plan, PlannedGoal, PlannedMeasure
from .findings import Finding, error, warning
from .ids import slug, unique, valid_id
from .schedule_merge import merge_schedule, schedule_entry
from .yaml_store import YamlFile, block_map, flow_map, flow_seq, squeezed

GOAL_ID_LIMIT = 40


@dataclass
class MergeResult:
    files: list[YamlFile] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    goals_created: int = 0
    themes: int = 0

    def save(self) -> list[Path]:
        return [file.path for file in self.files if file.save_if_changed()]


def merge_plan(
    plan: Plan, data_dir: Path, language: str, sheet_goals: dict[str, str], source: str
) -> MergeResult:
    """Everything changed in memory; `MergeResult.save()` writes it when there is no error."""
    result = MergeResult()
    goals_file = _goals_file(data_dir, source)
    result.files.append(goals_file)
    goal_list: CommentedSeq = goals_file.data["goals"]
    measure_files = _measure_files(data_dir)
    result.files += measure_files
    existing = {
        str(m["id"]): (file, m) for file in measure_files for m in _measures_of(file) if "id" in m
    }
    taken = set(existing)
    for planned in plan.goals:
        goal = _goal_for(planned, goal_list, sheet_goals, language, result)
        if goal is None:
            continue
        themes = _merge_themes(planned, goal, language)
        result.themes += len(planned.source.themes)
        target = _target_file(data_dir, goal, measure_files, source, result)
        seen: set[str] = set()
        for measure in planned.measures:
            measure_id = _measure_id(measure, str(goal["id"]), existing, taken, seen, result)
            seen.add(measure_id)
            theme = themes[measure.theme] if measure.theme is not None else None
            if measure_id in existing:
                changed = _update(existing[measure_id][1], measure, goal, theme, language)
                result.updated += changed
                result.unchanged += not changed
            else:
                target.data["measures"].append(_new_measure(measure_id, measure, goal, theme))
                existing[measure_id] = (target, target.data["measures"][-1])
                taken.add(measure_id)
                result.new += 1
        kept = [
            i for i, (_, m) in existing.items() if m.get("goal") == goal["id"] and i not in seen
        ]
        if kept and planned.measures:
            result.findings.append(
                warning("import.warn.kept_measures", goal=goal["id"], ids=", ".join(kept))
            )
    return result


def _goals_file(data_dir: Path, source: str) -> YamlFile:
    path = data_dir / GOALS_FILE
    if path.exists():
        file = YamlFile.read(path)
        if not isinstance(file.data, CommentedMap):
            file.data = CommentedMap()
    else:
        file = YamlFile(path, None, CommentedMap())
    if not isinstance(file.data.get("goals"), CommentedSeq):
        file.data["goals"] = CommentedSeq()
        file.data.yaml_set_start_comment(say("import.comment.goals", file=source))
    return file


def _measure_files(data_dir: Path) -> list[YamlFile]:
    return [YamlFile.read(path) for path in sorted((data_dir / MEASURES_DIR).glob("*.yml"))]


def _measures_of(file: YamlFile) -> list[CommentedMap]:
    if not isinstance(file.data, CommentedMap) or not isinstance(file.data.get("measures"), list):
        return []
    return [m for m in file.data["measures"] if isinstance(m, CommentedMap)]


def _goal_for(
    planned: PlannedGoal,
    goals: CommentedSeq,
    sheet_goals: dict[str, str],
    language: str,
    result: MergeResult,
) -> CommentedMap | None:
    """The goal the plan's goal belongs to: named with --goal, by number, or a new one."""
    source = planned.source
    by_id = {str(g.get("id")): g for g in goals if isinstance(g, CommentedMap)}
    chosen = sheet_goals.get(source.sheet) or sheet_goals.get(source.title)
    if chosen is not None:
        if chosen in by_id:
            return by_id[chosen]
        result.findings.append(
            error(
                "import.error.unknown_goal", goal=chosen, sheet=source.sheet, ids=", ".join(by_id)
            )
        )
        return None
    for goal in by_id.values():
        if source.number is not None and goal.get("number") == source.number:
            if source.titled:
                _set_text(goal, "title", language, source.title)
            return goal
    if by_id and not result.goals_created:
        if source.number is None:
            result.findings.append(
                error(
                    "import.error.no_goal",
                    where=source.where,
                    sheet=source.sheet,
                    ids=", ".join(by_id),
                )
            )
            return None
        result.findings.append(
            warning("import.warn.new_goal", where=source.where, number=source.number)
        )
    numbers = {g.get("number") for g in by_id.values()}
    number = (
        source.number
        if source.number not in numbers and source.number
        else max([n for n in numbers if isinstance(n, int)] + [0]) + 1
    )
    goal_id = unique(slug(source.title, GOAL_ID_LIMIT), set(by_id))
    goal = block_map(
        {"id": goal_id, "number": number, "title": block_map({language: source.title})}
    )
    goals.append(goal)
    result.goals_created += 1
    return goal


def _merge_themes(planned: PlannedGoal, goal: CommentedMap, language: str) -> list[str]:
    """The theme id of each of the plan's themes, adding new themes to the goal."""
    if not planned.source.themes:
        return []
    themes = goal.get("themes")
    if not isinstance(themes, CommentedSeq):
        themes = CommentedSeq()
        at = list(goal).index("indicators") if "indicators" in goal else len(goal)
        goal.insert(at, "themes", themes)
    ids: list[str] = []
    for title, _where in planned.source.themes:
        match = next((t for t in themes if _text_of(t.get("title"), language) == title), None)
        if match is None:
            taken = {str(t.get("id")) for t in themes}
            match = next(
                (t for t in themes if t.get("id") == slug(title) and str(t.get("id")) not in ids),
                None,
            )
            if match is None:
                match = block_map({"id": unique(slug(title), taken), "title": block_map({})})
                themes.append(match)
            _set_text(match, "title", language, title)
        ids.append(str(match["id"]))
    return ids


def _target_file(
    data_dir: Path, goal: CommentedMap, files: list[YamlFile], source: str, result: MergeResult
) -> YamlFile:
    holding = [f for f in files if any(m.get("goal") == goal["id"] for m in _measures_of(f))]
    if holding:
        return holding[-1]
    path = data_dir / MEASURES_DIR / f"{goal['number']}-{goal['id']}.yml"
    for file in files:
        if file.path == path and isinstance(file.data, CommentedMap):
            file.data.setdefault("measures", CommentedSeq())
            return file
    new = YamlFile(path, None, CommentedMap({"measures": CommentedSeq()}))
    new.data.yaml_set_start_comment(say("import.comment.measures", file=source, goal=goal["id"]))
    files.append(new)
    result.files.append(new)
    return new


def _measure_id(
    measure: PlannedMeasure,
    goal_id: str,
    existing: dict[str, tuple[YamlFile, CommentedMap]],
    taken: set[str],
    seen: set[str],
    result: MergeResult,
) -> str:
    """The id column's id, else the id of the goal's measure with the same title, else new."""
    if measure.row_id:
        if valid_id(measure.row_id) and measure.row_id not in seen:
            return measure.row_id
        result.findings.append(
            warning("import.warn.bad_id", where=measure.where, id=measure.row_id)
        )
    title = measure.title
    language = next(iter(measure.fields["title"]))
    for measure_id, (_, data) in existing.items():
        same = data.get("goal") == goal_id and _text_of(data.get("title"), language) == title
        if same and measure_id not in seen:
            return measure_id
    return unique(slug(title), taken | seen)


def _update(
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
        _put(data, "theme", theme, after="goal")
    fields = measure.fields
    for name in ("title", "description", "metric", "notes"):
        if name in measure.given:
            _set_text(data, name, language, (fields.get(name) or {}).get(language))
    if "responsible" in measure.given and _names(data.get("responsible"), language) != fields.get(
        "responsible", []
    ):
        _replace(
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


def _new_measure(
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
    if [_text_of(u, language) for u in old] == units:
        return
    if len(old) == len(units) and all(isinstance(u, dict) for u in old):
        for unit, text in zip(old, units, strict=True):
            unit[language] = text
        return
    new = CommentedSeq([flow_map(**{language: u}) for u in units])
    _replace(data, "units", new if units else None)


def _names(value: Any, language: str) -> list[str]:
    return [str(n) if isinstance(n, str) else _text_of(n, language) or "" for n in value or []]


def _text_of(value: Any, language: str) -> str | None:
    if isinstance(value, dict):
        return squeezed(value.get(language))
    return squeezed(value) if isinstance(value, str) else None


def _set_text(data: CommentedMap, name: str, language: str, text: str | None) -> None:
    current = data.get(name)
    if text is None:
        if isinstance(current, dict) and language in current:
            del current[language]
            if not current:
                del data[name]
        return
    if isinstance(current, dict):
        if squeezed(current.get(language)) != text:
            current[language] = text
    else:
        _put(data, name, block_map({language: text}))


def _replace(data: CommentedMap, name: str, value: Any) -> None:
    if value is None:
        data.pop(name, None)
    else:
        _put(data, name, value)


def _put(data: CommentedMap, name: str, value: Any, after: str | None = None) -> None:
    if name in data or after not in data:
        data[name] = value
    else:
        data.insert(list(data).index(after) + 1, name, value)
