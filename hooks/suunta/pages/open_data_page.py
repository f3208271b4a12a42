"""The open-data page: each published file with its format, size, language and licence.

The sizes are the files' own (`PublishedFile.size`, the bytes the generator writes), so the
page tells exactly what a download weighs; the date is the data's, never the build's.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale
from babel.units import format_unit

from .. import urls
from ..dcat_catalog import file_title
from ..model import StrategyModel
from ..open_data import feed_of, licence_name, licence_url
from ..published_file import PublishedFile
from ..render import RenderContext
from ..site_address import SiteAddress
from . import GeneratedPage


@dataclass(frozen=True)
class FileRow:
    file: PublishedFile
    title: str
    href: str
    language: str
    """The file's language's name in the page's language; empty for multilingual files."""
    size: str
    """Exact, in bytes, with the language's digit grouping: "12 345 tavua"."""


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    site = ctx.site or SiteAddress("", tuple(ctx.languages))
    here = site.page_path(urls.OPEN_DATA, ctx.language)
    rows = [_row(f, ctx, site, here) for f in ctx.published if f.kind != "feed"]
    feed = feed_of(ctx.published, ctx.language)
    body = ctx.render(
        "open_data.html",
        urls.OPEN_DATA,
        rows=rows,
        catalog=next((r for r in rows if r.file.kind == "catalog"), None),
        feed=_row(feed, ctx, site, here) if feed else None,
        licence_name=licence_name(model, ctx),
        licence_url=licence_url(model),
        updated=model.publication_date,
    )
    return [GeneratedPage(urls.OPEN_DATA, ctx.labels("open_data.title"), body)]


def _row(file: PublishedFile, ctx: RenderContext, site: SiteAddress, here: str) -> FileRow:
    locale = Locale.parse(ctx.language)
    name = locale.languages.get(file.language, file.language) if file.language else ""
    language = name[:1].upper() + name[1:]
    return FileRow(
        file=file,
        title=file_title(file, ctx.labels),
        href=site.relative(file.site_path, here),
        language=language,
        size=format_unit(file.size, "digital-byte", length="long", locale=locale),
    )
