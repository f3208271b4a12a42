"""One page per strategic goal: its description, themes, measures, status and indicators.

A goal with more measures than fit a page (`pagination.py`) lists them on numbered pages after
its first one, in theme order; the first page keeps everything else (description, status,
indicators), and its list of themes links to the page where each theme's measures begin.
"""

from __future__ import annotations

from itertools import groupby

from .. import urls
from ..model import GoalEntry, MeasureEntry, StrategyModel, ThemeGroup
from ..pagination import PageOfList, page_title, paginate
from ..progress import status_counts
from ..render import RenderContext
from . import GeneratedPage, list_page


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    pages = []
    for entry in model.goals:
        groups = [(ctx.text(entry.goal.title), status_counts(entry.measures, model.as_of))]
        # No status chart for a goal none of whose measures has a status.
        show_status = any(c.status is not None and c.count for c in groups[0][1])
        rows = [(group, m) for group in entry.theme_groups() for m in group.measures]
        parts = paginate(rows, urls.goal_page(entry.id))
        theme_pages = _theme_pages(entry, parts)
        for part in parts:
            pager = part.pager
            title = page_title(ctx.text(entry.goal.title), pager, ctx.labels)
            # The goal and what the pages say of all its measures, not the measures: under
            # `mkdocs serve` an edited measure then renders again only the page it is on.
            body = ctx.render(
                "goal.html",
                pager.path,
                goal=entry.goal,
                measure_count=len(entry.measures),
                has_schedules=entry.has_schedules,
                title=title,
                pager=pager,
                sections=_sections(part) if pager.count > 1 else _whole(entry),
                theme_pages=theme_pages,
                status_groups=groups,
                show_status=show_status,
            )
            pages.append(list_page(pager, title, body))
    return pages


def _whole(entry: GoalEntry) -> list[tuple[ThemeGroup, bool]]:
    """Every theme group, an empty theme too, on a goal's only page."""
    return [(group, False) for group in entry.theme_groups()]


def _sections(
    part: PageOfList[tuple[ThemeGroup, MeasureEntry]],
) -> list[tuple[ThemeGroup, bool]]:
    """The page's measures by theme; True where the theme's first measures are on an earlier
    page."""
    sections = []
    for _, rows in groupby(part.items, key=lambda row: id(row[0])):
        items = list(rows)
        group = items[0][0]
        measures = tuple(m for _, m in items)
        sections.append((ThemeGroup(group.theme, measures), measures[0] is not group.measures[0]))
    return sections


def _theme_pages(
    entry: GoalEntry, parts: list[PageOfList[tuple[ThemeGroup, MeasureEntry]]]
) -> dict[str, str]:
    """The page each theme's measures begin on (the first page for a theme without any)."""
    pages = {theme.id: parts[0].pager.path for theme in entry.goal.themes}
    for part in reversed(parts):
        for group, _ in part.items:
            if group.theme is not None:
                pages[group.theme.id] = part.pager.path
    return pages
