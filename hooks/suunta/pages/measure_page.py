"""One page per measure: every field of the measure, with its goal and theme as links."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    pages = []
    for entry in model.measures:
        page = urls.measure_page(entry.id)
        body = ctx.render("measure.html", page, entry=entry, strategy=model.strategy)
        pages.append(GeneratedPage(page, ctx.text(entry.measure.title), body))
    return pages
