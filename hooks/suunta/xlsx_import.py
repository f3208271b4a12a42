"""The plan in a spreadsheet as goals' themes and measures, in memory, without `data/`.

Kept for code that wants the imported measures themselves (and for the first import's tests);
`suunta import` uses the `plan_import` package directly, which also merges into `data/`.
Sheet i (or goal heading i) belongs to goal i unless its number or `sheet_goals` says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .plan_import.command import read_plan
from .plan_import.grid import PlanFileError
from .plan_import.ids import slug, unique

__all__ = ["PlanFileError", "SheetImport", "import_workbook", "slug"]


@dataclass
class SheetImport:
    sheet: str
    goal: str
    measures: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things the editor should check, in the chosen message language."""


def import_workbook(
    path: Path, goals: list[str], sheet_goals: dict[str, str], language: str = "fi"
) -> list[SheetImport]:
    """One `SheetImport` per goal of the plan; raises `PlanFileError` for a wrong file."""
    imported = read_plan(path, language)
    notes = [finding.text() for finding in imported.findings]
    results = []
    taken: set[str] = set()
    for index, planned in enumerate(imported.plan.goals):
        source = planned.source
        number = source.number if source.number and source.number <= len(goals) else index + 1
        goal = sheet_goals.get(source.sheet) or goals[number - 1]
        result = SheetImport(source.sheet, goal, notes=notes if index == 0 else [])
        theme_ids: list[str] = []
        for title, _ in source.themes:
            theme_ids.append(unique(slug(title), set(theme_ids)))
            result.themes.append({"id": theme_ids[-1], "title": {language: title}})
        for measure in planned.measures:
            measure_id = unique(slug(measure.title), taken)
            taken.add(measure_id)
            data: dict[str, Any] = {"id": measure_id, "goal": goal}
            if measure.theme is not None:
                data["theme"] = theme_ids[measure.theme]
            result.measures.append({**data, **measure.fields})
        results.append(result)
    return results
