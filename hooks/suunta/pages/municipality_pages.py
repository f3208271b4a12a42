"""A page per member municipality with the measures that name it, and a page listing them.

Each municipality page links its embeddable list and JSON (written by `embed.py`), which
stay at one address whatever the site's languages. No pages when no measure names a
municipality.
"""

from __future__ import annotations

from babel import Locale

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from ..site_address import language_root
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    if not model.municipalities:
        return []
    root = language_root(ctx.language, ctx.languages)
    strategy = ctx.text(model.strategy.title)
    pages = [
        GeneratedPage(
            urls.MUNICIPALITIES,
            ctx.labels("findability.municipalities.title"),
            ctx.render(
                "municipalities_index.html", urls.MUNICIPALITIES, entries=model.municipalities
            ),
        )
    ]
    for entry in model.municipalities:
        page = urls.municipality_page(entry.id)
        name = ctx.text(entry.municipality.name)
        embeds = [
            (
                language,
                Locale.parse(language).get_display_name(ctx.language),
                urls.root_file_url(page, urls.embed_fragment(entry.id, language), root),
            )
            for language in ctx.languages
        ]
        body = ctx.render(
            "municipality.html",
            page,
            entry=entry,
            name=name,
            strategy=strategy,
            embeds=embeds,
            json_link=urls.root_file_url(page, urls.embed_json(entry.id), root),
            as_of=model.as_of,
        )
        pages.append(GeneratedPage(page, name, body))
    return pages
