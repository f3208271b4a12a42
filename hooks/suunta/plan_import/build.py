"""Turns the rows the layout found into the data of goals, themes and measures (without ids:
those are given when the plan is merged into the site's data, so they stay stable)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, warning
from .layout import Layout, LegendEntry, MeasureRow, PlanGoal
from .schedule_cells import read_schedule
from .titles import title_and_description
from .words import vocabulary

LIST_SEPARATORS = re.compile(r"[,;]")


@dataclass
class PlannedMeasure:
    fields: dict[str, Any]
    """The measure's fields the sheet gives, in the order they are written."""
    title: str
    row_id: str | None
    where: str
    """The measure's text cell, which names the measure in messages."""
    theme: int | None
    given: frozenset[str]
    """The fields the sheet has a column for: only these are changed in existing data."""
    last_period: str | None = None
    """The sheet's last half-year column: an open-ended period reaches it."""
    id_where: str | None = None
    """The id column's cell, named when its id cannot be used."""


@dataclass
class PlannedGoal:
    source: PlanGoal
    measures: list[PlannedMeasure] = field(default_factory=list)


@dataclass
class Plan:
    goals: list[PlannedGoal]
    findings: list[Finding]
    shortened_titles: list[tuple[str, str]]
    """(cell, title) of titles taken from a long description, for the editor to review."""
    periods: int


def build_plan(layout: Layout, language: str) -> Plan:
    findings = list(layout.findings)
    legend = _legend(layout.legend, findings)
    plan = Plan([], findings, [], 0)
    for goal in layout.goals:
        planned = PlannedGoal(goal)
        for row in goal.rows:
            measure = _measure(row, legend, plan, language)
            planned.measures.append(measure)
            plan.periods += len(measure.fields.get("schedule", []))
        plan.goals.append(planned)
    return plan


def _legend(entries: list[LegendEntry], findings: list[Finding]) -> dict[str, LegendEntry]:
    """Colour -> legend entry; an entry that names no phase is reported by its cell."""
    legend: dict[str, LegendEntry] = {}
    known = ", ".join([*vocabulary().phases, *vocabulary().unphased])
    for entry in entries:
        if entry.meaning is None:
            findings.append(
                warning(
                    "import.warn.legend_unmatched", where=entry.where, text=entry.text, known=known
                )
            )
            continue
        previous = legend.get(entry.colour)
        if previous is not None and previous.meaning != entry.meaning:
            findings.append(
                warning(
                    "import.warn.legend_conflict",
                    where=entry.where,
                    colour=entry.colour,
                    other=previous.where,
                )
            )
            continue
        legend.setdefault(entry.colour, entry)
    return legend


def _measure(
    row: MeasureRow, legend: dict[str, LegendEntry], plan: Plan, language: str
) -> PlannedMeasure:
    grid, roles = row.grid, row.columns.roles

    def text(role: str) -> str | None:
        return grid.text(row.row, roles[role]) if role in roles else None

    where = grid.where(grid.at(row.row, row.columns.text_column))
    given = {"title"}
    if "title" in roles and "description" in roles:
        title = text("title") or text("description") or ""
        description = text("description")
        description = None if description == title else description
        given.add("description")
    else:
        title, description = title_and_description(
            grid.text(row.row, row.columns.text_column) or ""
        )
        if description:
            plan.shortened_titles.append((where, title))
            given.add("description")
    fields: dict[str, Any] = {"title": {language: title}}
    if description:
        fields["description"] = {language: description}
    if "responsible" in roles:
        given.add("responsible")
        if names := _parts(text("responsible")):
            fields["responsible"] = names
    if "units" in roles:
        given.add("units")
        if units := _parts(text("units")):
            fields["units"] = [{language: unit} for unit in units]
    if row.columns.periods:
        given.add("schedule")
        if schedule := read_schedule(row, legend, plan.findings, language):
            fields["schedule"] = schedule
    for role in ("metric", "notes"):
        if role in roles:
            given.add(role)
            if value := text(role):
                fields[role] = {language: value}
    last = row.columns.periods[-1][1] if row.columns.periods else None
    id_where = grid.where(grid.at(row.row, roles["id"])) if "id" in roles else None
    return PlannedMeasure(
        fields, title, text("id"), where, row.theme, frozenset(given), last, id_where
    )


def _parts(value: str | None) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(value or "") if part.strip()]
