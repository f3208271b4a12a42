"""What search engines and link previews read: absolute `hreflang` alternates with
`x-default`, the sitemap's alternates, a description from the data on every page, Open Graph
and Twitter card tags, the strategy as JSON-LD; and a site built for a sub-path."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SUB_PATH, html_pages, sub_path_site_url
from sites import EXAMPLES
from suunta.alternate_sitemaps import LOOKUP, NO_LOOKUP, stop_alternate_sitemap_fetches
from suunta.loader import load_data
from suunta.markup import json_ld, markdown_text
from suunta.model import build_model
from suunta.page_description import LIMIT, shorten
from suunta.site_config import SITE_URL_VARIABLE, SiteUrlError, site_url_override
from suunta.structured_data import strategy_json_ld

SITE_URL = sub_path_site_url(ROOT / "mkdocs.yml")
LANGS = ["fi", "sv"]


class Head(HTMLParser):
    """The head's links, meta tags and JSON-LD of a built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alternates: dict[str, str] = {}
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None
        self.json_ld: list[str] = []
        self.csp = ""
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta.setdefault(key, []).append(a.get("content", ""))
            if a.get("http-equiv") == "Content-Security-Policy":
                self.csp = a["content"]
        self._in_json_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False


def head_of(file: Path) -> Head:
    head = Head()
    head.feed(file.read_text("utf-8"))
    return head


def page_file(site: Path, path: str) -> Path:
    return site / path.strip("/") / "index.html" if path.strip("/") else site / "index.html"


@pytest.fixture(scope="module")
def demo():
    return build_model(load_data(ROOT / "data", LANGS))


def test_every_page_links_its_languages_absolutely_with_x_default(built_site: Path) -> None:
    pages = [p for p in html_pages(built_site) if p.name != "404.html"]
    assert len(pages) > 80
    for file in pages:
        head = head_of(file)
        relative = file.relative_to(built_site).as_posix().removesuffix("index.html")
        assert head.canonical == SITE_URL + relative, file
        assert set(head.alternates) == {"fi", "sv", "x-default"}, file
        own = "sv" if relative.startswith("sv/") else "fi"
        assert head.alternates[own] == head.canonical
        assert head.alternates["x-default"] == head.alternates["fi"]
        finnish = relative.removeprefix("sv/")
        assert head.alternates["fi"] == SITE_URL + finnish
        assert head.alternates["sv"] == SITE_URL + "sv/" + finnish


def test_the_sitemap_lists_every_page_with_its_alternates_and_x_default(built_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(built_site / "sitemap.xml").getroot().findall("s:url", ns)
    pages = {
        SITE_URL + p.relative_to(built_site).as_posix().removesuffix("index.html")
        for p in html_pages(built_site)
        if p.name != "404.html"
    }
    assert {u.find("s:loc", ns).text for u in urls} == pages
    for url in urls:
        links = {x.get("hreflang"): x.get("href") for x in url.findall("x:link", ns)}
        assert set(links) == {"fi", "sv", "x-default"} and links["x-default"] == links["fi"]
        assert set(links.values()) <= pages


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_a_single_language_example_has_no_alternates(
    built_examples: dict[str, Path], name: str
) -> None:
    site = built_examples[name]
    assert "xhtml:link" not in (site / "sitemap.xml").read_text("utf-8")
    for file in html_pages(site):
        head = head_of(file)
        assert head.alternates == {}, file
        assert "og:locale:alternate" not in head.meta
        assert head.meta.get("description"), f"{file}: no description"


def test_pages_describe_themselves_from_the_data(built_site: Path, demo) -> None:
    for file in html_pages(built_site):
        head = head_of(file)
        (description,) = head.meta["description"]
        assert 20 < len(description) <= LIMIT, file
        if file.name != "404.html":
            assert head.meta["og:description"] == [description]
    # The demo's measures have no description (the source gives none): number, title, goal.
    measure = demo.measures[3]
    page = head_of(page_file(built_site, f"sv/measures/{measure.id}/"))
    title, goal = measure.measure.title.texts["sv"], measure.goal.title.texts["sv"]
    assert page.meta["description"] == [shorten(f"Åtgärd 1.4: {title}. Strategiskt mål: {goal}")]
    goal = demo.goals[0].goal
    page = head_of(page_file(built_site, f"goals/{goal.id}/"))
    assert page.meta["description"] == [shorten(markdown_text(goal.description.texts["fi"]))]
    home = head_of(built_site / "index.html")
    assert home.meta["description"] == [
        shorten(markdown_text(demo.strategy.vision.text.texts["fi"]))
    ]
    timeline = head_of(page_file(built_site, "sv/timeline/"))
    assert timeline.meta["description"][0].startswith(
        "Tidslinje – Tammerforsregionens IKT-strategi:"
    )


def test_a_measure_with_a_description_is_described_by_it(built_examples: dict[str, Path]) -> None:
    model = build_model(load_data(EXAMPLES["dalsland"].parent / "data", ["sv"]))
    measure = next(m for m in model.measures if m.measure.description)
    head = head_of(page_file(built_examples["dalsland"], f"measures/{measure.id}/"))
    text = markdown_text(measure.measure.description.texts["sv"])
    assert head.meta["description"] == [shorten(text)] and len(text) > 10


def test_pages_carry_open_graph_and_twitter_card_tags(built_site: Path, demo) -> None:
    head = head_of(page_file(built_site, "sv/goals/applications/"))
    assert head.meta["og:url"] == [SITE_URL + "sv/goals/applications/"]
    assert head.meta["og:locale"] == ["sv_FI"] and head.meta["og:locale:alternate"] == ["fi_FI"]
    assert head.meta["og:type"] == ["website"] and head.meta["twitter:card"] == ["summary"]
    goal = next(g.goal for g in demo.goals if g.id == "applications")
    assert head.meta["og:title"] == [goal.title.texts["sv"]]
    assert head.meta["og:site_name"] == ["Tammerforsregionens IKT-strategi"]
    home = head_of(built_site / "sv" / "index.html")
    assert home.meta["og:title"] == ["Tammerforsregionens IKT-strategi"]


def test_the_home_page_describes_the_strategy_as_structured_data(built_site: Path, demo) -> None:
    for language, prefix in (("fi", ""), ("sv", "sv/")):
        head = head_of(built_site / prefix / "index.html")
        (body,) = head.json_ld
        data = json.loads(body)
        assert data["@type"] == "CreativeWork" and data["inLanguage"] == language
        assert data["name"] == demo.strategy.title.texts[language]
        assert data["url"] == SITE_URL + prefix
        assert data["temporalCoverage"] == "2023/2027"
        assert data["dateModified"] == demo.strategy.updated.isoformat()
        names = [m.name.texts[language] for m in demo.strategy.organisation.municipalities]
        assert [place["name"] for place in data["spatialCoverage"]] == names
        assert [part["url"] for part in data["hasPart"]] == [
            f"{SITE_URL}{prefix}goals/{g.id}/" for g in demo.goals
        ]
        assert "datePublished" not in data  # the demo gives no adoption: nothing is made up
        # A data block is not a script: the policy neither needs nor gets its hash.
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert head.csp and digest not in head.csp
    assert head_of(page_file(built_site, "goals/")).json_ld == []


def test_structured_data_cannot_end_its_script_element(demo) -> None:
    hostile = "</script><script>alert(1)</script><!-- & -->"
    title = demo.strategy.title.model_copy(update={"root": {"fi": hostile, "sv": hostile}})
    strategy = demo.strategy.model_copy(update={"title": title})
    data = strategy_json_ld(demo.__class__(strategy, demo.goals), "fi", LANGS, SITE_URL)
    text = str(json_ld(data))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == hostile


def test_the_404_page_finds_its_styles_under_the_sub_path(built_site: Path) -> None:
    page = (built_site / "404.html").read_text("utf-8")
    assets = re.findall(r'(?:href|src)="([^"]*assets/[^"]*)"', page)
    assert assets and all(a.startswith(SUB_PATH + "assets/") for a in assets), assets


def test_the_theme_fetches_no_sitemap_for_language_links(built_site: Path, tmp_path: Path) -> None:
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js"))
    code = bundle.read_text("utf-8")
    assert LOOKUP not in code and NO_LOOKUP in code
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    copy = tmp_path / "assets" / "javascripts" / "bundle.x.min.js"
    copy.write_text("a;" + code.replace(NO_LOOKUP, LOOKUP), "utf-8")
    assert stop_alternate_sitemap_fetches(tmp_path) and NO_LOOKUP in copy.read_text("utf-8")
    assert stop_alternate_sitemap_fetches(tmp_path)  # once changed, left alone
    copy.write_text("a changed theme", "utf-8")
    assert not stop_alternate_sitemap_fetches(tmp_path)


def test_the_site_address_can_be_given_for_one_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(SITE_URL_VARIABLE, raising=False)
    assert site_url_override() is None
    monkeypatch.setenv(SITE_URL_VARIABLE, "https://org.github.io/repo")
    assert site_url_override() == "https://org.github.io/repo/"
    monkeypatch.setenv(SITE_URL_VARIABLE, "org.github.io/repo")
    with pytest.raises(SiteUrlError, match="not a web address"):
        site_url_override()


def test_descriptions_are_cut_at_a_word() -> None:
    assert shorten("Lyhyt  kuvaus.\n") == "Lyhyt kuvaus."
    long = "sana " * 60
    cut = shorten(long)
    assert len(cut) <= LIMIT and cut.endswith("sana…")
    assert markdown_text("**Vahva** [linkki](https://example.invalid/) &amp; <b>x</b>") == (
        "Vahva linkki & x"
    )
