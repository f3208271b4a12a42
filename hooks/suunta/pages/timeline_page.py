"""Timeline pages: one for the whole strategy (a table per goal) and one per goal.

A long timeline continues on numbered pages (`pagination.py`): the whole strategy's rows are
split in goal order, so a page holds the end of one goal's table and the start of the next,
each under its goal's heading, a continued table marked as such.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from .. import urls
from ..model import GoalEntry, StrategyModel
from ..pagination import page_title, paginate
from ..render import RenderContext
from ..schema import Goal
from ..timeline import Timeline, TimelineRow, build_timeline, columns_for
from . import GeneratedPage, list_page


@dataclass(frozen=True)
class SectionGoal:
    """A section's goal without the goal's measures (the heading needs its number, title
    and address).

    The render memo digests what a page is given; with the goal's entry and all its
    measures, editing one measure would render again every timeline page that has a section
    of its goal.
    """

    goal: Goal

    @property
    def id(self) -> str:
        return self.goal.id


@dataclass(frozen=True)
class TimelineSection:
    """A goal's timeline, or the part of it on one page."""

    goal: SectionGoal
    timeline: Timeline
    continued: bool
    """The goal's first rows are on an earlier page."""


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    """No timeline without schedules: a goal whose measures name no period gets none either."""
    if not model.has_schedules:
        return []
    columns = columns_for(model)  # once: it looks at every measure
    timelines = [
        (g, build_timeline(g.measures, model.as_of, columns))
        for g in model.goals
        if g.has_schedules
    ]
    illustrative = any(m.measure.illustrative and m.measure.schedule for m in model.measures)
    phases = {
        item.phase.value if item.phase else "scheduled"
        for m in model.measures
        for item in m.measure.schedule
    }
    common = {"as_of": model.as_of, "illustrative_schedules": illustrative, "phases": phases}
    rows = [(goal, timeline, row) for goal, timeline in timelines for row in timeline.rows]
    pages = _pages(ctx, rows, urls.TIMELINE, ctx.labels("timeline.title"), False, common)
    for goal, timeline in timelines:
        goal_rows = [(goal, timeline, row) for row in timeline.rows]
        title = ctx.labels("timeline.goal_title", number=goal.goal.number)
        pages += _pages(ctx, goal_rows, urls.goal_timeline_page(goal.id), title, True, common)
    return pages


Row = tuple[GoalEntry, Timeline, TimelineRow]


def _pages(
    ctx: RenderContext,
    rows: list[Row],
    first_page: str,
    title: str,
    single: bool,
    common: Mapping[str, object],
) -> list[GeneratedPage]:
    """A timeline's pages: the whole strategy's (`single` False: goal headings) or a goal's."""
    pages = []
    for part in paginate(rows, first_page):
        numbered = page_title(title, part.pager, ctx.labels)
        body = ctx.render(
            "timeline.html",
            part.pager.path,
            sections=_sections(part.items),
            single=single,
            title=numbered,
            pager=part.pager,
            **common,
        )
        pages.append(list_page(part.pager, numbered, body))
    return pages


def _sections(rows: Sequence[Row]) -> list[TimelineSection]:
    """Consecutive rows of one goal as one section, in the order given."""
    sections = []
    for _, group in groupby(rows, key=lambda item: item[0].id):
        part = list(group)
        goal, timeline, first = part[0]
        shown = replace(timeline, rows=tuple(row for _, _, row in part))
        continued = first is not timeline.rows[0]
        sections.append(TimelineSection(SectionGoal(goal.goal), shown, continued))
    return sections
