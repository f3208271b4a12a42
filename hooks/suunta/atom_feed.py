"""An Atom feed (RFC 4287) per language of the strategy's progress: reports and updates.

Everything in it comes from the data, so two builds of the same data give the same feed:
dates are the data's dates (never the build clock), and entry ids are `tag:` URIs made of the
site's host, the entry's date and the ids in the data, so a reader never sees an entry twice.
Entry contents are rendered from templates in the page's language; each entry's `xml:base` is
its page's address, so the links inside resolve as they do on the page.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from . import urls
from .model import MeasureEntry, StrategyModel
from .progress import changes_between, changes_by_kind
from .render import RenderContext
from .schema import ProgressUpdate, Report
from .site_address import SiteAddress

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
MEDIA_TYPE = "application/atom+xml"

_NOT_IN_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, even escaped; a YAML escape ("\\x01") can put one
in a data text. HTML pages shrug them off; a feed reader would reject the whole feed."""


def feed_docs_path(language: str) -> str:
    """In the docs tree; the language suffix puts it under the language's root when built."""
    return f"feeds/progress.{language}.xml"


def feed_site_path(site: SiteAddress, language: str) -> str:
    return f"{site.root(language)}feeds/progress.xml"


@dataclass(frozen=True)
class _Entry:
    date: dt.date
    key: str
    """The entry's data ids, the last part of its `tag:` URI."""
    title: str
    page: str
    content: str


def atom_feed(model: StrategyModel, ctx: RenderContext, site: SiteAddress) -> bytes | None:
    """The feed in `ctx.language`, newest entry first; None when there is no progress at all."""
    if not model.has_progress:
        return None
    language = ctx.language
    here = feed_site_path(site, language)
    entries = sorted(
        [*(_report_entry(model, ctx, r) for r in model.reports), *_update_entries(model, ctx)],
        key=lambda e: e.date,
        reverse=True,  # stable: on the same date reports first, then measures in their order
    )
    ET.register_namespace("", ATOM)
    feed = ET.Element(_atom("feed"), {XML_LANG: language})
    _text(feed, "id", _tag(site, model.strategy.period.start, f"progress/{language}"))
    _text(feed, "title", ctx.labels("open_data.feed_title", site=ctx.text(model.strategy.title)))
    _text(feed, "subtitle", ctx.labels("open_data.feed_subtitle"))
    _text(feed, "updated", _timestamp(entries[0].date))  # progress means at least one entry
    author = ET.SubElement(feed, _atom("author"))
    _text(author, "name", ctx.text(model.strategy.organisation.name))
    _link(feed, "self", site.link(here, here), MEDIA_TYPE)
    _link(feed, "alternate", site.link(site.page_path(urls.PROGRESS, language), here), "text/html")
    for entry in entries:
        page_path = site.page_path(entry.page, language)
        item = ET.SubElement(feed, _atom("entry"), {XML_BASE: site.link(page_path, here)})
        _text(item, "id", _tag(site, entry.date, f"{entry.key}/{language}"))
        _text(item, "title", entry.title)
        _text(item, "updated", _timestamp(entry.date))
        _link(item, "alternate", site.link(page_path, here), "text/html")
        ET.SubElement(item, _atom("content"), {"type": "html"}).text = _xml_text(entry.content)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _report_entry(model: StrategyModel, ctx: RenderContext, report: Report) -> _Entry:
    """A report, with what changed since the previous one (as its page tells it)."""
    previous = model.report_before(report.date)
    since = previous.date if previous else None
    changes = changes_between(model.measures, since, report.date)
    page = urls.report_page(report.date.isoformat())
    content = ctx.render(
        "feed_report.html",
        page,
        report=report,
        previous=previous,
        changes=changes,
        kinds=changes_by_kind(changes, since),
    )
    return _Entry(
        report.date, f"reports/{report.date.isoformat()}", ctx.text(report.title), page, content
    )


def _update_entries(model: StrategyModel, ctx: RenderContext) -> list[_Entry]:
    entries = []
    for measure in model.measures:
        seen: dict[dt.date, int] = {}
        for update in measure.measure.progress:
            key = f"measures/{measure.id}/{update.date.isoformat()}"
            # Several updates on one day: their order in the data tells them apart.
            seen[update.date] = seen.get(update.date, 0) + 1
            if seen[update.date] > 1:
                key += f"/{seen[update.date]}"
            entries.append(_update_entry(ctx, measure, update, key))
    return entries


def _update_entry(
    ctx: RenderContext, measure: MeasureEntry, update: ProgressUpdate, key: str
) -> _Entry:
    page = urls.measure_page(measure.id)
    title = ctx.labels(
        "open_data.feed_update_title",
        number=measure.number,
        measure=ctx.text(measure.measure.title),
        status=ctx.labels(f"status.{update.status.value}"),
    )
    content = ctx.render("feed_update.html", page, entry=measure, update=update)
    return _Entry(update.date, key, title, page, content)


def _tag(site: SiteAddress, date: dt.date | int, specific: str) -> str:
    """A `tag:` URI (RFC 4151): the site's host, a date it held it, and the data's ids."""
    when = date.isoformat() if isinstance(date, dt.date) else str(date)
    return f"tag:{site.authority},{when}:{specific}"


def _timestamp(date: dt.date) -> str:
    """Atom needs a time; the data has dates: the start of the day, in UTC."""
    return f"{date.isoformat()}T00:00:00Z"


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, _atom(name)).text = _xml_text(text)


def _xml_text(text: str) -> str:
    return _NOT_IN_XML.sub("", text)


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, _atom("link"), {"rel": rel, "href": href, "type": media_type})
