"""Goals and their themes from a plan, merged into `goals.yml`: a plan goal is the site's goal
named with --goal or with the same number, else a new one (all new on a site without goals);
a theme is found again by its title, else added with an id from the title."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..cli_texts import say
from ..loader import GOALS_FILE
from ..value_types import WholeNumber
from .build import PlannedGoal
from .findings import error, warning
from .ids import slug, unique
from .yaml_store import YamlFile, block_map, set_text, text_of

if TYPE_CHECKING:
    from .merge import MergeResult

GOAL_ID_LIMIT = 40

_NUMBER: TypeAdapter[int] = TypeAdapter(WholeNumber)


def goals_file(data_dir: Path, source: str) -> YamlFile:
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


def goal_for(
    planned: PlannedGoal,
    goals: CommentedSeq,
    sheet_goals: dict[str, str],
    language: str,
    result: MergeResult,
    claimed: set[int],
) -> CommentedMap | None:
    """The goal the plan's goal belongs to: named with --goal, by number, or a new one.

    `claimed` holds the numbers the plan's goals give: an unnumbered new goal takes none of them.
    """
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
        if source.number is not None and goal_number(goal) == source.number:
            if source.titled:
                set_text(goal, "title", language, source.title)
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
    numbers = {n for g in by_id.values() if (n := goal_number(g)) is not None}
    number = source.number
    if number is None or number in numbers:
        number = 1
        while number in numbers or number in claimed:
            number += 1
    goal_id = unique(slug(source.title, GOAL_ID_LIMIT), set(by_id))
    goal = block_map(
        {"id": goal_id, "number": number, "title": block_map({language: source.title})}
    )
    goals.append(goal)
    result.goals_created += 1
    return goal


def goal_number(goal: CommentedMap) -> int | None:
    """The goal's number as `suunta check` reads it: `number: "1"` is goal 1 as `number: 1` is."""
    value: Any = goal.get("number")
    try:
        return _NUMBER.validate_python(value)
    except ValidationError:
        return None


def merge_themes(planned: PlannedGoal, goal: CommentedMap, language: str) -> list[str]:
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
        match = next((t for t in themes if text_of(t.get("title"), language) == title), None)
        if match is None:
            taken = {str(t.get("id")) for t in themes}
            match = next(
                (t for t in themes if t.get("id") == slug(title) and str(t.get("id")) not in ids),
                None,
            )
            if match is None:
                match = block_map({"id": unique(slug(title), taken), "title": block_map({})})
                themes.append(match)
            set_text(match, "title", language, title)
        ids.append(str(match["id"]))
    return ids
