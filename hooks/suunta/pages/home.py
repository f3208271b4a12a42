"""The home page: the strategy at a glance, with its vision, values and goals."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    body = ctx.render(
        "home.html",
        urls.HOME,
        strategy=model.strategy,
        goals=model.goals,
        has_document=model.document is not None,
    )
    return [GeneratedPage(urls.HOME, ctx.labels("home.title"), body)]
