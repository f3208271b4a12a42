"""The one path by which text becomes HTML: escape plain text, sanitise rendered Markdown.

Data fields, editors' Markdown pages and every text handed to the theme (the site's name,
page titles, descriptions, the copyright) pass through here, so an allow-list decides what
reaches a resident's browser, not the theme's or an editor's habits.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup, escape

from .cli_texts import say

# Headings are left out on purpose: a description must not break the page's heading outline.
ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "code",
    "blockquote",
    "abbr",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "hreflang"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# An editor's page is a whole document: headings, tables, images, admonitions and the like,
# but still nothing that runs (scripts, event handlers, `javascript:` or `data:` URLs, frames)
# or restyles the page beyond what Markdown itself writes.
PAGE_TAGS = ALLOWED_TAGS | {
    *(f"h{level}" for level in range(1, 7)),
    "hr",
    "pre",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "img",
    "figure",
    "figcaption",
    "div",
    "span",
    "details",
    "summary",
    "del",
    "ins",
    "s",
    "u",
    "mark",
    "small",
    "kbd",
    "q",
    "cite",
    "time",
}
PAGE_ATTRIBUTES = {
    "*": {"id", "class", "lang", "title", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
}
PAGE_STYLE_PROPERTIES = {"text-align"}
"""Markdown tables align columns with `style="text-align: …"`; no other inline style is kept."""
PAGE_URL_SCHEMES = ALLOWED_URL_SCHEMES | {"tel"}
DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript"}


def plain(text: str) -> Markup:
    """Escape text for HTML (Jinja's autoescape does the same for values in templates)."""
    return escape(text)


def heading_text(html_text: str) -> Markup:
    """A title MkDocs took from a rendered heading (tags stripped, entities kept), made safe.

    Entities are decoded first and everything escaped again, so quotes cannot break out of
    the attributes in which the theme prints titles, and nothing is escaped twice.
    """
    return escape(html_lib.unescape(html_text))


MAX_LINK_BRACKETS = 64
"""More `[` than this in one field are taken as text: Python-Markdown's link patterns take
seconds on thousands of unclosed brackets (a pasted table, say), which would stall a build."""


@cache
def _markdown() -> markdown.Markdown:
    """One Markdown instance, reset for each text: building one costs more than a field."""
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


@lru_cache(maxsize=8192)
def markdown_html(text: str) -> Markup:
    """Render an editor's Markdown field and remove anything that could run or restyle the page.

    The same text is rendered on several pages (a measure's own, its goal's, the whole
    strategy): the result is remembered, and one Markdown instance is reused.
    """
    if text.count("[") > MAX_LINK_BRACKETS:
        text = text.replace("[", "\\[")
    html = _markdown().reset().convert(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)


@lru_cache(maxsize=8192)
def markdown_text(text: str) -> str:
    """A Markdown field as one line of plain text (for a meta description): the rendered,
    sanitised HTML with its tags removed and its entities decoded. Not HTML: escape it again.
    Remembered like `markdown_html`: every generation under `mkdocs serve` describes every
    page again."""
    text_only = nh3.clean(str(markdown_html(text)), tags=set(), attributes={})
    return " ".join(html_lib.unescape(text_only).split())


_JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def json_ld(data: Mapping[str, Any]) -> Markup:
    """Structured data as the body of a `<script type="application/ld+json">`.

    `<`, `>` and `&` are written as JSON escapes, so no text in the data can end the script
    element (`</script>`) or open a comment; JSON parsers read the same values.
    """
    text = json.dumps(data, ensure_ascii=False, indent=None, sort_keys=False)
    return Markup(text.translate(_JSON_IN_SCRIPT))


@dataclass(frozen=True)
class Removed:
    """One thing the sanitiser took out of an editor's page, and the text to find it by."""

    what: str
    """The kind of thing removed: `element`, `attribute` or `address` (a message key)."""
    name: str
    """The element's tag, the attribute's name, or the (shortened) address."""
    needle: str
    """Text as written in the source (a tag or attribute name, a URL) to locate the line."""
    tag: str
    """The element it was in (or the element itself)."""

    def describe(self) -> str:
        """What was removed, in words (the language of messages)."""
        return say(f"build.removed_{self.what}", name=self.name, tag=self.tag)


def sanitize_page(html: str) -> tuple[str, list[Removed]]:
    """Clean an editor's rendered page with the page allow-list; say what was removed."""
    finder = _Disallowed()
    finder.feed(html)
    finder.close()
    cleaned = nh3.clean(
        html,
        tags=PAGE_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=PAGE_URL_SCHEMES,
        filter_style_properties=PAGE_STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )
    return cleaned, finder.removed


def removal_warnings(file: str, source: str, removed: list[Removed]) -> list[str]:
    """One line per removal, with the line of the editor's Markdown where it was written."""
    warnings = []
    for item in dict.fromkeys(removed):
        position = source.lower().find(item.needle.lower())
        where = file
        if position >= 0:
            where = say("build.at_line", file=file, line=source.count(chr(10), 0, position) + 1)
        warnings.append(say("build.removed", where=where, what=item.describe()))
    return warnings


class _Disallowed(HTMLParser):
    """Lists the elements, attributes and URLs of a page that the page allow-list refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removed] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in PAGE_TAGS:
            self.removed.append(Removed("element", tag, f"<{tag}", tag))
            return
        allowed = PAGE_ATTRIBUTES.get(tag, set()) | PAGE_ATTRIBUTES["*"]
        for name, value in attrs:
            if name not in allowed:
                self.removed.append(Removed("attribute", name, name, tag))
            elif name in {"href", "src"} and value and not _allowed_url(value):
                self.removed.append(Removed("address", _short(value), value.strip()[:20], tag))


def _allowed_url(value: str) -> bool:
    scheme = urlsplit(value.strip()).scheme.lower()
    return not scheme or scheme in PAGE_URL_SCHEMES


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


_ID_ATTRIBUTE = re.compile(r'\sid="([^"<>]+)"')


def anchor_ids(html: str) -> set[str]:
    """The ids a generated page's HTML gives its elements, which links from other pages may
    point at (`page.md#goal-services`). Suunta's templates write every attribute in double
    quotes, and escaped data text cannot make one, so a pattern finds them all."""
    return set(_ID_ATTRIBUTE.findall(html))
