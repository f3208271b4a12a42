"""One page per strategic goal: its description, themes, measures, status and indicators."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..progress import status_counts
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    pages = []
    for entry in model.goals:
        page = urls.goal_page(entry.id)
        groups = [(ctx.text(entry.goal.title), status_counts(entry.measures, model.as_of))]
        # No status chart for a goal none of whose measures has a status.
        show_status = any(c.status is not None and c.count for c in groups[0][1])
        body = ctx.render(
            "goal.html", page, entry=entry, status_groups=groups, show_status=show_status
        )
        pages.append(GeneratedPage(page, ctx.text(entry.goal.title), body))
    return pages
