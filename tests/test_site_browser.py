"""The built demo in a real browser: accessibility, languages, switching, measure pages."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe import axe_violations, describe
from conftest import ROOT, site_pages
from playwright.sync_api import Page, expect
from suunta.labels import Labels
from suunta.loader import load_data
from suunta.model import build_model

pytestmark = pytest.mark.browser

LANGUAGES = ["fi", "sv"]


def language_of(path: str) -> str:
    return "sv" if path.startswith("/sv/") else "fi"


@pytest.fixture(scope="module")
def model():
    return build_model(load_data(ROOT / "data", LANGUAGES))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_no_axe_violations_and_the_right_lang(
    page: Page, site_url: str, built_site: Path, language: str
) -> None:
    paths = [p for p in site_pages(built_site) if language_of(p) == language]
    assert len(paths) > 30, paths  # home, goals, 24 measures, indexes, editors' pages
    # The municipality pages are one template over the same measures: the first stands for
    # all (the accessibility suite checks the kind), so the sweep stays within its time.
    municipalities = [p for p in paths if re.search(r"/municipalities/[^/]+/$", p)]
    paths = [p for p in paths if p not in municipalities[1:]]
    problems: list[str] = []
    for path in paths:
        page.goto(site_url + path)
        lang = page.evaluate("document.documentElement.lang")
        if lang != language:
            problems.append(f"{path}: <html lang={lang!r}>, expected {language!r}")
        problems += describe(path, axe_violations(page))
    assert not problems, "\n".join(problems)


def switch_language(page: Page, name: str) -> None:
    """Open Material's language menu (it opens on focus) and follow the language's link."""
    page.locator(".md-header .md-select button").click()
    page.locator(".md-header").get_by_role("link", name=name).click()


SWITCHED_PAGES = ["", "goals/", "goals/applications/", "measures/", "measures/te-reform/",
                  "background/"]


@pytest.mark.parametrize("path", SWITCHED_PAGES)
def test_language_switch_lands_on_the_counterpart_page(page: Page, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}")
    switch_language(page, "På svenska")
    expect(page).to_have_url(f"{site_url}/sv/{path}")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    switch_language(page, "Suomeksi")
    expect(page).to_have_url(f"{site_url}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", "fi")


def field_texts(page: Page) -> dict[str, str]:
    rows = page.locator(".suunta-fields > div")
    return {
        rows.nth(i).locator("dt").inner_text(): rows.nth(i).locator("dd").inner_text().strip()
        for i in range(rows.count())
    }


# The schedule and status as a reader should read them (status as of the data's `as_of`).
MEASURE_CASES = [
    ("basic-it-procurement", "fi",
     "Selvitys syksystä 2023 kevääseen 2024, käyttöönotto syksystä 2024 syksyyn 2025, "
     "jatkuva toiminta vuodesta 2026 alkaen.\n\n"
     "syksy 2024–syksy 2025: käyttöönotto (kilpailutus ja käyttöönottoprojektit)", "Käynnissä"),
    ("basic-it-procurement", "sv",
     "Utredning från hösten 2023 till våren 2024, införande från hösten 2024 till hösten 2025, "
     "löpande verksamhet från 2026 och framåt.\n\n"
     "hösten 2024–hösten 2025: införande (konkurrensutsättning och införandeprojekt)", "Pågår"),
    ("digital-roadmap", "fi", "Selvitys keväästä 2024 syksyyn 2024.", "Valmis"),
    ("digital-roadmap", "sv", "Utredning från våren 2024 till hösten 2024.", "Genomförd"),
    ("data-communications", "sv", None, None),
]


@pytest.mark.parametrize("measure_id, language, schedule, status", MEASURE_CASES)
def test_measure_page_shows_exactly_the_fields_of_its_data(
    page: Page, site_url: str, model, measure_id: str, language: str,
    schedule: str | None, status: str | None,
) -> None:
    entry = next(m for m in model.measures if m.id == measure_id)
    m = entry.measure
    label = Labels(language)
    prefix = "/sv" if language == "sv" else ""
    page.goto(f"{site_url}{prefix}/measures/{measure_id}/")

    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(f"{entry.number} {m.title.texts[language]}")
    # No measure of the demo names a responsible party or a unit: those fields are left out
    # rather than shown empty on every page.
    expected = {
        label("measure.goal"): f"{entry.goal.number}. {entry.goal.title.texts[language]}",
        label("measure.schedule"): schedule or label("measure.not_given"),
        label("measure.metric"): " ".join(m.metric.texts[language].split()),
        label("measure.status"): status or label("measure.not_given"),
    }
    if m.notes:
        expected[label("measure.notes")] = m.notes.texts[language]
    assert field_texts(page) == expected
    illustrative = page.locator(".suunta-illustrative")
    expect(illustrative).to_have_count(1 if m.illustrative else 0)
    goal_link = page.locator(".suunta-breadcrumbs").get_by_role("link").nth(1)
    goal_link.click()
    expect(page).to_have_url(f"{site_url}{prefix}/goals/{entry.goal.id}/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_shows_vision_values_and_goals_with_measure_counts(
    page: Page, site_url: str, model, language: str
) -> None:
    label = Labels(language)
    strategy = model.strategy
    page.goto(site_url + ("/sv/" if language == "sv" else "/"))
    expect(page.locator("h1")).to_have_text(strategy.title.texts[language])
    vision = page.locator("section.suunta-vision")
    expect(vision.locator("h2")).to_have_text(label("home.vision", year=2040))
    expect(vision).to_contain_text(strategy.vision.text.texts[language])
    for value in strategy.values:
        expect(page.get_by_role("heading", name=value.title.texts[language])).to_be_visible()
    items = page.locator("ol.suunta-goal-list > li")
    expect(items).to_have_count(len(model.goals))
    for item, goal in zip(items.all(), model.goals, strict=True):
        expect(item.get_by_role("link")).to_have_text(goal.goal.title.texts[language])
        expect(item).to_contain_text(label.plural("measures_count", len(goal.measures)))


def test_goal_page_table_lists_its_measures_with_headers_and_caption(
    page: Page, site_url: str, model
) -> None:
    goal = model.goals[1]
    page.goto(f"{site_url}/goals/{goal.id}/")
    table = page.get_by_role("table", name=Labels("fi")("goal.measures_caption", number=2))
    # Number, measure, schedule, status: no demo measure names a responsible party or a unit.
    headers = table.get_by_role("columnheader")
    expect(headers).to_have_text(["Nro", "Toimenpide", "Aikataulu", "Tila"])
    row_headers = table.get_by_role("rowheader")
    expect(row_headers).to_have_count(len(goal.measures))
    expect(row_headers.first).to_have_text(goal.measures[0].measure.title.texts["fi"])
    row_headers.first.get_by_role("link").click()
    expect(page).to_have_url(f"{site_url}/measures/{goal.measures[0].id}/")


def test_measures_index_lists_every_measure_once(page: Page, site_url: str, model) -> None:
    page.goto(f"{site_url}/sv/measures/")
    table = page.get_by_role("table", name=Labels("sv")("measures_index.caption"))
    titles = table.get_by_role("rowheader").all_inner_texts()
    assert titles == [m.measure.title.texts["sv"] for m in model.measures]


def test_navigation_lists_page_kinds_not_measures(page: Page, site_url: str, model) -> None:
    page.goto(f"{site_url}/")
    nav_links = page.locator("nav.md-nav--primary a.md-nav__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    measure_links = [href for href in nav_links if re.search(r"measures/[^/]+/", href)]
    assert not measure_links
    assert any(href.endswith("measures/") for href in nav_links), nav_links
    assert len(nav_links) < 15, nav_links


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_pages_in_the_readers_language_only(page: Page, site_url: str, language: str) -> None:
    prefix = "/sv" if language == "sv" else ""
    page.goto(f"{site_url}{prefix}/goals/")
    page.locator(".md-search__input").click()
    page.keyboard.type("eVaka")
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible()
    # Paths within the site, which is served under a sub-path (conftest.SUB_PATH).
    site_path = urlsplit(site_url).path
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert all(h.startswith(site_path + "/") for h in hrefs), hrefs
    hrefs = [h[len(site_path) :] for h in hrefs]
    assert f"{prefix}/measures/evaka-deployment/" in hrefs
    assert all(h.startswith("/sv/") == (language == "sv") for h in hrefs), hrefs


@pytest.mark.parametrize("path, query, expected", [
    ("/", "palveluissa", "/background/"),          # inflected form of "palvelu"
    ("/sv/", "tjänsten", "/sv/background/"),        # inflected form of "tjänst"
    ("/", "eVa", "/measures/evaka-deployment/"),    # a prefix while typing
])
def test_search_finds_inflected_words_and_prefixes(
    page: Page, site_url: str, path: str, query: str, expected: str
) -> None:
    page.goto(site_url + path)
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert urlsplit(site_url).path + expected in hrefs, hrefs


def test_the_search_index_waits_for_the_first_search(page: Page, site_url: str) -> None:
    """On a large strategy the index is the heaviest file: a reader who never searches never loads it."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/sv/goals/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in asked if url.endswith("search_index.json")], asked
    page.keyboard.press("/")  # Material's shortcut: the reader starts to search
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("eVaka")
    expect(page.locator(".md-search-result__link").first).to_be_visible()
    index = [url for url in asked if url.endswith("search_index.json")]
    assert index == [f"{site_url}/sv/search/search_index.json"], index


def test_the_filters_are_in_place_from_the_first_paint(page: Page, site_url: str) -> None:
    """Nothing moves when the page's script runs (Cumulative Layout Shift)."""
    page.add_init_script(
        "window.suuntaShift = 0; new PerformanceObserver(list => list.getEntries().forEach("
        "entry => { if (!entry.hadRecentInput) window.suuntaShift += entry.value; }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(f"{site_url}/measures/")
    expect(page.get_by_role("status")).to_have_text("Näytetään 24/24 toimenpidettä.")
    page.wait_for_timeout(300)
    expect(page.locator("form.suunta-filters")).to_be_visible()
    assert page.evaluate("window.suuntaShift") < 0.05
