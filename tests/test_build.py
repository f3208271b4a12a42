"""Building with MkDocs: the demo under --strict, fallbacks, and the generator's file handling."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, html_pages, remove_a_swedish_title, run_mkdocs, site_pages
from suunta.cli import main as suunta_cli
from suunta.errors import DataError
from suunta.generator import generate

LANGS = ["fi", "sv"]


def test_demo_builds_strict_with_every_page_in_both_languages(built_site: Path) -> None:
    pages = set(site_pages(built_site))
    for prefix in ("/", "/sv/"):
        assert {f"{prefix}", f"{prefix}goals/", f"{prefix}measures/", f"{prefix}background/",
                f"{prefix}strategy/current-state/", f"{prefix}goals/ict-foundation/",
                f"{prefix}measures/joint-training/"} <= pages
    measures = [p for p in pages if re.fullmatch(r"(/sv)?/measures/[a-z0-9-]+/", p)]
    assert len(measures) == 2 * 24


def test_demo_pages_load_no_resource_from_another_host(built_site: Path) -> None:
    """Scripts, styles, images and fonts all come from the site itself (the browser tests
    also block any request that leaves 127.0.0.1)."""
    resource = re.compile(
        r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["'](?:https?:)?//"""
        r"""|<link\b(?![^>]*rel=["'](?:alternate|canonical)["'])[^>]*\bhref=["'](?:https?:)?//"""
        r"""|url\(["']?(?:https?:)?//"""
    )
    offenders = [
        f"{file.relative_to(built_site)}: {match.group(0)}"
        for file in [*built_site.rglob("*.html"), *built_site.rglob("*.css")]
        for match in resource.finditer(file.read_text("utf-8"))
    ]
    assert offenders == []


def test_untranslated_text_is_shown_marked_and_fails_strict(project: Path) -> None:
    line = remove_a_swedish_title(project)

    strict = run_mkdocs(project / "mkdocs.yml", project / "strict-site", "--strict")
    assert strict.returncode != 0
    assert (f"data/measures/1-ict-foundation.yml, line {line}, field 'measures[1].title': "
            "no translation in sv") in strict.stderr

    lenient = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert lenient.returncode == 0, lenient.stderr
    page = (project / "site" / "sv" / "measures" / "basic-it-procurement" / "index.html").read_text("utf-8")
    assert ('<span lang="fi">Perustietotekniikka: vaatimusmäärittelyt, kilpailutus, '
            'käyttöönottoprojektit</span> <span class="suunta-untranslated">(ej översatt)</span>') in page
    assert '<html lang="sv"' in page


def test_generator_rewrites_only_changed_pages_and_removes_stale_ones(project: Path) -> None:
    args = (project / "data", project / "docs", project / "overrides" / "suunta", LANGS)
    first = generate(*args)
    # home, goals index, 3 goals, measures index, 24 measures, 1 + 3 timelines, progress,
    # 2 reports, about the strategy + 8 document sections, the whole strategy, accessibility
    # statement, open data (the open data files and feeds beside them are not pages),
    # municipalities + 9 municipalities
    assert len(first.written) == 2 * (1 + 1 + 3 + 1 + 24 + 4 + 1 + 2 + 1 + 8 + 1 + 1 + 1 + 1 + 9)
    assert generate(*args).written == []  # identical input, identical output: nothing rewritten

    measures = project / "data" / "measures" / "3-collaboration.yml"
    text = measures.read_text("utf-8")
    measures.write_text(text[: text.index("  - id: project-portfolio")], "utf-8")
    third = generate(*args)
    removed = sorted(p.relative_to(project).as_posix() for p in third.removed)
    assert removed == ["docs/measures/project-portfolio.fi.md", "docs/measures/project-portfolio.sv.md"]
    changed = {p.relative_to(project).as_posix() for p in third.written}
    assert "docs/goals/collaboration.sv.md" in changed and "docs/index.fi.md" in changed
    assert "docs/measures/te-reform.fi.md" not in changed


def test_generate_makes_the_docs_folder_a_new_site_lacks(project: Path) -> None:
    """`suunta generate` in a site without `docs/` yet writes the pages, not an error about
    its staging folder."""
    shutil.rmtree(project / "docs")
    assert suunta_cli(["generate", "-f", str(project / "mkdocs.yml")]) == 0
    page = (project / "docs" / "measures" / "te-reform.sv.md").read_text("utf-8")
    assert "Införanden i anslutning till TE-reformen" in page
    assert not (project / ".suunta-staging").exists()


def test_cli_check_reports_problems_and_exit_status(project: Path, capsys) -> None:
    assert suunta_cli(["check", "-f", str(project / "mkdocs.yml")]) == 0
    assert "The data is valid." in capsys.readouterr().out
    goals = project / "data" / "goals.yml"
    text = goals.read_text("utf-8")
    line = text[: text.index("number: 2")].count("\n") + 1
    goals.write_text(text.replace("number: 2", "number: two"), "utf-8")
    assert suunta_cli(["check", "-f", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert f"data/goals.yml, line {line}, field 'goals[2].number': 'two' is not a whole number" in err
    assert not (project / "docs" / "goals").exists()


def test_generated_pages_are_plain_markdown_with_an_escaped_title() -> None:
    page = (ROOT / "docs" / "measures" / "te-reform.sv.md")
    if not page.exists():
        generate(ROOT / "data", ROOT / "docs", ROOT / "overrides" / "suunta", LANGS)
    text = page.read_text("utf-8")
    assert text.startswith("---\n# Generated by Suunta")
    assert "title: Införanden i anslutning till TE-reformen\n" in text


def test_editors_page_missing_in_swedish_is_shown_marked_and_fails_strict(project: Path) -> None:
    (project / "docs" / "background.sv.md").unlink()

    strict = run_mkdocs(project / "mkdocs.yml", project / "strict-site", "--strict")
    assert strict.returncode != 0
    assert "there is no sv version of this page" in strict.stderr
    assert "background.fi.md" in strict.stderr or "background.md" in strict.stderr

    lenient = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert lenient.returncode == 0, lenient.stderr
    page = (project / "site" / "sv" / "background" / "index.html").read_text("utf-8")
    assert '<html lang="sv"' in page
    assert ('<p class="suunta-untranslated suunta-untranslated-page" role="note">'
            "Den här sidan finns inte på svenska. Den visas på originalspråket.</p>") in page
    assert re.search(r'<div lang="fi">\s*<h1[^>]*>Strategiatyön taustoitus', page)
    finnish = (project / "site" / "background" / "index.html").read_text("utf-8")
    assert "suunta-untranslated-page" not in finnish


def test_a_misspelt_nav_entry_is_left_out_and_named_once_a_build(project: Path) -> None:
    """An entry into Suunta's folders naming no page it makes is an editor's slip: dropped
    (a dangling entry would stop the build with MkDocs's words) and told of, once for both
    languages. A section the strategy lacks (the demo has no guidelines) goes without a word.
    An editor's page only in Swedish is named with the Finnish file it needs: the default
    language cannot fall back to another, and MkDocs says only that its nav entry is 'not
    found' (one build for both slips)."""
    (project / "docs" / "background.fi.md").unlink()
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert text.count("  - background.md\n") == 1
    config.write_text(
        text.replace(
            "  - background.md\n",
            "  - background.md\n  - Tavoitteet: goals/indx.md\n"
            "  - Ohjeet:\n      - strategy/guidelines.md\n      - measures/indx.md\n",
        ),
        "utf-8",
    )
    result = run_mkdocs(config, project / "site")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings.pop(0) == (
        "WARNING -  docs/background.sv.md: this page has no version in the site's default "
        "language, fi (docs/background.fi.md), so the fi site lacks it: a page missing in "
        "another language is shown from the default language, but nothing stands in for a "
        "default-language page. Write docs/background.fi.md too. MkDocs's warning of a nav "
        "entry 'not found' is about the same page"
    )
    assert (project / "site" / "sv" / "background" / "index.html").is_file()
    assert not (project / "site" / "background").exists()
    warnings = [line for line in warnings if "'background.md'" not in line]  # MkDocs's own
    assert warnings == [
        "WARNING -  mkdocs.yml: the nav entry 'Tavoitteet' points to goals/indx.md, but no such "
        "page exists in goals/, the folder of pages Suunta generates, so the entry was left out "
        "of the site's navigation; check the spelling",
        "WARNING -  mkdocs.yml: the nav lists measures/indx.md, but no such page exists in "
        "measures/, the folder of pages Suunta generates, so it was left out of the site's "
        "navigation; check the spelling",
    ]
    for home in (project / "site" / "index.html", project / "site" / "sv" / "index.html"):
        page = home.read_text("utf-8")
        assert "indx" not in page and "Ohjeet" not in page


def test_every_page_has_one_h1_and_no_skipped_heading_levels(built_site: Path) -> None:
    from html.parser import HTMLParser

    class Headings(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.levels: list[int] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if re.fullmatch(r"h[1-6]", tag):
                self.levels.append(int(tag[1]))

    problems = []
    for html in html_pages(built_site):
        parser = Headings()
        parser.feed(html.read_text("utf-8"))
        levels = parser.levels
        name = html.relative_to(built_site).as_posix()
        if levels.count(1) != 1 or not levels or levels[0] != 1:
            problems.append(f"{name}: headings {levels}, expected exactly one h1, first")
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        if skips:
            problems.append(f"{name}: heading level skipped {skips}")
    assert not problems, "\n".join(problems)


VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    import shutil
    import subprocess

    java = shutil.which("java")
    assert java and VNU_JAR.is_file(), "the HTML checker is missing: run `bash scripts/test.sh`"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "gnu",
         *map(str, html_pages(built_site))],
        capture_output=True, text=True, timeout=300,
    )
    errors = [line.replace(str(built_site), "") for line in result.stderr.splitlines() if line]
    assert result.returncode == 0 and not errors, "\n".join(errors[:40])


def test_a_swedish_first_site_serves_swedish_at_the_root(project: Path) -> None:
    """Language sets are configuration: the same data with Swedish as the default language."""
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("  language: fi\n", "  language: sv\n", 1)
    text = text.replace("          name: Suomeksi\n          default: true\n",
                        "          name: Suomeksi\n          default: false\n")
    text = text.replace("          name: På svenska\n          build: true\n",
                        "          name: På svenska\n          default: true\n          build: true\n")
    config.write_text(text, "utf-8")
    result = run_mkdocs(config, project / "site", "--strict")
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text("utf-8")
    finnish = (project / "site" / "fi" / "index.html").read_text("utf-8")
    assert '<html lang="sv"' in home and "<h1>Tammerforsregionens IKT-strategi</h1>" in home
    assert '<html lang="fi"' in finnish and "<h1>Tampereen seudun ICT-strategia</h1>" in finnish
    measure = project / "site" / "measures" / "basic-it-procurement" / "index.html"
    assert "Grundläggande informationsteknik" in measure.read_text("utf-8")


def test_a_site_with_example_values_says_so_on_every_page(built_site: Path) -> None:
    notes = {"fi": "Osa tämän sivuston arvoista on havainnollistavia esimerkkejä",
             "sv": "En del av värdena på webbplatsen är illustrativa exempel"}
    pages = [p for p in html_pages(built_site) if p.name != "404.html"]  # no values
    assert len(pages) > 80
    for html in pages:
        language = "sv" if html.relative_to(built_site).parts[0] == "sv" else "fi"
        text = html.read_text("utf-8")
        assert f'<p class="suunta-site-note" role="note">{notes[language]}' in text, html


def test_search_index_holds_each_measure_once_not_the_aggregate_tables(built_site: Path) -> None:
    """The measures index and the timelines repeat every measure: the search finds the measure's
    own page, and the index a reader loads stays in proportion to the strategy."""
    import html
    import json

    from suunta.loader import load_data

    data = load_data(ROOT / "data", ["fi", "sv"])
    titles = [m.measure.title.root["fi"] for m in data.measures]
    docs = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    for location in ("measures/", "timeline/"):
        page = by_location[location]
        assert page["title"]  # the page itself is still found by its name
        assert not [t for t in titles if t in page["text"]], location
    measure_pages = [doc for doc in docs if re.fullmatch(r"measures/[^/#]+/", doc["location"])]
    assert len(measure_pages) == len(titles)
    # Titles are stored as HTML (the results show them as markup).
    assert {html.unescape(doc["title"]) for doc in measure_pages} == set(titles)


def test_an_editors_link_to_a_heading_of_a_generated_page_is_checked_like_any(
    project: Path, tmp_path: Path
) -> None:
    """MkDocs checks `page.md#anchor` against the ids it saw; a generated page's body skips
    its Markdown, so its own ids stand in: a real heading passes strict, a wrong one fails."""
    page = project / "docs" / "background.fi.md"
    text = page.read_text("utf-8")
    link = "\n\n[Aikajana](timeline/index.md#goal-ict-foundation), [mittarit](goals/ict-foundation.md#status)\n"
    page.write_text(text + link, "utf-8")
    done = run_mkdocs(project / "mkdocs.yml", tmp_path / "site", "--strict")
    assert done.returncode == 0, done.stderr
    page.write_text(text + link.replace("#status", "#no-such-heading"), "utf-8")
    done = run_mkdocs(project / "mkdocs.yml", tmp_path / "site2", "--strict")
    assert done.returncode != 0
    assert "does not contain an anchor '#no-such-heading'" in done.stderr, done.stderr


@pytest.mark.parametrize(
    "mistake, words",
    [
        ("{% if %}", "Expected an expression"),
        ("{{ no_such_value }}", "'no_such_value' is undefined"),
    ],
    ids=["syntax", "undefined"],
)
def test_a_mistake_in_a_page_template_names_the_template_and_line(
    project: Path, tmp_path: Path, mistake: str, words: str
) -> None:
    """The site's web team gets the template, the line and Jinja's words, not a traceback,
    from `suunta generate` and from the build; the docs tree is left as it was."""
    template = project / "overrides" / "suunta" / "measure.html"
    lines = template.read_text("utf-8").splitlines(keepends=True)
    template.write_text("".join([*lines[:3], mistake + "\n", *lines[3:]]), "utf-8")
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    with pytest.raises(DataError) as caught:
        generate(project / "data", project / "docs", project / "overrides" / "suunta", LANGS)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (template, 4), problem
    assert words in problem.message
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == before
    done = run_mkdocs(project / "mkdocs.yml", tmp_path / "site")
    assert done.returncode != 0
    assert "overrides/suunta/measure.html, line 4" in done.stderr and words in done.stderr
    assert "Traceback" not in done.stderr, done.stderr
