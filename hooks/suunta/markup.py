"""The one path by which data text becomes HTML: escape plain text, sanitise rendered Markdown."""

from __future__ import annotations

import markdown
import nh3
from markupsafe import Markup, escape

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


def plain(text: str) -> Markup:
    """Escape text for HTML (Jinja's autoescape does the same for values in templates)."""
    return escape(text)


def markdown_html(text: str) -> Markup:
    """Render an editor's Markdown field and remove anything that could run or restyle the page."""
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
