"""The strategy document beyond goals and measures: an "about" page and one page per section
the data has (current state, stakeholders, communications plan ...). A section the data
lacks gets no page, no link and no heading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import urls
from ..document_schema import DocumentFile
from ..model import StrategyModel
from ..render import RenderContext
from . import GeneratedPage


@dataclass(frozen=True)
class SectionKind:
    slug: str
    """The page's address under `strategy/`, and its template's name."""
    title: str
    """The label key of its title."""
    content: Callable[[DocumentFile], Any]


SECTIONS = (
    SectionKind("current-state", "document.current_state", lambda d: d.current_state),
    SectionKind("stakeholders", "document.stakeholders", lambda d: d.stakeholders),
    SectionKind("communications", "document.communications", lambda d: d.communications),
    SectionKind("governance", "document.governance", lambda d: d.governance),
    SectionKind("guidelines", "document.guidelines", lambda d: d.guidelines),
    SectionKind(
        "development-targets", "document.development_targets", lambda d: d.development_targets
    ),
    SectionKind("projects", "document.projects", lambda d: d.projects),
    SectionKind("definitions", "document.definitions", lambda d: d.definitions),
    SectionKind("appendices", "document.appendices", lambda d: d.appendices),
)


def present_sections(document: DocumentFile | None) -> list[SectionKind]:
    """The sections the data has, in the order the site lists them."""
    if document is None:
        return []
    return [kind for kind in SECTIONS if kind.content(document)]


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    document = model.document
    if document is None:
        return []
    sections = present_sections(document)
    pages = []
    for kind in sections:
        page = urls.document_page(kind.slug)
        title = ctx.labels(kind.title)
        body = ctx.render(
            f"document/{kind.slug}.html", page, title=title, section=kind.content(document)
        )
        pages.append(GeneratedPage(page, title, body))
    links = [(urls.document_page(kind.slug), ctx.labels(kind.title)) for kind in sections]
    body = ctx.render(
        "document/about.html",
        urls.DOCUMENT,
        document=document,
        strategy=model.strategy,
        sections=links,
    )
    return [GeneratedPage(urls.DOCUMENT, ctx.labels("document.title"), body), *pages]
