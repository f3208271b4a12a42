"""The whole strategy on one page per language, in reading order: title data, vision, values,
the document's sections, every goal with all its measures, indicators as tables, appendices.

It is the page to print or to attach to a council agenda, and the one `suunta pdf` prints.
The document's sections come from their own templates (`document/*.html`), included a level
deeper; every measure from the same macros as its own page. Each measure is rendered once
and the optional fields are computed once, so the page grows linearly with the measures.
Each goal's part is rendered on its own (`whole_goal.html`) and put in its place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from ..table_columns import optional_columns
from . import GeneratedPage
from .document_pages import SectionKind, present_sections

AFTER_GOALS = ("definitions", "appendices")
"""Sections that read as reference material after the goals; the rest come before them."""


@dataclass(frozen=True)
class Part:
    """A document section on the whole page: its anchor, title and content."""

    slug: str
    title: str
    content: Any

    @property
    def anchor(self) -> str:
        return f"part--{self.slug}"


def _parts(kinds: list[SectionKind], model: StrategyModel, ctx: RenderContext) -> list[Part]:
    document = model.document
    if document is None:
        return []
    return [Part(k.slug, ctx.labels(k.title), k.content(document)) for k in kinds]


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    sections = present_sections(model.document)
    before = [k for k in sections if k.slug not in AFTER_GOALS]
    after = [k for k in sections if k.slug in AFTER_GOALS]
    title = ctx.text(model.strategy.title)
    used = optional_columns(model.measures, model.as_of)
    # Each goal on its own: under `mkdocs serve` an edited measure renders its goal again,
    # not the whole strategy (a tenth of generating after an edit at 1,000 measures).
    goal_sections = [
        Markup(ctx.render("whole_goal.html", urls.WHOLE_STRATEGY, entry=entry, used=used))
        for entry in model.goals
    ]
    body = ctx.render(
        "whole.html",
        urls.WHOLE_STRATEGY,
        strategy=model.strategy,
        document=model.document,
        goals=model.goals,
        goal_sections=goal_sections,
        before=_parts(before, model, ctx),
        after=_parts(after, model, ctx),
        pdf_file=urls.pdf_file_name(title, ctx.language),
        pdf_title=title,
        pdf_date=model.publication_date or dt.date(model.strategy.period.start, 1, 1),
    )
    page = GeneratedPage(urls.WHOLE_STRATEGY, ctx.labels("whole.title"), body, searchable=False)
    return [page]
