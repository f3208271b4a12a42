"""Timelines, progress and filters in a real browser (issue: residents can follow the strategy)."""

from __future__ import annotations

import re

import pytest
from a11y_checks import add_css
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

SYMBOLS = {"selvitys": "○", "käyttöönotto": "▲", "jatkuva toiminta": "■"}


def test_timeline_table_is_read_cell_by_cell_with_its_headers(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/ict-foundation/")
    table = page.get_by_role("table", name="Tavoitteen 1 toimenpiteiden aikataulu")
    headers = table.get_by_role("columnheader")
    expect(headers.first).to_have_text("Toimenpide")
    expect(headers).to_have_count(1 + 10)  # the strategy period 2023–2027 in half-years
    expect(table.get_by_role("columnheader", name="kevät 2026 (nyt)")).to_have_count(1)
    # The accessibility tree as a screen reader gets it. The symbol is hidden from assistive
    # technology: a cell reads as the phase in words, in the row of its measure.
    lines = table.aria_snapshot().splitlines()
    start = next(i for i, line in enumerate(lines) if 'row "1.1 Perustietotekniikka' in line)
    indent = len(lines[start]) - len(lines[start].lstrip())
    block = []
    for line in lines[start + 1:]:
        if len(line) - len(line.lstrip()) <= indent:
            break
        block.append(line.strip())
    assert block[0].startswith('- \'rowheader "1.1 Perustietotekniikka'), block
    cells = [re.fullmatch(r'- cell(?: "([^"]*)")?', line).group(1) or ""
             for line in block if line.startswith("- cell")]
    assert cells == ["", "selvitys", "selvitys", "käyttöönotto", "käyttöönotto", "käyttöönotto",
                     "jatkuva toiminta", "jatkuva toiminta", "jatkuva toiminta", "jatkuva toiminta"]


def test_timeline_phases_stay_distinguishable_in_grayscale(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    add_css(page, "html { filter: grayscale(1) !important; }")
    cells = page.locator("td[class*='suunta-phase-']")
    assert cells.count() > 20
    for cell in cells.all():
        text = cell.inner_text().strip()
        symbol, _, word = text.partition(" ")
        assert SYMBOLS.get(word.replace("\n", " ")) == symbol, text
    legend = page.locator(".suunta-legend").inner_text()
    for word, symbol in SYMBOLS.items():
        assert f"{symbol} {word}" in legend


def test_filters_work_by_keyboard_and_announce_the_count(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/measures/")
    status = page.get_by_role("status")
    expect(status).to_have_text("Näytetään 24/24 toimenpidettä.")
    goal = page.get_by_label("Tavoite", exact=True)
    for _ in range(60):  # Tab from the top of the page to the goal filter
        page.keyboard.press("Tab")
        if goal.evaluate("el => el === document.activeElement"):
            break
    expect(goal).to_be_focused()
    page.keyboard.press("ArrowDown")  # first goal
    expect(goal).to_have_value("ict-foundation")
    expect(status).to_have_text("Näytetään 11/24 toimenpidettä.")
    expect(page).to_have_url(re.compile(r"/measures/\?goal=ict-foundation$"))
    rows = page.locator("#all-measures tbody tr")
    expect(rows.locator("visible=true")).to_have_count(11)

    page.keyboard.press("Tab")  # on to the status filter
    status_filter = page.get_by_label("Tila", exact=True)
    expect(status_filter).to_be_focused()
    status_filter.select_option("in_progress")
    expect(status).to_have_text("Näytetään 2/24 toimenpidettä.")

    shared = page.url
    page.goto(shared)  # a shared link opens the same filtered view
    expect(page.get_by_role("status")).to_have_text("Näytetään 2/24 toimenpidettä.")
    page.get_by_role("button", name="Tyhjennä suodattimet").press("Enter")
    expect(page.get_by_role("status")).to_have_text("Näytetään 24/24 toimenpidettä.")


def test_without_javascript_every_measure_is_listed(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/sv/measures/?status=completed")
    expect(page.locator("form.suunta-filters")).to_be_hidden()
    expect(page.locator("#all-measures tbody tr").locator("visible=true")).to_have_count(24)
    context.close()


def test_printed_timeline_loses_nothing_to_scrolling(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/timeline/")
    page.emulate_media(media="print")
    for region in page.locator(".suunta-table-scroll").all():
        assert region.evaluate("el => getComputedStyle(el).overflowX") == "visible"
    cells = page.locator("td[class*='suunta-phase-']")
    assert cells.count() > 20
    for cell in cells.all():
        assert cell.evaluate("el => getComputedStyle(el).printColorAdjust") == "exact"
        expect(cell).to_be_visible()
