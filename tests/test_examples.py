"""The example sites under examples/ build strictly and show only what their data has, in
their own words and language (each built once per session, like the demo)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe import axe_violations, describe
from conftest import site_pages
from link_check import broken_links
from playwright.sync_api import Page
from sites import EXAMPLES, page_kinds
from suunta.labels import Labels, default_terms
from suunta.site_config import site_settings

SITES = sorted(EXAMPLES)


def strategy_of(name: str) -> dict[str, Any]:
    return yaml.safe_load((EXAMPLES[name].parent / "data" / "strategy.yml").read_text("utf-8"))


OWN_WORDS = [name for name in SITES if strategy_of(name).get("terms")]
"""Example sites that name their levels in their own words (Dalsland: områden, riktlinjer)."""


def language_of(name: str) -> str:
    return site_settings(EXAMPLES[name])[1][0]


class _Text(HTMLParser):
    """The visible text of a page's content area, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def data_texts(name: str) -> list[str]:
    """Every text written in the site's data files (so UI words can be told from data words)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            found.append(" ".join(node.split()))

    for file in sorted((EXAMPLES[name].parent / "data").rglob("*.yml")):
        walk(yaml.safe_load(file.read_text("utf-8")))
    return sorted(found, key=len, reverse=True)


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_in_the_sites_language(built_examples: dict[str, Path], name: str) -> None:
    site, language = built_examples[name], language_of(name)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for html in pages:
        text = html.read_text("utf-8")
        assert f'<html lang="{language}"' in text, html
        assert "md-select__link" not in text, f"{html}: a language switcher on a one-language site"


@pytest.mark.parametrize("name", SITES)
def test_every_internal_link_resolves(built_examples: dict[str, Path], name: str) -> None:
    checked, broken = broken_links(built_examples[name])
    assert checked > 100
    assert broken == [], "\n".join(broken)


def test_some_example_names_its_own_levels() -> None:
    assert "dalsland" in OWN_WORDS


@pytest.mark.parametrize("name", OWN_WORDS)
def test_the_ui_names_the_levels_in_the_strategys_own_words(
    built_examples: dict[str, Path], name: str
) -> None:
    """With `terms` in the data, no default level word is left in the UI (statement aside)."""
    strategy = strategy_of(name)
    language = language_of(name)
    renamed = strategy["terms"]
    own = {w for level in renamed.values() for w in level[language].values()}
    defaults = {w for level in renamed for w in default_terms(language)[level].values()} - own
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, defaults)) + r")\b", re.IGNORECASE)
    written = data_texts(name)
    leftovers = []
    for html in sorted(built_examples[name].rglob("*.html")):
        if "accessibility" in html.parts or html.name == "404.html":
            continue
        text = page_text(html.read_text("utf-8"))
        for data in written:
            text = text.replace(data, " ")
        leftovers += [f"{html.relative_to(built_examples[name])}: {m}" for m in pattern.findall(text)]
    assert leftovers == []


@pytest.mark.parametrize("name", SITES)
def test_no_column_chart_or_page_without_data(built_examples: dict[str, Path], name: str) -> None:
    site, language = built_examples[name], language_of(name)
    not_given = Labels(language)("measure.not_given")
    no_status = Labels(language)("progress.no_status")
    for html in sorted(site.rglob("*.html")):
        text = html.read_text("utf-8")
        for table in re.findall(r"<table\b.*?</table>", text, re.S):
            rows = re.findall(r"<tr\b.*?</tr>", table.split("<tbody>")[-1], re.S)
            cells = [re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", row, re.S) for row in rows]
            for column in range(max((len(c) for c in cells), default=0)):
                values = {page_text(c[column]) for c in cells if column < len(c)}
                assert values != {not_given}, f"{html}: a column of only '{not_given}'"
        assert no_status not in page_text(text) or "suunta-status-chart" not in text, html
    data = EXAMPLES[name].parent / "data"
    measures = [m for f in sorted((data / "measures").glob("*.yml"))
                for m in yaml.safe_load(f.read_text("utf-8"))["measures"]]
    pages = set(site_pages(site))
    has_schedule = any(m.get("schedule") for m in measures)
    has_progress = any(m.get("progress") for m in measures)
    assert ("/timeline/" in pages) == has_schedule
    assert ("/progress/" in pages) == has_progress
    if not any(m.get("status") or m.get("progress") for m in measures):
        assert not any("suunta-status-chart" in h.read_text("utf-8") for h in site.rglob("*.html"))


@pytest.mark.browser
@pytest.mark.parametrize("name", SITES)
def test_every_page_kind_has_no_axe_violations_in_the_light_scheme(
    page: Page, site_urls: dict[str, str], name: str
) -> None:
    """Every page kind (the dark scheme and the other checks: test_accessibility_browser)."""
    problems: list[str] = []
    for path in page_kinds(EXAMPLES[name]).values():
        page.goto(site_urls[name] + path)
        problems += describe(f"{name}{path}", axe_violations(page))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", SITES)
def test_a_site_without_example_values_carries_no_note_about_them(
    built_examples: dict[str, Path], name: str
) -> None:
    data = (EXAMPLES[name].parent / "data").rglob("*.yml")
    assert not any("illustrative: true" in f.read_text("utf-8") for f in data)
    for html in built_examples[name].rglob("*.html"):
        assert "suunta-site-note" not in html.read_text("utf-8"), html
