"""The open data of every built site: the strategy as JSON (and its schema), the measures as CSV
per language, the DCAT-AP catalog and the open-data page that lists them with exact sizes."""

from __future__ import annotations

import csv
import io
import json
import posixpath
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, sub_path_site_url
from lxml import html as lxml_html
from sites import EXAMPLES
from suunta.generator import generate
from suunta.labels import Labels
from suunta.loader import load_data
from suunta.model import build_model
from suunta.site_config import site_settings
from suunta.strategy_json import StrategyDataset, dataset

SITES = {"demo": ROOT / "mkdocs.yml", **EXAMPLES}
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def sites(built_site: Path, built_examples: dict[str, Path]) -> dict[str, Path]:
    return {"demo": built_site, **built_examples}


def languages_of(name: str) -> list[str]:
    return site_settings(SITES[name])[1]


def root(name: str, language: str) -> str:
    return "" if language == languages_of(name)[0] else f"{language}/"


def model_of(name: str):  # noqa: ANN201 - the test's own helper
    paths, languages = site_settings(SITES[name])
    return build_model(load_data(paths.data_dir, languages))


def page(site: Path, path: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((site / path / "index.html").read_bytes())


def resolve(site: Path, page_path: str, href: str) -> Path:
    """The built file a relative link on the page at `page_path` (a folder) points to."""
    return site / posixpath.normpath(posixpath.join(page_path, href))


@pytest.mark.parametrize("name", SITES)
def test_strategy_json_reads_back_as_the_same_data_and_fits_its_schema(
    sites: dict[str, Path], name: str
) -> None:
    published = (sites[name] / "data" / "strategy.json").read_bytes()
    back = StrategyDataset.model_validate_json(published, context={"languages": languages_of(name)})
    expected = dataset(model_of(name))
    assert back == expected
    assert [m.id for m in back.measures] == [m.id for m in expected.measures]
    schema = json.loads((sites[name] / "data" / "strategy.schema.json").read_bytes())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(published))


def test_the_schema_rejects_a_measure_without_a_title(sites: dict[str, Path]) -> None:
    schema = json.loads((sites["demo"] / "data" / "strategy.schema.json").read_bytes())
    data = json.loads((sites["demo"] / "data" / "strategy.json").read_bytes())
    del data["measures"][0]["title"]
    with pytest.raises(jsonschema.ValidationError, match="'title' is a required property"):
        jsonschema.Draft202012Validator(schema).validate(data)


def _index_links(site: Path, first: str) -> list[lxml_html.HtmlElement]:
    """The measure links of every page of the measures index, following its next links."""
    links: list[lxml_html.HtmlElement] = []
    path = first
    while True:
        index = page(site, path)
        links += index.xpath("//table[@id='all-measures']//tr[@data-goal]/th/a")
        following = index.xpath("//nav[@class='suunta-pagination']//a[@rel='next']/@href")
        if not following:
            return links
        path = posixpath.normpath(posixpath.join(path, following[0]))


@pytest.mark.parametrize("name", SITES)
def test_each_csv_has_exactly_the_index_measures_in_its_language(
    sites: dict[str, Path], name: str
) -> None:
    site = sites[name]
    for language in languages_of(name):
        raw = (site / "data" / f"measures-{language}.csv").read_bytes()
        assert raw.startswith(BOM), "Excel needs the byte order mark to read UTF-8"
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, body = rows[0], rows[1:]
        labels = Labels(language, _terms(name, language))
        assert header[:2] == [labels("open_data.columns.number"), labels("open_data.columns.id")]
        assert labels("open_data.columns.title") in header
        links = _index_links(site, f"{root(name, language)}measures")
        assert [r[header.index(labels("open_data.columns.id"))] for r in body] == [
            a.get("href").strip("/").rsplit("/", 1)[-1] for a in links
        ]
        titles = [r[header.index(labels("open_data.columns.title"))] for r in body]
        assert titles == [a.text_content() for a in links]
        if labels("open_data.columns.status") in header:
            statuses = {
                labels(f"status.{s}")
                for s in (
                    "not_started",
                    "in_progress",
                    "delayed",
                    "completed",
                    "continuous",
                    "cancelled",
                )
            }
            column = [r[header.index(labels("open_data.columns.status"))] for r in body]
            assert set(column) - {""} <= statuses


def test_csv_tells_schedules_in_words_of_its_language(sites: dict[str, Path]) -> None:
    rows = {
        lang: list(
            csv.DictReader(
                io.StringIO(
                    (sites["demo"] / "data" / f"measures-{lang}.csv")
                    .read_bytes()
                    .decode("utf-8-sig")
                )
            )
        )
        for lang in ("fi", "sv")
    }
    fi = next(r for r in rows["fi"] if r["Tunniste"] == "basic-it-procurement")
    sv = next(r for r in rows["sv"] if r["Identifierare"] == "basic-it-procurement")
    assert fi["Aikataulu"].startswith("Selvitys syksystä 2023 kevääseen 2024")
    assert sv["Tidsplan"].startswith("Utredning från hösten 2023 till våren 2024")
    assert sv["Status"] == "Pågår"
    site_url = sub_path_site_url(ROOT / "mkdocs.yml")  # the address the test build is made for
    assert sv["Webbadress"] == f"{site_url}sv/measures/basic-it-procurement/"


@pytest.mark.parametrize("name", SITES)
def test_open_data_page_lists_every_file_with_its_exact_size(
    sites: dict[str, Path], name: str
) -> None:
    site = sites[name]
    published = sorted(p.relative_to(site).as_posix() for p in (site / "data").iterdir())
    for language in languages_of(name):
        here = f"{root(name, language)}open-data"
        doc = page(site, here)
        rows = doc.xpath("//table[contains(@class,'suunta-open-data-files')]/tbody/tr")
        listed = []
        for row in rows:
            file = resolve(site, here + "/", row.xpath("th/a/@href")[0])
            size = file.stat().st_size
            cell = row.xpath("td[@data-bytes]")[0]
            assert int(cell.get("data-bytes")) == size, file
            assert f"{size:,}".replace(",", "\u00a0") in cell.text_content().replace(" ", "\u00a0")
            listed.append(file.relative_to(site).as_posix())
        assert sorted(listed) == published
        # The licence: CC BY 4.0 by default, named in the page's language.
        licence = doc.xpath("//a[@href='https://creativecommons.org/licenses/by/4.0/']")
        assert licence and "CC BY 4.0" in licence[0].text_content()
        assert Labels(language)("open_data.default_licence") == licence[0].text_content()


def test_open_data_page_carries_the_data_date_and_is_linked_from_every_footer(
    sites: dict[str, Path],
) -> None:
    site = sites["demo"]
    doc = page(site, "sv/open-data")
    updated = yaml.safe_load((ROOT / "data" / "strategy.yml").read_text("utf-8"))["updated"]
    assert doc.xpath(f"//time[@datetime='{updated.isoformat()}']")
    assert doc.xpath("//head/link[@rel='alternate'][@type='application/ld+json']/@href") == [
        "../../data/catalog.jsonld"
    ]
    for path, href in [
        ("", "open-data/"),
        ("sv/goals", "../open-data/"),
        ("measures/te-reform", "../../open-data/"),
    ]:
        footer = page(site, path).xpath("//a[contains(@class,'suunta-open-data-link')]/@href")
        assert footer == [href], path


@pytest.mark.parametrize("name", SITES)
def test_catalog_has_the_dcat_ap_required_properties_and_points_at_built_files(
    sites: dict[str, Path], name: str
) -> None:
    site = sites[name]
    site_url = sub_path_site_url(SITES[name])  # the address the test build is made for
    graph = json.loads((site / "data" / "catalog.jsonld").read_bytes())["@graph"]
    by_type: dict[str, list[dict]] = {}
    for node in graph:
        by_type.setdefault(node["@type"], []).append(node)
    (catalog,), (dataset_node,), (publisher,) = (
        by_type["dcat:Catalog"],
        by_type["dcat:Dataset"],
        by_type["foaf:Agent"],
    )
    for key in ("dct:title", "dct:description", "dct:publisher", "dcat:dataset"):
        assert catalog[key], key
    assert catalog["dcat:dataset"] == {"@id": dataset_node["@id"]}
    assert publisher["foaf:name"] and catalog["dct:publisher"] == {"@id": publisher["@id"]}
    languages = set(languages_of(name))
    for key in ("dct:title", "dct:description"):
        assert {t["@language"] for t in dataset_node[key]} == languages
    model = model_of(name)
    assert dataset_node["dct:modified"]["@value"] == model.publication_date.isoformat()
    distributions = by_type["dcat:Distribution"]
    assert [{"@id": d["@id"]} for d in distributions] == dataset_node["dcat:distribution"]
    for dist in distributions:
        assert {t["@language"] for t in dist["dct:title"]} == languages
        url = dist["dcat:accessURL"]["@id"]
        assert url.startswith(site_url)
        file = site / url[len(site_url) :]
        assert file.is_file(), url
        assert int(dist["dcat:byteSize"]["@value"]) == file.stat().st_size
        assert dist["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    for landing in dataset_node["dcat:landingPage"]:
        assert (site / landing["@id"][len(site_url) :] / "index.html").is_file()


def _terms(name: str, language: str) -> dict[str, dict[str, str]]:
    terms = model_of(name).strategy.terms
    if terms is None:
        return {}
    given = {"goal": terms.goal, "measure": terms.measure}
    return {level: words[language] for level, words in given.items() if words and language in words}


def test_a_licence_given_in_the_data_is_published(project: Path, tmp_path: Path) -> None:
    strategy = project / "data" / "strategy.yml"
    strategy.write_text(
        strategy.read_text("utf-8") + "open_data:\n  licence:\n    name: CC0 1.0\n"
        "    url: https://creativecommons.org/publicdomain/zero/1.0/\n",
        "utf-8",
    )
    docs = project / "docs"
    generate(
        project / "data", docs, ROOT / "overrides" / "suunta", ["fi", "sv"], "https://x.invalid/"
    )
    page_text = (docs / "open-data" / "index.sv.md").read_text("utf-8")
    assert '<a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>' in page_text
    catalog = json.loads((docs / "data" / "catalog.jsonld").read_bytes())
    dataset_node = next(n for n in catalog["@graph"] if n["@type"] == "dcat:Dataset")
    assert dataset_node["dct:license"] == {
        "@id": "https://creativecommons.org/publicdomain/zero/1.0/"
    }
    back = json.loads((docs / "data" / "strategy.json").read_bytes())
    assert back["strategy"]["open_data"]["licence"]["name"] == "CC0 1.0"


def test_site_addresses_put_each_language_under_its_root() -> None:
    from suunta.site_address import SiteAddress

    site = SiteAddress("https://org.example.invalid/ict/", ("fi", "sv"))
    assert site.page_path("measures/x", "sv") == "sv/measures/x/"
    assert (
        site.absolute("data/strategy.json") == "https://org.example.invalid/ict/data/strategy.json"
    )
    assert site.relative("data/strategy.json", "sv/open-data/") == "../../data/strategy.json"
    assert site.relative("sv/feeds/progress.xml", "sv/progress/") == "../feeds/progress.xml"
    assert (
        site.relative("sv/reports/2025-12-31/", "sv/feeds/progress.xml") == "../reports/2025-12-31/"
    )
    assert SiteAddress("", ("fi",)).absolute("data/x.csv") is None


@pytest.mark.parametrize("name", SITES)
def test_each_workbook_is_the_editors_plan_and_imports_back(
    sites: dict[str, Path], name: str
) -> None:
    """`/data/measures-<lang>.xlsx` is what `suunta export-xlsx` writes: a plan that imports."""
    from suunta.plan_import.command import read_plan

    model = model_of(name)
    for language in languages_of(name):
        workbook = sites[name] / "data" / f"measures-{language}.xlsx"
        plan = read_plan(workbook, language).plan
        ids = [m.row_id for goal in plan.goals for m in goal.measures]
        assert sorted(ids) == sorted(entry.measure.id for entry in model.measures), (name, language)
        assert [f.text() for f in plan.findings if f.error] == []
        links = page(sites[name], f"{root(name, language)}open-data").xpath("//a/@href")
        assert any(href.endswith(f"data/measures-{language}.xlsx") for href in links), links


FORMULA_TITLE = '=HYPERLINK("https://attacker.invalid/","Avaa")'
FORMULA_METRIC = "+358 40 123 4567 @SUM(1+1)"


def test_a_text_that_looks_like_a_formula_is_published_as_text(project: Path) -> None:
    """An editor's text beginning with "=" (or "+", "-", "@") never becomes a formula in the
    published workbook or the CSV file Excel opens (formula injection)."""
    from openpyxl import load_workbook
    from suunta.plan_import.command import read_plan

    measures = project / "data" / "measures" / "1-ict-foundation.yml"
    text = measures.read_text("utf-8")
    old_title = (
        '      fi: "Perustietotekniikka: vaatimusmäärittelyt, kilpailutus, käyttöönottoprojektit"\n'
    )
    old_metric = (
        "        Projektin ohjausryhmä seuraa projektin aikataulun mukaisesti. Raportointi\n"
    )
    assert old_title in text and old_metric in text
    text = text.replace(old_title, f"      fi: {json.dumps(FORMULA_TITLE)}\n")
    text = text.replace(old_metric, f"        {FORMULA_METRIC}\n")
    measures.write_text(text, "utf-8")
    docs = project / "docs"
    generate(
        project / "data", docs, ROOT / "overrides" / "suunta", ["fi", "sv"], "https://x.invalid/"
    )

    workbook = docs / "data" / "measures-fi.xlsx"
    cells = [
        cell
        for sheet in load_workbook(workbook).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(("=", "+"))
    ]
    values = [c.value for c in cells]
    assert FORMULA_TITLE in values and any(v.startswith(FORMULA_METRIC) for v in values), values
    assert {c.data_type for c in cells} == {"s"}
    # The plan imports back with the same texts.
    plan = read_plan(workbook, "fi").plan
    row = next(m for g in plan.goals for m in g.measures if m.row_id == "basic-it-procurement")
    assert row.title == FORMULA_TITLE, row
    assert FORMULA_METRIC in str(row.fields["metric"]), row.fields

    rows = list(
        csv.DictReader(io.StringIO((docs / "data" / "measures-fi.csv").read_text("utf-8-sig")))
    )
    fields = [value for r in rows for value in r.values()]
    assert f"'{FORMULA_TITLE}" in fields
    assert any(value.startswith(f"'{FORMULA_METRIC}") for value in fields)
    assert not [v for v in fields if v.startswith(("=", "+", "-", "@"))]
    # The JSON keeps the texts as written.
    back = (docs / "data" / "strategy.json").read_text("utf-8")
    assert json.dumps(FORMULA_TITLE, ensure_ascii=False) in back


def test_a_level_name_that_looks_like_a_formula_heads_the_csv_as_text() -> None:
    """The CSV's headers may be the strategy's own level names (`terms`): protected too."""
    from suunta.labels import default_terms
    from suunta.measures_csv import measures_csv
    from suunta.site_address import SiteAddress

    words = dict(default_terms("fi")["goal"], one=FORMULA_TITLE, short=FORMULA_TITLE)
    labels = Labels("fi", {"goal": words})
    assert labels("open_data.columns.goal") == FORMULA_TITLE  # the header this test is about
    model = build_model(load_data(ROOT / "data", ["fi", "sv"]))
    text = measures_csv(model, labels, ["fi", "sv"], SiteAddress("", ("fi", "sv")))
    header = next(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert f"'{FORMULA_TITLE}" in header and FORMULA_TITLE not in header, header
