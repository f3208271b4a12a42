"""The import's closing report: what was read, what became data, and every cell with a text
that was not placed anywhere, by sheet and cell, so nothing is dropped without a word."""

from __future__ import annotations

from pathlib import Path

from ..cli_texts import say
from ..errors import echo
from .build import Plan
from .layout import Layout
from .merge import MergeResult


def summary_lines(
    file: Path, layout: Layout, plan: Plan, merged: MergeResult, written: list[Path], root: Path
) -> list[str]:
    measures = sum(len(goal.measures) for goal in plan.goals)
    lines = [
        say(
            "import.summary.read",
            file=file.name,
            rows=layout.rows_read,
            sheets=len(layout.grids),
            goals=len(plan.goals),
            themes=merged.themes,
            measures=measures,
            periods=plan.periods,
        ),
        say(
            "import.summary.measures",
            new=merged.new,
            updated=merged.updated,
            unchanged=merged.unchanged,
            goals=merged.goals_created,
        ),
    ]
    lines += [say("import.summary.wrote", file=_relative(path, root)) for path in written]
    if not written:
        lines.append(say("import.summary.nothing_changed"))
    if plan.shortened_titles:
        lines.append(say("import.summary.titles", count=len(plan.shortened_titles)))
        lines += [f"  {where}: {title}" for where, title in plan.shortened_titles]
    unplaced = layout.unplaced()
    if unplaced:
        lines.append(say("import.summary.unplaced", count=len(unplaced)))
        lines += [f"  {grid.where(cell)}: {echo(cell.text, quote=True)}" for grid, cell in unplaced]
    else:
        lines.append(say("import.summary.all_placed"))
    lines.append(say("import.summary.next"))
    return lines


def _relative(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
