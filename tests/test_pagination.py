"""Long lists over numbered pages (issue 10): the measures index and the timelines of a site
with 320 measures, read from the built HTML and in the browser.

Every measure must be on exactly one page of each list, in order; every page links to every
other; the filters work across the whole list; the demo, whose lists fit one page, is unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe import axe_violations, describe
from conftest import LARGE_SITE_MEASURES, serve
from lxml import html
from many_measures import GOALS, measure
from playwright.sync_api import Page, expect
from suunta import urls
from suunta.pagination import NEAR, PAGE_SIZE, paginate

PAGES = -(-LARGE_SITE_MEASURES // PAGE_SIZE)
SECOND_PAGE = f"{PAGE_SIZE + 1}–{2 * PAGE_SIZE}"


def test_a_list_is_split_into_pages_of_page_size_with_every_item_once() -> None:
    items = list(range(2 * PAGE_SIZE + 7))
    parts = paginate(items, urls.MEASURES_INDEX)
    assert [p.pager.path for p in parts] == [
        "measures/index",
        "measures/pages/2",
        "measures/pages/3",
    ]
    assert [x for p in parts for x in p.items] == items
    assert [(p.pager.first, p.pager.last) for p in parts] == [
        (1, PAGE_SIZE),
        (PAGE_SIZE + 1, 2 * PAGE_SIZE),
        (2 * PAGE_SIZE + 1, 2 * PAGE_SIZE + 7),
    ]
    assert parts[2].pager.ranges[2] == (3, "measures/pages/3", 2 * PAGE_SIZE + 1, len(items))
    assert len(paginate(items[:PAGE_SIZE], urls.MEASURES_INDEX)) == 1
    (empty,) = paginate([], urls.goal_timeline_page("g"))
    assert empty.pager.path == "timeline/g" and not empty.items


def test_numbered_pages_lie_below_any_page_an_id_names() -> None:
    assert urls.numbered_page(urls.TIMELINE, 2) == "timeline/pages/2"
    assert urls.numbered_page(urls.goal_timeline_page("pages"), 3) == "timeline/pages/pages/3"
    assert urls.numbered_page(urls.MEASURES_INDEX, 1) == urls.MEASURES_INDEX
    # a measure called "pages" is measures/pages/, the index's second page one folder deeper
    assert urls.directory_url(urls.measure_page("pages")) != urls.directory_url(
        urls.numbered_page(urls.MEASURES_INDEX, 2)
    )


def _by_goal() -> dict[str, list[str]]:
    """The large site's measure ids by goal, in the order the site lists them."""
    return {
        goal: [f"measure-{i:05d}" for i in range(LARGE_SITE_MEASURES) if measure(i)["goal"] == goal]
        for goal in GOALS  # the demo's goals, in its order
    }


def _page(site: Path, path: str) -> html.HtmlElement:
    return html.fromstring((site / path / "index.html").read_bytes())


def _list_paths(first_page: str, rows: int, root: str = "") -> list[str]:
    """Every page of a list of `rows` rows that starts at `first_page`, under `root` ("sv/")."""
    count = -(-rows // PAGE_SIZE)
    return [
        root + urls.directory_url(urls.numbered_page(first_page, n)) for n in range(1, count + 1)
    ]


def _measure_links(doc: html.HtmlElement, table: str) -> list[str]:
    return [
        a.get("href").rstrip("/").rsplit("/", 1)[-1]
        for a in doc.xpath(f"{table}//tbody/tr/th[@scope='row']/a")
    ]


@pytest.mark.parametrize("root", ["", "sv/"])
def test_every_measure_is_on_one_page_of_the_index_in_order(
    built_large_site: tuple[Path, Path], root: str
) -> None:
    _, site = built_large_site
    listed: list[str] = []
    titles = set()
    for number, path in enumerate(_list_paths(urls.MEASURES_INDEX, LARGE_SITE_MEASURES, root), 1):
        doc = _page(site, path)
        rows = _measure_links(doc, "//table[@id='all-measures']")
        assert 0 < len(rows) <= PAGE_SIZE
        listed += rows
        titles.add(doc.findtext(".//title"))
        # links to the first, the last and the nearest pages, this one marked as the current one
        nav = doc.xpath("//nav[@class='suunta-pagination']")
        assert len(nav) == 1 and nav[0].get("aria-label")
        current = nav[0].xpath(".//a[@aria-current='page']")
        assert len(current) == 1 and f"{(number - 1) * PAGE_SIZE + 1}" in current[0].text_content()
        linked = [
            int(a.get("aria-label").split(":")[0].split()[-1])
            for a in nav[0].xpath(".//a[not(@rel)]")
        ]
        assert {1, PAGES, number} <= set(linked) and len(linked) <= 2 * NEAR + 3, linked
        caption = doc.xpath("//table[@id='all-measures']/caption")[0].text_content()
        assert f"{(number - 1) * PAGE_SIZE + 1}–" in caption, caption
        assert len(doc.xpath("//h1")) == 1
    assert listed == [m for own in _by_goal().values() for m in own]
    assert len(titles) == PAGES, "every page of the list has a title of its own"


@pytest.mark.parametrize("root", ["", "sv/"])
def test_the_timelines_list_every_scheduled_measure_once_over_their_pages(
    built_large_site: tuple[Path, Path], root: str
) -> None:
    _, site = built_large_site
    whole: list[str] = []
    for n, path in enumerate(_list_paths(urls.TIMELINE, LARGE_SITE_MEASURES, root), start=1):
        doc = _page(site, path)
        tables = doc.xpath("//table[contains(@class, 'suunta-timeline')]")
        assert sum(len(t.xpath("./tbody/tr")) for t in tables) <= PAGE_SIZE
        whole += _measure_links(doc, "//table[contains(@class, 'suunta-timeline')]")
        # a goal's table that began on an earlier page says that it continues
        headings = doc.xpath("//h2")
        if n > 1:
            assert re.search(r"\((jatkuu|fortsättning)", headings[0].text_content()), n
    by_goal = _by_goal()
    assert whole == [m for goal in GOALS for m in by_goal[goal]]
    for goal, own in by_goal.items():
        assert len(own) > PAGE_SIZE  # so that each goal's timeline runs over two pages
        paths = _list_paths(urls.goal_timeline_page(goal), len(own), root)
        assert [m for path in paths for m in _measure_links(_page(site, path), "//table")] == own
        after = urls.numbered_page(urls.goal_timeline_page(goal), len(paths) + 1)
        assert not (site / root / urls.directory_url(after)).exists()


@pytest.mark.parametrize("root", ["", "sv/"])
def test_a_goal_lists_its_measures_over_its_pages_and_keeps_the_rest_on_the_first(
    built_large_site: tuple[Path, Path], root: str
) -> None:
    _, site = built_large_site
    for goal, own in _by_goal().items():
        pages = [_page(site, path) for path in _list_paths(urls.goal_page(goal), len(own), root)]
        table = "//table[contains(@class, 'suunta-table')]"
        assert [m for page in pages for m in _measure_links(page, table)] == own
        first, second = pages[0], pages[1]
        # the status chart stays on the first page; the others link back to it
        assert first.xpath("//h2[@id='status']") and not second.xpath("//h2[@id='status']")
        back = second.xpath("//div[contains(@class, 'suunta-goal')]/p/a")[0].get("href")
        assert back == "../../"
        assert len({page.findtext(".//title") for page in pages}) == len(pages)


def test_a_municipality_lists_the_measures_naming_it_over_its_pages(
    built_large_site: tuple[Path, Path],
) -> None:
    _, site = built_large_site
    own = [
        m for ids in _by_goal().values() for m in ids if "municipalities" in measure(int(m[-5:]))
    ]
    pages = [
        _page(site, path)
        for path in _list_paths(urls.municipality_page("tampere"), len(own), "sv/")
    ]
    assert len(pages) > 1
    table = "//table[contains(@class, 'suunta-table')]"
    assert [m for page in pages for m in _measure_links(page, table)] == own
    # the links for embedding are on the first page only
    assert pages[0].xpath("//h2[@id='embed']") and not pages[1].xpath("//h2[@id='embed']")
    assert len({page.findtext(".//title") for page in pages}) == len(pages)


def test_no_list_page_grows_with_the_number_of_measures(
    built_large_site: tuple[Path, Path], built_site: Path
) -> None:
    """A page of `PAGE_SIZE` rows weighs the same at 320 measures as at 2,000; the first page of the
    large site's index is not much larger than the demo's whole index of 24."""
    _, site = built_large_site
    for path in ("measures/", "timeline/", "timeline/pages/2/", "goals/applications/"):
        size = (site / path / "index.html").stat().st_size
        assert size < 250_000, (path, size)
    demo_index = (built_site / "measures" / "index.html").stat().st_size
    assert (site / "measures" / "index.html").stat().st_size < 4 * demo_index


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_filters_load_every_row_as_the_pages_render_it(
    built_large_site: tuple[Path, Path], language: str
) -> None:
    _, site = built_large_site
    root = "" if language == "fi" else "sv/"
    rows = json.loads((site / root / "filters" / "measures.json").read_bytes())["rows"]
    assert len(rows) == LARGE_SITE_MEASURES
    first_page = html.tostring(
        _page(site, root + "measures/").xpath("//table[@id='all-measures']/tbody")[0],
        encoding="unicode",
    )
    for row in rows[:PAGE_SIZE]:  # the same markup (and escaping) as on the first page
        parsed = html.tostring(
            html.fragment_fromstring(row, create_parent="tbody")[0], encoding="unicode"
        )
        assert parsed in first_page
    assert all(re.match(r'<tr data-goal="[a-z-]+"', row) for row in rows)
    whole = json.loads((site / root / "filters" / "measures.json").read_bytes())
    head = html.fragment_fromstring(whole["head"], create_parent="thead")[0]
    assert len(head.xpath("./th")) == len(
        html.fragment_fromstring(rows[0], create_parent="tbody")[0]
    )


def test_a_list_that_fits_one_page_is_not_split(built_site: Path) -> None:
    doc = _page(built_site, "measures/")
    assert not doc.xpath("//nav[@class='suunta-pagination']")
    assert not doc.xpath("//form[@data-all]")
    assert not (built_site / "filters").exists()
    assert not (built_site / "measures" / "pages").exists()
    assert not (built_site / "timeline" / "pages").exists()


@pytest.fixture(scope="module")
def large_site_url(built_large_site: tuple[Path, Path]) -> object:
    with serve(built_large_site[1]) as url:
        yield url


def _count(page: Page) -> str:
    return page.locator("#filter-count").inner_text()


def test_filters_on_a_later_page_find_matches_on_every_page(
    page: Page, large_site_url: str
) -> None:
    wanted = [i for i in range(LARGE_SITE_MEASURES) if measure(i)["responsible"] == ["Henkilö 5"]]
    page.goto(large_site_url + "/measures/pages/2/")
    expect(page.locator("#filter-count")).to_have_text(
        f"Näytetään {PAGE_SIZE}/{LARGE_SITE_MEASURES} toimenpidettä."
    )
    page.select_option("#filter-responsible", "Henkilö 5")
    expect(page.locator("#filter-count")).to_have_text(
        f"Näytetään {len(wanted)}/{LARGE_SITE_MEASURES} toimenpidettä."
    )
    shown = page.locator("#all-measures tbody tr:not([hidden]) th a")
    assert [
        link.rsplit("/", 2)[-2] for link in shown.evaluate_all("as => as.map(a => a.href)")
    ] == [m for own in _by_goal().values() for m in own if int(m[-5:]) in wanted]
    expect(page.locator("#measure-pages")).to_be_hidden()
    expect(page.locator("#page-range")).to_be_hidden()
    expect(page.locator("#all-measures caption")).not_to_contain_text(SECOND_PAGE)
    assert "?responsible=" in page.url
    shown.last.click()  # the rows' links lead to the measures' pages from here too
    last = [m for own in _by_goal().values() for m in own if int(m[-5:]) in wanted][-1]
    expect(page.locator("h1")).to_contain_text(f"Toimenpide {int(last[-5:])}:")
    page.go_back()
    # the shared address filters the whole list again; clearing brings the page back
    expect(page.locator("#filter-count")).to_have_text(
        f"Näytetään {len(wanted)}/{LARGE_SITE_MEASURES} toimenpidettä."
    )
    page.locator(".suunta-filters button[type=reset]").click()
    expect(page.locator("#filter-count")).to_have_text(
        f"Näytetään {PAGE_SIZE}/{LARGE_SITE_MEASURES} toimenpidettä."
    )
    expect(page.locator("#measure-pages")).to_be_visible()
    expect(page.locator("#all-measures caption")).to_contain_text(SECOND_PAGE)
    assert page.locator("#all-measures tbody tr:not([hidden])").count() == PAGE_SIZE


def test_the_whole_list_brings_its_own_columns(page: Page, site_urls: dict[str, str]) -> None:
    """A page shows only the columns its rows fill (Äänekoski's second page has no schedules);
    filtered, the whole list comes with the header of all its columns."""
    page.goto(site_urls["aanekoski"] + "/measures/pages/2/")
    own = page.locator("#all-measures thead th").count()
    page.select_option("#filter-goal", index=1)
    expect(page.locator("#measure-pages")).to_be_hidden()
    assert page.locator("#all-measures thead th").count() > own
    widths = page.locator("#all-measures tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.cells.length)"
    )
    assert widths and set(widths) == {page.locator("#all-measures thead th").count()}
    page.locator(".suunta-filters button[type=reset]").click()
    expect(page.locator("#measure-pages")).to_be_visible()
    assert page.locator("#all-measures thead th").count() == own


def test_without_javascript_the_page_links_lead_through_every_measure(
    browser: object, large_site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.goto(large_site_url + "/sv/measures/")
    seen = 0
    for n in range(1, PAGES + 1):
        expect(tab.locator("#measure-pages a[aria-current='page']")).to_have_attribute(
            "aria-label", re.compile(f"^Sida {n}: ")
        )
        seen += tab.locator("#all-measures tbody tr").count()
        # Hidden by the stylesheet until a script marks the page: waited for, not read at once
        # (right after a page link the new page's stylesheet may not apply yet).
        expect(tab.locator(".suunta-filters")).to_be_hidden()
        if n < PAGES:
            tab.locator("#measure-pages a[rel='next']").click()
    assert seen == LARGE_SITE_MEASURES
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/measures/pages/2/",
        "/sv/timeline/pages/2/",
        "/timeline/applications/pages/2/",
        "/sv/goals/collaboration/pages/2/",
        "/municipalities/tampere/pages/2/",
    ],
)
def test_pages_of_a_long_list_pass_axe(page: Page, large_site_url: str, path: str) -> None:
    page.goto(large_site_url + path)
    violations = axe_violations(page)
    assert not violations, "\n".join(describe(path, violations))
