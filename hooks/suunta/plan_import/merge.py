"""Merges an imported plan into the site's `data/`: goals and their themes into `goals.yml`,
measures into the measure files, each changed in place with ruamel.yaml.

Only what the sheet has a column for is changed; other goals, other fields, other languages'
texts and the editor's comments stay as they are. A measure keeps its id: it is found by the
id column the export writes, else by its title, so page addresses survive a re-import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..cli_texts import say
from ..loader import MEASURES_DIR
from ..yaml_roundtrip import write_all
from .build import Plan, PlannedMeasure
from .findings import Finding, warning
from .goal_merge import goal_for, goals_file, merge_themes
from .ids import slug, unique, valid_id
from .measure_merge import new_measure, update_measure
from .yaml_store import YamlFile, text_of


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
        """Writes the changed files, all or none (a failure leaves `data/` as it was)."""
        texts = {
            file.path: text for file in self.files if (text := file.changed_text()) is not None
        }
        write_all(texts)
        return list(texts)


def merge_plan(
    plan: Plan, data_dir: Path, language: str, sheet_goals: dict[str, str], source: str
) -> MergeResult:
    """Everything changed in memory; `MergeResult.save()` writes it when there is no error."""
    result = MergeResult()
    goals = goals_file(data_dir, source)
    result.files.append(goals)
    goal_list: CommentedSeq = goals.data["goals"]
    measure_files = _measure_files(data_dir)
    result.files += measure_files
    existing = {
        str(m["id"]): (file, m) for file in measure_files for m in _measures_of(file) if "id" in m
    }
    taken = set(existing)
    seen: set[str] = set()
    titles = _title_index(existing, language)
    imported_goals: list[str] = []
    claimed = {g.source.number for g in plan.goals if g.source.number is not None}
    for planned in plan.goals:
        goal = goal_for(planned, goal_list, sheet_goals, language, result, claimed)
        if goal is None:
            continue
        themes = merge_themes(planned, goal, language)
        result.themes += len(planned.source.themes)
        target: YamlFile | None = None
        if planned.measures:
            imported_goals.append(str(goal["id"]))
        for measure in planned.measures:
            measure_id = _measure_id(measure, str(goal["id"]), titles, taken, seen, result)
            seen.add(measure_id)
            taken.add(measure_id)
            theme = themes[measure.theme] if measure.theme is not None else None
            if measure_id in existing:
                file, data = existing[measure_id]
                changed = update_measure(data, measure, goal, theme, language)
                file.touched = file.touched or changed
                result.updated += changed
                result.unchanged += not changed
            else:
                target = target or _target_file(data_dir, goal, measure_files, source, result)
                target.data["measures"].append(new_measure(measure_id, measure, goal, theme))
                target.touched = True
                existing[measure_id] = (target, target.data["measures"][-1])
                result.new += 1
    for goal_id in imported_goals:
        kept = [i for i, (_, m) in existing.items() if m.get("goal") == goal_id and i not in seen]
        if kept:
            result.findings.append(
                warning("import.warn.kept_measures", goal=goal_id, ids=", ".join(kept))
            )
    return result


def _measure_files(data_dir: Path) -> list[YamlFile]:
    files = [YamlFile.read(path) for path in sorted((data_dir / MEASURES_DIR).glob("*.yml"))]
    for file in files:
        file.touched = False  # until a measure in it changes
    return files


def _measures_of(file: YamlFile) -> list[CommentedMap]:
    if not isinstance(file.data, CommentedMap) or not isinstance(file.data.get("measures"), list):
        return []
    return [m for m in file.data["measures"] if isinstance(m, CommentedMap)]


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


def _title_index(
    existing: dict[str, tuple[YamlFile, CommentedMap]], language: str
) -> dict[tuple[str, str], list[str]]:
    """(goal, title) -> ids of the measures with that title, read once (not per row)."""
    index: dict[tuple[str, str], list[str]] = {}
    for measure_id, (_, data) in existing.items():
        title = text_of(data.get("title"), language)
        if title:
            index.setdefault((str(data.get("goal")), title), []).append(measure_id)
    return index


def _measure_id(
    measure: PlannedMeasure,
    goal_id: str,
    titles: dict[tuple[str, str], list[str]],
    taken: set[str],
    seen: set[str],
    result: MergeResult,
) -> str:
    """The id column's id, else the id of the goal's measure with the same title, else new."""
    if measure.row_id:
        if valid_id(measure.row_id) and measure.row_id not in seen:
            return measure.row_id
        result.findings.append(
            warning(
                "import.warn.bad_id", where=measure.id_where or measure.where, id=measure.row_id
            )
        )
    for measure_id in titles.get((goal_id, measure.title), []):
        if measure_id not in seen:
            return measure_id
    return unique(slug(measure.title), taken)
