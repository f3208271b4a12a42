"""The Atom feeds of progress: valid against RFC 4287's schema (tests/atom.rng, the RFC's
Appendix B written out in RELAX NG's XML syntax for lxml), newest first, ids that do not change
between builds, dates from the data, and linked from every page's head."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from conftest import ROOT, sub_path_site_url
from lxml import etree
from lxml import html as lxml_html
from sites import EXAMPLES
from suunta.generator import generate
from suunta.loader import load_data
from suunta.model import build_model
from suunta.progress import changes_between, status_at
from suunta.schema import MeasureStatus
from suunta.site_config import site_settings

SITES = {"demo": ROOT / "mkdocs.yml", **EXAMPLES}
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "atom.rng")))
TEMPLATES = ROOT / "overrides" / "suunta"


@pytest.fixture(scope="module")
def sites(built_site: Path, built_examples: dict[str, Path]) -> dict[str, Path]:
    return {"demo": built_site, **built_examples}


def feed_path(name: str, language: str) -> str:
    default = site_settings(SITES[name])[1][0]
    return ("" if language == default else f"{language}/") + "feeds/progress.xml"


def model_of(name: str):  # noqa: ANN201 - the test's own helper
    paths, languages = site_settings(SITES[name])
    return build_model(load_data(paths.data_dir, languages))


def entry_ids(feed: etree._ElementTree) -> list[str]:
    return feed.xpath("/a:feed/a:entry/a:id/text()", namespaces=ATOM)


def test_the_schema_rejects_a_feed_without_an_id() -> None:
    feed = etree.fromstring(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        b"<updated>2026-01-01T00:00:00Z</updated></feed>"
    )
    assert not SCHEMA.validate(feed)


@pytest.mark.parametrize("name", SITES)
def test_each_language_has_a_valid_feed_of_every_report_and_update_newest_first(
    sites: dict[str, Path], name: str
) -> None:
    model = model_of(name)
    languages = site_settings(SITES[name])[1]
    file = sites[name] / feed_path(name, languages[0])
    if not model.has_progress:
        assert not file.exists()
        return
    updates = [(u.date, m.id) for m in model.measures for u in m.measure.progress]
    for language in languages:
        feed = etree.parse(str(sites[name] / feed_path(name, language)))
        assert SCHEMA.validate(feed), SCHEMA.error_log
        assert feed.getroot().get("{http://www.w3.org/XML/1998/namespace}lang") == language
        ids = entry_ids(feed)
        assert len(ids) == len(model.reports) + len(updates)
        assert len(set(ids)) == len(ids)
        dates = [d[:10] for d in feed.xpath("/a:feed/a:entry/a:updated/text()", namespaces=ATOM)]
        assert dates == sorted(dates, reverse=True)
        newest = max([r.date for r in model.reports] + [d for d, _ in updates]).isoformat()
        assert feed.xpath("/a:feed/a:updated/text()", namespaces=ATOM) == [f"{newest}T00:00:00Z"]
        report_ids = [i for i in ids if ":reports/" in i]
        assert [i.split(":reports/")[1] for i in report_ids] == [
            f"{r.date.isoformat()}/{language}" for r in reversed(model.reports)
        ]


def test_report_entries_say_what_changed_since_the_previous_report(sites: dict[str, Path]) -> None:
    model = model_of("demo")
    feed = etree.parse(str(sites["demo"] / "sv" / "feeds" / "progress.xml"))
    first, second = model.reports[0], model.reports[1]
    entry = feed.xpath(
        f"/a:feed/a:entry[a:id[contains(., ':reports/{second.date.isoformat()}/')]]",
        namespaces=ATOM,
    )[0]
    assert entry.xpath("a:title/text()", namespaces=ATOM) == [second.title.texts["sv"]]
    content = lxml_html.fragment_fromstring(
        entry.xpath("a:content/text()", namespaces=ATOM)[0], create_parent="div"
    )
    heading = content.xpath("//h2")[0].text_content()
    assert "Förändringar sedan föregående rapport" in heading
    changes = changes_between(model.measures, first.date, second.date)
    assert changes, "the demo's second report should have changes to tell"
    listed = [a.text_content() for a in content.xpath("//ul[@class='suunta-changes']/li/a")]
    assert listed == [f"{c.entry.number} {c.entry.measure.title.texts['sv']}" for c in changes]
    # In short first: measures with a first status, completed and delayed since the first report.
    kinds = {
        li.get("data-kind"): [a.text_content() for a in li.xpath("a")]
        for li in content.xpath("//ul[@class='suunta-change-kinds']/li")
    }

    def named(entries: list) -> list[str]:
        return [f"{m.number} {m.measure.title.texts['sv']}" for m in entries]

    before = {m.id: status_at(m, first.date) for m in model.measures}
    after = {m.id: status_at(m, second.date) for m in model.measures}
    expected = {
        "added": named(
            [m for m in model.measures if before[m.id] is None and after[m.id] is not None]
        ),
        "completed": named(
            [
                m
                for m in model.measures
                if after[m.id] is MeasureStatus.completed
                and before[m.id] is not MeasureStatus.completed
            ]
        ),
        "delayed": named(
            [
                m
                for m in model.measures
                if after[m.id] is MeasureStatus.delayed
                and before[m.id] is not MeasureStatus.delayed
            ]
        ),
    }
    assert kinds == {kind: names for kind, names in expected.items() if names}
    assert set(kinds) == {"added", "completed", "delayed"}, (
        "the demo's report should show all three"
    )
    # Links inside resolve from the entry's page (its xml:base).
    base = entry.get("{http://www.w3.org/XML/1998/namespace}base")
    site_url = sub_path_site_url(SITES["demo"])  # the address the test build is made for
    assert base == f"{site_url}sv/reports/{second.date.isoformat()}/"
    href = content.xpath("//ul[@class='suunta-changes']/li/a/@href")[0]
    target = posixpath.normpath(posixpath.join(base[len(site_url) :], href))
    assert (sites["demo"] / target / "index.html").is_file()


def test_entry_ids_stay_the_same_when_a_new_report_is_added(project: Path) -> None:
    def ids_after_generate() -> list[str]:
        generate(project / "data", project / "docs", TEMPLATES, ["fi", "sv"], "https://x.invalid/")
        return entry_ids(etree.parse(str(project / "docs" / "feeds" / "progress.fi.xml")))

    before = ids_after_generate()
    assert ids_after_generate() == before  # a second build of the same data
    strategy = project / "data" / "strategy.yml"
    text = strategy.read_text("utf-8")
    strategy.write_text(
        text.replace(
            "reports:\n",
            "reports:\n  - date: 2026-11-30\n    title:\n      fi: Uusi raportti\n"
            "      sv: Ny rapport\n",
            1,
        ),
        "utf-8",
    )
    after = ids_after_generate()
    assert after[0] == "tag:x.invalid,2026-11-30:reports/2026-11-30/fi"
    assert after[1:] == before


@pytest.mark.parametrize("name", SITES)
def test_every_page_head_links_the_feed_of_its_language(sites: dict[str, Path], name: str) -> None:
    site = sites[name]
    languages = site_settings(SITES[name])[1]
    has_feed = model_of(name).has_progress
    checked = 0
    for file in site.rglob("*.html"):
        relative = file.relative_to(site).as_posix()
        language = next(
            (lang for lang in languages[1:] if relative.startswith(f"{lang}/")), languages[0]
        )
        if relative == "404.html" or relative.startswith("embed/"):
            continue  # 404: served from any folder; embed/: fragments for other sites' pages
        doc = lxml_html.fromstring(file.read_bytes())
        hrefs = doc.xpath("//head/link[@rel='alternate'][@type='application/atom+xml']/@href")
        assert len(hrefs) == int(has_feed), relative
        checked += 1
        if not has_feed:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), hrefs[0]))
        assert target == feed_path(name, language), relative
    assert checked > 10


def test_progress_page_links_its_feed(sites: dict[str, Path]) -> None:
    doc = lxml_html.fromstring((sites["demo"] / "sv" / "progress" / "index.html").read_bytes())
    links = doc.xpath("//a[@type='application/atom+xml']")
    assert [a.get("href") for a in links] == ["../feeds/progress.xml"]
    assert "Atom" in links[0].text_content()


def test_without_site_url_the_feed_links_relatively_and_stays_valid(project: Path) -> None:
    """A site without `site_url`: links relative to the feed, which readers resolve."""
    generate(project / "data", project / "docs", TEMPLATES, ["fi", "sv"], "")
    feed = etree.parse(str(project / "docs" / "feeds" / "progress.sv.xml"))
    assert SCHEMA.validate(feed), SCHEMA.error_log
    self_link = feed.xpath("/a:feed/a:link[@rel='self']/@href", namespaces=ATOM)
    assert self_link == ["progress.xml"]
    bases = feed.xpath("/a:feed/a:entry/@xml:base", namespaces=ATOM)
    assert bases and all(b.startswith("../") for b in bases)
    # From /sv/feeds/progress.xml, "../reports/<date>/" is /sv/reports/<date>/.
    assert "../reports/2025-12-31/" in bases


def test_a_control_character_in_a_title_does_not_break_the_feed(project: Path) -> None:
    """A YAML escape can put a character in a text that XML cannot hold at all."""
    measures = project / "data" / "measures" / "1-ict-foundation.yml"
    text = measures.read_text("utf-8")
    line = '      sv: "Grundläggande informationsteknik: kravspecifikationer, '
    assert line in text
    broken = line.replace("Grundläggande", "Grund\\x01\\x0blägg\\ufffeande")
    measures.write_text(text.replace(line, broken, 1), "utf-8")
    generate(project / "data", project / "docs", TEMPLATES, ["fi", "sv"], "https://x.invalid/")
    feed = etree.parse(str(project / "docs" / "feeds" / "progress.sv.xml"))
    assert SCHEMA.validate(feed), SCHEMA.error_log
    titles = feed.xpath("//a:entry/a:title/text()", namespaces=ATOM)
    assert any(t.startswith("1.1 Grundläggande informationsteknik:") for t in titles)
