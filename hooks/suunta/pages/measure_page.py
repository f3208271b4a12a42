"""One page per measure: every field of the measure, with its goal and theme as links."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from ..table_columns import optional_columns
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    # Fields no measure of the strategy has are left out of every measure page (computed once:
    # per page it would grow with the square of the number of measures).
    used = optional_columns(model.measures, model.as_of)
    pages = []
    for entry in model.measures:
        page = urls.measure_page(entry.id)
        body = ctx.render("measure.html", page, entry=entry, strategy=model.strategy, used=used)
        pages.append(GeneratedPage(page, ctx.text(entry.measure.title), body))
    return pages
