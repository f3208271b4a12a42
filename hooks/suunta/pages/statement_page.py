"""The accessibility statement, per language, following the law of the site's country.

A Swedish page of a Finnish municipality follows Finnish law: its title is the sv-FI
"Tillgänglighetsutlåtande", and the authority and law are Finland's.
"""

from __future__ import annotations

from .. import urls
from ..accessibility_statement import enforcement_body, law, title_label
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    statement = model.accessibility
    if statement is None:
        return []
    page_title = ctx.labels(title_label(statement))
    body = ctx.render(
        "statement.html",
        urls.STATEMENT,
        statement=statement,
        title=page_title,
        country=statement.country.value,
        authority=enforcement_body(statement),
        law=law(statement),
        site=ctx.text(model.strategy.title),
        organisation=ctx.text(model.strategy.organisation.name),
    )
    return [GeneratedPage(urls.STATEMENT, page_title, body)]
