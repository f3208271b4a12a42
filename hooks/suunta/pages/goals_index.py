"""The list of strategic goals, each with how many measures it has."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    body = ctx.render("goals_index.html", urls.GOALS_INDEX, goals=model.goals)
    return [GeneratedPage(urls.GOALS_INDEX, ctx.labels("goals_index.title"), body)]
