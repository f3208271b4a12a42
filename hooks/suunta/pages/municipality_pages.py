"""A page per member municipality with the measures that name it, and a page listing them.

Each municipality page links its embeddable list and JSON (written by `embed.py`), which
stay at one address whatever the site's languages. No pages when no measure names a
municipality. A municipality named by more measures than fit a page lists them on numbered
pages (`pagination.py`); the embedding links stay on its first page.
"""

from __future__ import annotations

from babel import Locale

from .. import urls
from ..model import StrategyModel
from ..pagination import page_title, paginate
from ..render import RenderContext
from ..site_address import language_root
from . import GeneratedPage, list_page


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
        first = urls.municipality_page(entry.id)
        # What the pages say of all the municipality's measures, not the measures: under
        # `mkdocs serve` an edited measure then renders again only the page it is on.
        any_illustrative = any(m.measure.illustrative for m in entry.measures)
        name = ctx.text(entry.municipality.name)
        embeds = [
            (
                language,
                Locale.parse(language).get_display_name(ctx.language),
                urls.root_file_url(first, urls.embed_fragment(entry.id, language), root),
            )
            for language in ctx.languages
        ]
        for part in paginate(entry.measures, first):
            title = page_title(name, part.pager, ctx.labels)
            body = ctx.render(
                "municipality.html",
                part.pager.path,
                any_illustrative=any_illustrative,
                title=title,
                name=name,
                measures=part.items,
                pager=part.pager,
                strategy=strategy,
                embeds=embeds,
                json_link=urls.root_file_url(first, urls.embed_json(entry.id), root),
                as_of=model.as_of,
            )
            pages.append(list_page(part.pager, title, body))
    return pages
