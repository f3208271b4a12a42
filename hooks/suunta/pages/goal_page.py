"""One page per strategic goal: its description, themes and a table of its measures."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    pages = []
    for entry in model.goals:
        page = urls.goal_page(entry.id)
        body = ctx.render("goal.html", page, entry=entry)
        pages.append(GeneratedPage(page, ctx.text(entry.goal.title), body))
    return pages
