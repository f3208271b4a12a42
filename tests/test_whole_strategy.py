"""The whole strategy on one page per language, without a browser: every goal, measure and
document section is on it, its headings form one valid outline, and it links no PDF until
`suunta pdf` has made one."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from sites import EXAMPLES
from suunta import urls
from suunta.generator import page_markdown, render_pages
from suunta.labels import Labels
from suunta.loader import load_data
from suunta.localize import pick
from suunta.model import StrategyModel, build_model
from suunta.pages import document_pages, home, whole_strategy
from suunta.pages.document_pages import present_sections
from suunta.site_config import site_settings

SITES = {"demo": ROOT / "mkdocs.yml", **EXAMPLES}


class _Outline(HTMLParser):
    """Headings (level, text), ids and links of a page body."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.ids: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self._level = 0
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids[str(values["id"])] += 1
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))
        if re.fullmatch(r"h[1-6]", tag):
            self._level, self._text = int(tag[1]), ""

    def handle_endtag(self, tag: str) -> None:
        if re.fullmatch(r"h[1-6]", tag) and self._level:
            self.headings.append((self._level, " ".join(self._text.split())))
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            self._text += data


@functools.cache
def _whole_pages(config: Path) -> tuple[StrategyModel, list[str], dict[str, str]]:
    paths, languages = site_settings(config)
    model = build_model(load_data(paths.data_dir, languages))
    bodies = {}
    for language in languages:
        pages = render_pages(model, paths.templates_dir, language, languages, (whole_strategy,))
        bodies[language] = next(p.body for p in pages if p.path == urls.WHOLE_STRATEGY)
    return model, languages, bodies


@pytest.fixture(scope="module", params=sorted(SITES))
def site(request: pytest.FixtureRequest) -> tuple[StrategyModel, list[str], dict[str, str]]:
    return _whole_pages(SITES[request.param])


def _outline(body: str) -> _Outline:
    parser = _Outline()
    parser.feed(body)
    return parser


def test_every_goal_and_measure_title_is_on_the_whole_page_in_its_language(site) -> None:
    model, languages, bodies = site
    for language, body in bodies.items():
        headings = {text for _, text in _outline(body).headings}
        for entry in model.goals:
            title = pick(entry.goal.title, language, languages).text
            assert f"{entry.goal.number}. {title}" in headings
        for m in model.measures:
            title = pick(m.measure.title, language, languages).text
            assert f"{m.number} {title}" in headings, f"{language}: measure {m.id} missing"


def test_every_measure_field_and_schedule_in_words_is_on_the_whole_page(site) -> None:
    model, languages, bodies = site
    for language, body in bodies.items():
        label = Labels(language)
        for m in model.measures:
            start = body.index(f'id="measure--{m.id}"')
            end = body.find('<section class="suunta-whole-measure"', start)
            part = body[start : end if end > 0 else len(body)]
            if m.measure.schedule:
                assert label("measure.schedule") in part
                # A schedule in words names its phase, never a bare period code.
                assert not re.search(r"\b\d{4}-(spring|autumn)\b", part)
            if m.measure.metric:
                assert label("measure.metric") in part


def test_every_document_section_has_its_heading_on_the_whole_page(site) -> None:
    model, _, bodies = site
    kinds = present_sections(model.document)
    for language, body in bodies.items():
        headings = [(level, text) for level, text in _outline(body).headings]
        label = Labels(language)
        for kind in kinds:
            assert (2, label(kind.title)) in headings, f"{language}: {kind.slug}"
        if model.document and model.document.introduction:
            assert (2, label("document.introduction")) in headings


def test_the_whole_page_has_one_h1_no_skipped_level_and_no_repeated_id(site) -> None:
    model, languages, bodies = site
    for language, body in bodies.items():
        outline = _outline(body)
        levels = [level for level, _ in outline.headings]
        assert levels.count(1) == 1 and levels[0] == 1
        assert outline.headings[0][1] == pick(model.strategy.title, language, languages).text
        skipped = [
            (a, b)
            for a, b in zip(outline.headings, outline.headings[1:], strict=False)
            if b[0] > a[0] + 1
        ]
        assert not skipped, f"{language}: heading levels skipped: {skipped[:3]}"
        assert not [i for i, n in outline.ids.items() if n > 1]
        # Every entry of the contents leads to a heading or part on the page.
        for href in outline.hrefs:
            if href.startswith("#"):
                assert outline.ids[href[1:]] == 1, href


def test_the_whole_page_links_no_pdf_until_one_is_made() -> None:
    _, _, bodies = _whole_pages(ROOT / "mkdocs.yml")
    for language, body in bodies.items():
        assert not [h for h in _outline(body).hrefs if h.endswith(".pdf")]
        placeholder = re.search(r'<p class="suunta-pdf" hidden ([^>]*)></p>', body)
        assert placeholder, "no hidden place for the PDF link"
        assert f'data-suunta-pdf="tampereen-seudun-ict-strategia.{language}.pdf"' in body or (
            f'data-suunta-pdf="tammerforsregionens-ikt-strategi.{language}.pdf"' in body
        )


def test_the_whole_page_is_linked_from_home_and_about_and_kept_out_of_search() -> None:
    paths, languages = site_settings(ROOT / "mkdocs.yml")
    model = build_model(load_data(paths.data_dir, languages))
    builders = (home, document_pages, whole_strategy)
    pages = {p.path: p for p in render_pages(model, paths.templates_dir, "sv", languages, builders)}
    for source in (urls.HOME, urls.DOCUMENT):
        link = urls.relative_url(source, urls.WHOLE_STRATEGY)
        assert f'<a href="{link}">Hela strategin på en sida (utskrivbar)</a>' in pages[source].body
    markdown = page_markdown(pages[urls.WHOLE_STRATEGY])
    assert "search:\n  exclude: true" in markdown
    assert "search:" not in page_markdown(pages[urls.HOME])


def test_pdf_file_names_are_ascii_words_of_the_title_and_the_language() -> None:
    assert urls.pdf_file_name("Tammerforsregionens IKT-strategi", "sv") == (
        "tammerforsregionens-ikt-strategi.sv.pdf"
    )
    assert urls.pdf_file_name("Edistymisraportti 2025 (esimerkki)", "fi") == (
        "edistymisraportti-2025-esimerkki.fi.pdf"
    )
    assert urls.pdf_file_name("Äänekosken tietohallinto-ohjelma", "fi").startswith("aanekosken-")
    assert urls.pdf_file_name("»«", "fi") == "strategy.fi.pdf"


def test_a_strategy_without_a_document_file_still_has_its_whole_page() -> None:
    paths, languages = site_settings(ROOT / "mkdocs.yml")
    model = dataclasses.replace(build_model(load_data(paths.data_dir, languages)), document=None)
    (page,) = render_pages(model, paths.templates_dir, "fi", languages, (whole_strategy,))
    outline = _outline(page.body)
    levels = [level for level, _ in outline.headings]
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert len([h for h in outline.headings if h[0] == 2 and h[1][0].isdigit()]) == len(model.goals)
    assert "Nykytilan analyysi" not in page.body and 'id="about--' not in page.body
