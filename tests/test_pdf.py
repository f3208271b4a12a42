"""`suunta pdf` on a copy of the built demo, run once: the PDFs' text holds every goal and
measure title in the PDF's language, with its language, title, bookmarks and page numbers,
and the pages link their PDFs with the size; and the link filling itself, without a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from conftest import ROOT, sub_path_site_url
from link_check import broken_links
from suunta import pdf
from suunta.loader import load_data
from suunta.localize import pick
from suunta.model import StrategyModel, build_model
from suunta.site_config import site_settings


@dataclass(frozen=True)
class Printed:
    site: Path
    output: str
    status: int


@pytest.fixture(scope="session")
def printed_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """`suunta pdf` run once on a copy of the built demo (the original stays without PDFs)."""
    site = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(built_site, site)
    # As the publishing workflow runs it: a process of its own (Playwright's sync API cannot
    # run inside the browser tests' event loop).
    done = subprocess.run(
        [sys.executable, "-m", "suunta.cli", "pdf", str(site), "--lang", "en"],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
    )
    return Printed(site, done.stdout, done.returncode)


@pytest.fixture(scope="module")
def whole_texts(printed_site: Printed) -> dict[str, str]:
    """The whole strategy PDF's text per language, read once (reading is the slow part)."""
    texts = {}
    for language in ("fi", "sv"):
        reader = pypdf.PdfReader(_whole_pdf(printed_site.site, language))
        texts[language] = _words(" ".join(page.extract_text() for page in reader.pages))
    return texts


@pytest.fixture(scope="module")
def demo() -> tuple[StrategyModel, list[str]]:
    paths, languages = site_settings(ROOT / "mkdocs.yml")
    return build_model(load_data(paths.data_dir, languages)), languages


def _words(text: str) -> str:
    """Text as the PDF gives it back: ligatures undone, lines joined (also after a hyphen)."""
    return re.sub(r"-\s+", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


def _whole_pdf(site: Path, language: str) -> Path:
    root = site if language == "fi" else site / language
    (found,) = (root / "strategy" / "whole").glob(f"*.{language}.pdf")
    return found


def _outline_titles(reader: pypdf.PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(_words(item.title))

    walk(reader.outline)
    return titles


@pytest.mark.browser
def test_the_whole_strategy_pdf_holds_every_goal_and_measure_in_its_language(
    printed_site: Printed, whole_texts: dict[str, str], demo: tuple[StrategyModel, list[str]]
) -> None:
    assert printed_site.status == 0, printed_site.output
    model, languages = demo
    for language in languages:
        text = whole_texts[language]
        for entry in model.goals:
            assert _words(pick(entry.goal.title, language, languages).text) in text
        missing = [
            m.id
            for m in model.measures
            if _words(f"{m.number} {pick(m.measure.title, language, languages).text}") not in text
        ]
        assert not missing, f"{language}: measures not in the PDF: {missing}"
        # In the PDF's language only: no other language's strategy title in it.
        for other in languages:
            if other != language:
                assert _words(model.strategy.title.root[other]) not in text


@pytest.mark.browser
def test_the_pdf_has_its_language_title_bookmarks_and_page_numbers(
    printed_site: Printed, demo: tuple[StrategyModel, list[str]]
) -> None:
    model, languages = demo
    for language in languages:
        reader = pypdf.PdfReader(_whole_pdf(printed_site.site, language))
        assert reader.trailer["/Root"]["/Lang"] == language
        assert "/StructTreeRoot" in reader.trailer["/Root"], "not a tagged PDF"
        title = pick(model.strategy.title, language, languages).text
        assert reader.metadata is not None and reader.metadata.title == title
        # The data's date, never the day it was printed.
        assert reader.metadata["/CreationDate"].startswith(
            "D:" + model.publication_date.strftime("%Y%m%d") + "000000"
        )
        # Chromium drops the space where a heading wraps: bookmarks are compared without spaces.
        bookmarks = {re.sub(r"\s", "", b) for b in _outline_titles(reader)}
        assert re.sub(r"\s", "", title) == re.sub(r"\s", "", _outline_titles(reader)[0])
        for entry in model.goals:
            goal = f"{entry.goal.number}. {pick(entry.goal.title, language, languages).text}"
            assert re.sub(r"\s", "", goal) in bookmarks
        pages = len(reader.pages)
        assert pages > len(model.goals), "each goal starts a page"
        for number in (1, pages):
            assert f"{number} / {pages}" in reader.pages[number - 1].extract_text()
        # No navigation chrome on paper.
        first = _words(reader.pages[0].extract_text())
        for chrome in ("Siirry sisältöön", "Hoppa till innehållet", "Suomeksi", "På svenska"):
            assert chrome not in first


@pytest.mark.browser
def test_each_report_has_its_pdf_with_its_title(
    printed_site: Printed, demo: tuple[StrategyModel, list[str]]
) -> None:
    model, languages = demo
    for language in languages:
        root = printed_site.site if language == "fi" else printed_site.site / language
        for report in model.reports:
            (file,) = (root / "reports" / report.date.isoformat()).glob(f"*.{language}.pdf")
            reader = pypdf.PdfReader(file)
            assert reader.metadata.title == pick(report.title, language, languages).text
            assert reader.trailer["/Root"]["/Lang"] == language


@pytest.mark.browser
def test_pages_link_their_pdf_with_its_size_and_every_link_resolves(
    printed_site: Printed,
) -> None:
    for language, words in (
        ("fi", "Koko strategia PDF-tiedostona"),
        ("sv", "Hela strategin som PDF-fil"),
    ):
        file = _whole_pdf(printed_site.site, language)
        page = (file.parent / "index.html").read_text("utf-8")
        size = pdf.file_size(file.stat().st_size, language)
        assert re.fullmatch(r"\d+(,\d)?\s(kt|Mt|kB|MB)", size)
        assert f'<a href="{file.name}" type="application/pdf">{words} ({size})</a>' in page, page[
            page.find("suunta-pdf") - 20 : page.find("suunta-pdf") + 400
        ]
        assert f"{file.relative_to(printed_site.site).as_posix()} ({size})" in printed_site.output
    site_url = sub_path_site_url(ROOT / "mkdocs.yml")  # the address the test build is made for
    checked, broken = broken_links(printed_site.site, site_url)
    assert not broken, broken


def _tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "sv" / "doc").mkdir(parents=True)
    (site / "sv" / "doc" / "index.html").write_text(
        '<html lang="sv"><body><h1>X</h1>'
        '<p class="suunta-pdf" hidden data-suunta-pdf="x &amp; y.sv.pdf" '
        'data-suunta-pdf-title="R&amp;D-strategi" data-suunta-pdf-date="2025-06-30" '
        'data-suunta-pdf-text="Som PDF-fil ({size})"></p><p>rest</p></body></html>',
        "utf-8",
    )
    (site / "index.html").write_text('<html lang="fi"><body>no placeholder</body></html>')
    return site


def test_pdf_link_fills_the_placeholder_and_is_found_again(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path)
    (page,) = pdf.pages_to_print(site)
    assert (page.url_path, page.file_name, page.title, page.language, page.date) == (
        "/sv/doc/",
        "x & y.sv.pdf",
        "R&D-strategi",
        "sv",
        "2025-06-30",
    )
    page.pdf_file.write_bytes(b"%" * 1_234_567)
    pdf.add_link(page)
    html = page.html_file.read_text("utf-8")
    assert (
        '<a href="x &amp; y.sv.pdf" type="application/pdf">Som PDF-fil (1,2 MB)</a></p><p>rest</p>'
        in html
    )
    assert " hidden" not in html
    # A second run finds the filled placeholder, with the same attributes, and refreshes it.
    assert pdf.pages_to_print(site) == [page]
    page.pdf_file.write_bytes(b"%" * 2_000)
    pdf.add_link(page)
    html = page.html_file.read_text("utf-8")
    assert html.count('class="suunta-pdf"') == 1 and "(2 kB)" in html


def test_the_pdf_dates_become_the_data_date_without_moving_bytes(tmp_path: Path) -> None:
    file = tmp_path / "x.pdf"
    original = b"<< /CreationDate (D:20261127184622+00'00') /ModDate (D:20261127184622+00'00') >>"
    file.write_bytes(original)
    pdf.with_data_date(file, "2025-06-30")
    fixed = file.read_bytes()
    assert fixed == original.replace(b"20261127184622", b"20250630000000")
    assert len(fixed) == len(original)


def test_pdf_says_in_one_line_what_is_wrong_with_the_site_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pdf.main([str(tmp_path / "nothing"), "--lang", "fi"]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    (tmp_path / "index.html").write_text("<html lang='fi'></html>")
    assert pdf.main([str(tmp_path), "--lang", "sv"]) == 2
    message = capsys.readouterr().err
    assert "ingen sida" in message and "mkdocs build" in message


def test_suunta_pdf_is_a_subcommand_and_needs_playwright_only_when_it_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from suunta import cli

    assert cli.main(["pdf", str(tmp_path / "nothing"), "--lang", "en"]) == 2
    assert "no built site" in capsys.readouterr().err
    probe = "import sys, suunta.cli, suunta.pdf; print('playwright' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        check=True,
    )
    assert result.stdout.strip() == "False"
