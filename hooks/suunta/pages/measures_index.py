"""All measures of the strategy as one accessible table."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    body = ctx.render("measures_index.html", urls.MEASURES_INDEX, measures=model.measures,
                      count=len(model.measures))
    return [GeneratedPage(urls.MEASURES_INDEX, ctx.labels("measures_index.title"), body)]
