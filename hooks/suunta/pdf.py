"""`suunta pdf SITE_DIR`: print the whole strategy and every dated report of a built site to
PDF with Chromium, and link each PDF, with its size, from the page it was printed from.

The pages say what to print: each carries a hidden, empty placeholder (`pdf_placeholder` in
`overrides/suunta/macros.html`) with the PDF's file name, title and link text. A site built
without `suunta pdf` therefore links no PDF; after it, the placeholder holds the link. The
site is served on 127.0.0.1 only, and every request that would leave it is refused.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.units import format_unit

from . import local_server
from .chromium import keep_on_localhost, launch_options
from .cli_texts import choose_language, say

PLACEHOLDER = re.compile(r'<p class="suunta-pdf"(?P<attrs>[^>]*)>.*?</p>', re.DOTALL)
ATTRIBUTE = re.compile(r'\s(?P<name>[a-z-]+)(?:="(?P<value>[^"]*)")?')
LANG = re.compile(r'<html[^>]*\slang="(?P<lang>[^"]+)"')
PDF_DATE = re.compile(rb"/(?P<key>CreationDate|ModDate) \(D:(?P<stamp>\d{14})")

MARGIN = {"top": "16mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
# The document's title and the page number at the foot of each page, so a printed page says
# where it belongs; the header is empty (Chromium's default header would print the date of
# printing, a build clock in the output).
FOOTER = (
    '<div style="width:100%;margin:0 16mm;font-size:8pt;font-family:sans-serif;'
    'display:flex;justify-content:space-between;gap:1em">'
    '<span class="title"></span>'
    '<span style="white-space:nowrap"><span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)
HEADER = "<span></span>"


@dataclass(frozen=True)
class PdfPage:
    """A page of the built site that asks to be printed, and what its PDF is called."""

    html_file: Path
    url_path: str
    """The page's address under the site root (`/sv/strategy/whole/`)."""
    file_name: str
    """The PDF's name, beside the page's `index.html`."""
    title: str
    link_text: str
    """The link's text, with `{size}` where the PDF's size goes."""
    language: str
    date: str
    """The data's date for the PDF's metadata (`2026-11-27`), or "" when the page gives none."""

    @property
    def pdf_file(self) -> Path:
        return self.html_file.parent / self.file_name


def pages_to_print(site_dir: Path) -> list[PdfPage]:
    """Every page of the site with a PDF placeholder (filled or not), in path order."""
    found = []
    for file in sorted(site_dir.rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        match = PLACEHOLDER.search(text)
        if match is None:
            continue
        attrs = {
            m["name"]: html.unescape(m["value"] or "") for m in ATTRIBUTE.finditer(match["attrs"])
        }
        name = Path(attrs.get("data-suunta-pdf", "")).name
        if not name.endswith(".pdf"):
            continue
        lang = LANG.search(text)
        relative = file.parent.relative_to(site_dir).as_posix()
        found.append(
            PdfPage(
                html_file=file,
                url_path="/" if relative == "." else f"/{relative}/",
                file_name=name,
                title=attrs.get("data-suunta-pdf-title", ""),
                link_text=attrs.get("data-suunta-pdf-text", "{size}"),
                language=lang["lang"] if lang else "en",
                date=attrs.get("data-suunta-pdf-date", ""),
            )
        )
    return found


def file_size(size: int, language: str) -> str:
    """A file's size in the page's language: "340 kt", "1,2 MB"."""
    locale = language.replace("-", "_")
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", "short", locale=locale)
    return format_unit(round(size / 1_000_000, 1), "digital-megabyte", "short", locale=locale)


def link_html(page: PdfPage, size: int) -> str:
    """The filled placeholder: it keeps its attributes, so a later run finds it again."""
    text = page.link_text.replace("{size}", file_size(size, page.language))
    attrs = (
        f'data-suunta-pdf="{html.escape(page.file_name)}" '
        f'data-suunta-pdf-title="{html.escape(page.title)}" '
        f'data-suunta-pdf-date="{html.escape(page.date)}" '
        f'data-suunta-pdf-text="{html.escape(page.link_text)}"'
    )
    return (
        f'<p class="suunta-pdf" {attrs}><a href="{html.escape(page.file_name)}" '
        f'type="application/pdf">{html.escape(text)}</a></p>'
    )


def add_link(page: PdfPage) -> None:
    """Put the link to the page's PDF, with its size, where its placeholder is."""
    text = page.html_file.read_text(encoding="utf-8")
    filled = link_html(page, page.pdf_file.stat().st_size)
    page.html_file.write_text(PLACEHOLDER.sub(lambda _: filled, text, count=1), encoding="utf-8")


def print_pages(site_dir: Path, pages: list[PdfPage]) -> list[str]:
    """Print each page to its PDF; returns the requests that were refused for leaving 127.0.0.1."""
    from playwright.sync_api import sync_playwright  # only `suunta pdf` needs Playwright

    with local_server.serve(site_dir) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        try:
            context = browser.new_context()
            outside = keep_on_localhost(context)
            tab = context.new_page()
            for page in pages:
                tab.goto(root + page.url_path, wait_until="load")
                _print(tab, page)
        finally:
            browser.close()
    return outside


def _print(tab: Any, page: PdfPage) -> None:
    # The PDF's title is the document's own, not the browser tab's "page - site".
    tab.evaluate("title => { document.title = title; }", page.title)
    tab.pdf(
        path=page.pdf_file,
        format="A4",
        margin=MARGIN,
        tagged=True,
        outline=True,
        print_background=True,
        display_header_footer=True,
        header_template=HEADER,
        footer_template=FOOTER,
    )
    with_data_date(page.pdf_file, page.date)


def with_data_date(pdf_file: Path, date: str) -> None:
    """The PDF's creation and modification dates become the data's date at midnight, so
    printing the same site twice gives the same dates (Chromium writes the clock's).

    The stamp keeps its length, so the PDF's byte offsets stay right.
    """
    digits = date.replace("-", "")
    stamp = (digits + "000000").encode() if re.fullmatch(r"\d{8}", digits) else b"19700101000000"
    data = pdf_file.read_bytes()
    fixed = PDF_DATE.sub(lambda m: b"/" + m["key"] + b" (D:" + stamp, data)
    pdf_file.write_bytes(fixed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="suunta pdf",
        description="Print the whole strategy and each dated report of a built site to PDF.",
    )
    parser.add_argument("site_dir", type=Path, help="the built site (mkdocs build's site/)")
    parser.add_argument("--lang", choices=["en", "fi", "sv"], help="language of the messages")
    args = parser.parse_args(argv)
    choose_language(args.lang)
    site_dir: Path = args.site_dir
    if not site_dir.is_dir():
        print(say("pdf.no_site", site=site_dir), file=sys.stderr)
        return 2
    pages = pages_to_print(site_dir)
    if not pages:
        print(say("pdf.no_pages", site=site_dir), file=sys.stderr)
        return 2
    try:
        outside = print_pages(site_dir, pages)
    except ImportError:
        print(say("pdf.no_playwright"), file=sys.stderr)
        return 2
    except Exception as error:  # Playwright's errors: no browser, a page that will not load
        if type(error).__module__.startswith("playwright"):
            print(say("pdf.browser_failed", error=str(error).splitlines()[0]), file=sys.stderr)
            return 1
        raise
    for url in outside:
        print(say("pdf.refused", url=url), file=sys.stderr)
    for page in pages:
        add_link(page)
        size = file_size(page.pdf_file.stat().st_size, page.language)
        print(say("pdf.wrote", file=page.pdf_file.relative_to(site_dir).as_posix(), size=size))
    return 0
