"""Member municipalities: measures name the municipalities they concern; each municipality
has a page, and an embeddable HTML fragment per language and a JSON file at a stable address."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, sub_path_site_url
from sites import EXAMPLES
from suunta.errors import DataError
from suunta.generator import OWNED_DIRS, render_pages
from suunta.loader import load_data
from suunta.model import build_model
from suunta.municipalities import slug
from suunta.nav import prune_nav, without_language
from suunta.site_config import read_mkdocs_yml
from test_build import VNU_JAR

SITE_URL = sub_path_site_url(ROOT / "mkdocs.yml")
LANGS = ["fi", "sv"]
MEASURES_FILE = "data/measures/1-ict-foundation.yml"
NAMED = "    municipalities: [Tampere]\n"


@pytest.fixture(scope="module")
def demo():
    return build_model(load_data(ROOT / "data", LANGS))


class Fragment(HTMLParser):
    """The first element's tag and lang, the row links, and whether any script or style is in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: tuple[str, str | None] | None = None
        self.links: list[str] = []
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self._in_row_header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.root is None:
            self.root = (tag, a.get("lang"))
        self.tags.add(tag)
        self.attributes |= set(a)
        if tag == "th" and a.get("scope") == "row":
            self._in_row_header = True
        if tag == "a" and self._in_row_header:
            self.links.append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "th":
            self._in_row_header = False


def fragment(path: Path) -> Fragment:
    parsed = Fragment()
    parsed.feed(path.read_text("utf-8"))
    return parsed


def test_measures_name_municipalities_by_id_or_by_name_in_any_language(project: Path) -> None:
    measures = project / MEASURES_FILE
    text = measures.read_text("utf-8").replace(
        NAMED, "    municipalities: [Tammerfors, pirkkala, ' NOKIA ']\n"
    )
    measures.write_text(text, "utf-8")
    model = build_model(load_data(project / "data", LANGS))
    named = {m.id: [e.id for e in m.measures] for m in model.municipalities}
    assert "presentation-technology" in named["tampere"]
    assert (
        "presentation-technology" in named["pirkkala"]
        and "presentation-technology" in named["nokia"]
    )
    assert named["vesilahti"] == []  # listed in strategy.yml, named by no measure: its page says so
    assert slug("Hämeenkyrö") == "hameenkyro" and slug("Uusi  Kaarlepyy") == "uusi-kaarlepyy"


def test_an_unknown_municipality_is_reported_where_it_is_written(project: Path) -> None:
    measures = project / MEASURES_FILE
    text = measures.read_text("utf-8")
    measures.write_text(text.replace(NAMED, "    municipalities: [Tampere, Turku]\n"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_data(project / "data", LANGS)
    (problem,) = caught.value.problems
    assert problem.file == measures
    assert problem.line == text[: text.index(NAMED)].count("\n") + 1
    assert problem.field == "measures[5].municipalities[2]"  # counted from 1, as editors do
    assert "no municipality 'Turku'" in problem.message and "hameenkyro" in problem.message


def test_two_municipalities_with_one_id_are_reported(project: Path) -> None:
    strategy = project / "data" / "strategy.yml"
    text = strategy.read_text("utf-8")
    strategy.write_text(
        text.replace(
            "    - name: {fi: Nokia, sv: Nokia}\n",
            "    - name: {fi: Nokia, sv: Nokia}\n      id: tampere\n",
        ),
        "utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_data(project / "data", LANGS)
    assert [p.message for p in caught.value.problems] == [
        "the id 'tampere' is already the id of municipality 1; give one of them another 'id'"
    ]


@pytest.mark.parametrize("name", ["Index", "Kunta" + "x" * 300])
def test_an_id_made_from_a_name_that_cannot_name_a_page_asks_for_an_id(
    project: Path, name: str
) -> None:
    """Made from the name, `index` would overwrite the list of municipalities, and 300
    characters cannot be a file name: the editor is asked for an id, at the municipality."""
    strategy = project / "data" / "strategy.yml"
    text = strategy.read_text("utf-8")
    old = "    - name: {fi: Nokia, sv: Nokia}\n"
    assert old in text
    strategy.write_text(text.replace(old, f"    - name: {{fi: {name}, sv: {name}}}\n"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_data(project / "data", LANGS)
    # (Measures naming Nokia now name no municipality: reported at the measures.)
    (problem,) = [p for p in caught.value.problems if p.file == strategy]
    assert problem.line == text[: text.index(old)].count("\n") + 1
    assert problem.field.startswith("organisation.municipalities["), problem
    assert "cannot name the municipality's page" in problem.message, problem
    assert "give the municipality an 'id'" in problem.message, problem


def test_without_named_municipalities_there_are_no_pages_and_no_nav_entry(project: Path) -> None:
    for file in (project / "data" / "measures").glob("*.yml"):
        lines = file.read_text("utf-8").splitlines(keepends=True)
        file.write_text(
            "".join(x for x in lines if not x.startswith("    municipalities:")), "utf-8"
        )
    model = build_model(load_data(project / "data", LANGS))
    assert model.strategy.organisation.municipalities and model.municipalities == ()
    pages = [p.path for p in render_pages(model, ROOT / "overrides" / "suunta", "fi", LANGS)]
    assert not [p for p in pages if p.startswith("municipalities/")]
    generated = without_language(f"{p}.fi.md" for p in pages)
    nav = read_mkdocs_yml(project / "mkdocs.yml")["nav"]
    assert "municipalities/index.md" in nav
    assert "municipalities/index.md" not in prune_nav(nav, generated, OWNED_DIRS)


def test_a_site_whose_measures_name_no_municipality_has_no_such_pages(
    built_examples: dict[str, Path],
) -> None:
    assert set(built_examples) == set(EXAMPLES)
    for site in built_examples.values():
        assert not (site / "municipalities").exists() and not (site / "embed").exists()
        assert "municipalities/" not in (site / "index.html").read_text("utf-8")


def test_each_fragment_holds_exactly_its_municipalitys_measures(built_site: Path, demo) -> None:
    assert len(demo.municipalities) == 9
    assert {m.id for m in demo.municipalities if m.measures} == {
        "tampere",
        "hameenkyro",
        "orivesi",
        "nokia",
        "ylojarvi",
        "kangasala",
    }
    for entry in demo.municipalities:
        expected = [m.id for m in entry.measures]
        for language, root in (("fi", ""), ("sv", "sv/")):
            parsed = fragment(built_site / "embed" / f"{entry.id}.{language}.html")
            assert parsed.root == ("div", language)
            assert parsed.links == [f"{SITE_URL}{root}measures/{i}/" for i in expected]
            assert not parsed.tags & {"script", "style", "link", "iframe", "img", "form"}
            assert not {a for a in parsed.attributes if a.startswith("on") or a == "style"}
        data = json.loads((built_site / "embed" / f"{entry.id}.json").read_text("utf-8"))
        assert data["municipality"] == {"id": entry.id, "name": entry.municipality.name.texts}
        assert [m["id"] for m in data["measures"]] == expected
        for measure in data["measures"]:
            assert measure["url"]["sv"] == f"{SITE_URL}sv/measures/{measure['id']}/"
    tampere = json.loads((built_site / "embed" / "tampere.json").read_text("utf-8"))
    statuses = {m["id"]: (m["status"], m["illustrative"]) for m in tampere["measures"]}
    assert statuses == {
        "printing-service": ("completed", True),
        "presentation-technology": (None, False),
        "evaka-deployment": ("completed", True),
    }


def test_fragments_are_valid_html_inside_a_page(built_site: Path, tmp_path: Path) -> None:
    java = shutil.which("java")
    assert java and VNU_JAR.is_file(), "the HTML checker is missing: run `bash scripts/test.sh`"
    pages = []
    for file in sorted((built_site / "embed").glob("*.html")):
        page = tmp_path / file.name
        page.write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Host</title></head><body><main>{file.read_text('utf-8')}"
            "</main></body></html>",
            "utf-8",
        )
        pages.append(str(page))
    assert len(pages) == 18
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "gnu", *pages],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[:3000]


def test_municipality_pages_list_their_measures_and_link_the_embeds(built_site: Path, demo) -> None:
    index = (built_site / "sv" / "municipalities" / "index.html").read_text("utf-8")
    for entry in demo.municipalities:
        assert f'<a href="{entry.id}/">{entry.municipality.name.texts["sv"]}</a>' in index
    page = (built_site / "sv" / "municipalities" / "tampere" / "index.html").read_text("utf-8")
    for measure in next(m for m in demo.municipalities if m.id == "tampere").measures:
        assert f'<a href="../../measures/{measure.id}/">' in page
    assert '<a href="../../../embed/tampere.sv.html" hreflang="sv"' in page
    assert '<a href="../../../embed/tampere.json"' in page
    assert "Genomförd" in page  # the status, in words
    empty = (built_site / "municipalities" / "vesilahti" / "index.html").read_text("utf-8")
    assert "Strategia ei nimeä yhtään toimenpidettä koskemaan tätä kuntaa." in empty
    assert 'href="municipalities/"' in (built_site / "index.html").read_text("utf-8")  # nav


@pytest.mark.browser
def test_a_fragment_is_accessible_inside_another_sites_page(
    page, site_url: str, built_site: Path
) -> None:
    from axe import axe_violations, describe

    html = (built_site / "embed" / "tampere.sv.html").read_text("utf-8")
    page.set_content(
        '<!doctype html><html lang="fi"><head><title>Kunnan sivu</title></head><body>'
        f"<main><h1>Strategia</h1>{html}</main></body></html>"
    )
    assert page.locator("table caption").inner_text().startswith("Tammerfors:")
    assert describe("fragment", axe_violations(page)) == []
    page.goto(f"{site_url}/sv/municipalities/tampere/")
    assert describe("municipality page", axe_violations(page)) == []
