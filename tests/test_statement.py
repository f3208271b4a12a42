"""The accessibility statement: the law of the site's country decides title and authority."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from conftest import ROOT, run_mkdocs
from suunta.accessibility_statement import review_overdue
from suunta.generator import render_pages
from suunta.loader import load_data
from suunta.model import StrategyModel, build_model

TEMPLATES = ROOT / "overrides" / "suunta"


def statement_model(tmp_path: Path, **changes: object) -> StrategyModel:
    data = tmp_path / "data"
    (data / "measures").mkdir(parents=True)
    for name in ("strategy.yml", "goals.yml", "measures/1-ict-foundation.yml"):
        (data / name).write_text((ROOT / "data" / name).read_text("utf-8"), "utf-8")
    statement = yaml.safe_load((ROOT / "data" / "accessibility.yml").read_text("utf-8"))
    statement.update(changes)
    (data / "accessibility.yml").write_text(yaml.safe_dump(statement, allow_unicode=True), "utf-8")
    return build_model(load_data(data, ["fi", "sv"]))


def statement_page(model: StrategyModel, language: str) -> str:
    pages = {p.path: p for p in render_pages(model, TEMPLATES, language, ["fi", "sv"])}
    page = pages["accessibility/index"]
    return f"<title>{page.title}</title>\n{page.body}"


def test_finnish_site_follows_finnish_law_in_both_languages(tmp_path: Path) -> None:
    model = statement_model(tmp_path)
    finnish, swedish = statement_page(model, "fi"), statement_page(model, "sv")
    assert "<h1>Saavutettavuusseloste</h1>" in finnish
    assert "<h1>Tillgänglighetsutlåtande</h1>" in swedish
    assert "laki digitaalisten palvelujen tarjoamisesta (306/2019)" in finnish
    assert "lagen om tillhandahållande av digitala tjänster (306/2019)" in swedish
    assert "Transport- och kommunikationsverket Traficom" in swedish
    assert "Vi svarar inom 14 dagar." in swedish
    assert "Digg" not in swedish


def test_swedish_site_names_digg_and_uses_the_swedish_title(tmp_path: Path) -> None:
    swedish = statement_page(statement_model(tmp_path, country="SE"), "sv")
    assert "<h1>Tillgänglighetsredogörelse</h1>" in swedish
    assert "Myndigheten för digital förvaltning (Digg)" in swedish
    assert '<a href="https://www.digg.se/">' in swedish
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in swedish


def test_statement_holds_the_facts_the_law_asks_for(tmp_path: Path) -> None:
    finnish = statement_page(statement_model(tmp_path), "fi")
    assert "Sivusto täyttää WCAG 2.1 AA -tason saavutettavuusvaatimukset osittain." in finnish
    assert (
        "Seloste on laadittu 27. marraskuuta 2026 ja tarkistettu viimeksi 27. marraskuuta 2026."
        in finnish
    )
    assert "Itsearviointi: automaattiset testit" in finnish
    assert '<a href="mailto:saavutettavuus@example.invalid">' in finnish
    headings = re.findall(r"<h2 id=\"(\w+)\">", finnish)
    assert headings == ["status", "issues", "prepared", "feedback", "enforcement"]
    # The known issues come from data, so the statement stays true when they change.
    assert "sivun yläpalkin otsikko lyhenee kolmeen" in finnish
    assert "<dd>1.4.4, 1.4.10</dd>" in finnish
    assert "<dd>vaatimusten vastainen sisältö</dd>" in finnish


def test_an_overridden_authority_replaces_the_default(tmp_path: Path) -> None:
    override = {
        "name": {"fi": "Testivirasto", "sv": "Testverket"},
        "url": "https://valvonta.example.fi/",
        "email": "valvonta@example.fi",
    }
    finnish = statement_page(statement_model(tmp_path, enforcement=override), "fi")
    assert "<strong>Testivirasto</strong>" in finnish
    assert '<a href="mailto:valvonta@example.fi">' in finnish
    assert "Traficom" not in finnish


def test_review_is_overdue_after_a_year() -> None:
    model = build_model(load_data(ROOT / "data", ["fi", "sv"]))
    statement = model.accessibility
    assert statement is not None
    assert not review_overdue(statement, statement.reviewed + dt.timedelta(days=365))
    assert review_overdue(statement, statement.reviewed + dt.timedelta(days=366))


def test_an_old_review_warns_and_fails_the_strict_build(project: Path) -> None:
    data = project / "data" / "accessibility.yml"
    text = data.read_text("utf-8")
    data.write_text(
        text.replace("prepared: 2026-11-27", "prepared: 2020-01-01").replace(
            "reviewed: 2026-11-27", "reviewed: 2020-02-01"
        ),
        "utf-8",
    )
    strict = run_mkdocs(project / "mkdocs.yml", project / "site", "--strict")
    assert strict.returncode != 0
    assert "last reviewed on 2020-02-01, more than a year ago" in strict.stderr


# The law review (2026-11): each test names the official source it follows.


def test_swedish_statement_uses_diggs_conformance_wording(tmp_path: Path) -> None:
    """Digg, "Skapa en tillgänglighetsredogörelse": the statement gives compliance with the
    law as "helt förenlig", "delvis förenlig" or "inte förenlig"."""
    for level, words in (
        ("full", "helt förenlig"),
        ("partial", "delvis förenlig"),
        ("none", "inte förenlig"),
    ):
        swedish = statement_page(
            statement_model(tmp_path / level, country="SE", conformance=level), "sv"
        )
        assert (
            f"Webbplatsen är {words} med lagen (2018:1937) om tillgänglighet till digital "
            "offentlig service."
        ) in swedish
    # A Finnish site keeps the Finnish model's wording (täyttää / uppfyller), in both languages.
    model = statement_model(tmp_path / "fi")
    assert (
        "Webbplatsen uppfyller delvis tillgänglighetskraven enligt WCAG 2.1 AA."
        in statement_page(model, "sv")
    )
    assert "förenlig med" not in statement_page(model, "sv")


def test_swedish_statement_links_to_diggs_report_form(tmp_path: Path) -> None:
    """Digg: the statement links to Digg's anmälningsfunktion, https://www.digg.se/tdosanmalan;
    the same page gives info@digg.se and 0771-11 44 00 for reports by e-mail or telephone."""
    swedish = statement_page(statement_model(tmp_path, country="SE"), "sv")
    assert '<a href="https://www.digg.se/tdosanmalan">' in swedish
    assert '<a href="mailto:info@digg.se">' in swedish
    assert "0771-11 44 00" in swedish
    finnish_site = statement_page(statement_model(tmp_path / "fi"), "sv")
    assert "digg.se" not in finnish_site


def test_statement_offers_inaccessible_content_on_request(tmp_path: Path) -> None:
    """Directive (EU) 2016/2102, art. 7(1)(b) and the model of Decision (EU) 2018/1523: the
    feedback mechanism is also for requesting the content that is not accessible; so say
    saavutettavuusvaatimukset.fi ("Käyttäjän oikeudet") and Digg's report page."""
    for country in ("FI", "SE"):
        model = statement_model(tmp_path / country, country=country)
        assert "Voit myös pyytää saavutettavassa muodossa sisältöä, joka ei ole saavutettavaa." in (
            statement_page(model, "fi")
        )
        assert (
            "Du kan också begära att få innehåll som inte är tillgängligt i ett tillgängligt format."
            in (statement_page(model, "sv"))
        )


def test_statement_names_the_public_body(tmp_path: Path) -> None:
    """Digg's list of required content starts with "Namnet på den offentliga aktören"; the EU
    model statement opens with the public sector body's name."""
    model = statement_model(tmp_path)
    assert (
        "koskee verkkosivustoa Tampereen seudun ICT-strategia, jota ylläpitää Tampereen kaupunkiseutu."
        in (statement_page(model, "fi"))
    )
    assert (
        "gäller webbplatsen Tammerforsregionens IKT-strategi, som tillhandahålls av Tammerfors stadsregion,"
        in (statement_page(model, "sv"))
    )


def test_digg_is_named_as_it_names_itself(tmp_path: Path) -> None:
    """digg.se writes the agency's short name "Digg"; in Finnish it is a Swedish agency, not a
    Finnish one (Finland has no "Digitaalisen hallinnon virasto")."""
    model = statement_model(tmp_path, country="SE")
    assert "<strong>Myndigheten för digital förvaltning (Digg)</strong>" in statement_page(
        model, "sv"
    )
    assert (
        "<strong>Ruotsin digitaalisen hallinnon virasto (Myndigheten för digital förvaltning, Digg)</strong>"
        in (statement_page(model, "fi"))
    )


def test_swedish_statement_calls_itself_by_its_name(tmp_path: Path) -> None:
    """The Swedish text named itself "Texten"; it is an utlåtande (sv-FI, tillganglighetskrav.fi)
    or a redogörelse (sv-SE, Digg, whose template says "Redogörelsen uppdaterades senast")."""
    finnish_site = statement_page(statement_model(tmp_path / "fi"), "sv")
    assert "Utlåtandet gäller webbplatsen" in finnish_site
    assert (
        "Utlåtandet utarbetades den 27 november 2026 och granskades senast den 27 november 2026."
        in finnish_site
    )
    swedish_site = statement_page(statement_model(tmp_path / "se", country="SE"), "sv")
    assert "Redogörelsen gäller webbplatsen" in swedish_site
    assert (
        "Redogörelsen upprättades den 27 november 2026 och uppdaterades senast den 27 november 2026."
        in swedish_site
    )
    assert "Texten" not in finnish_site + swedish_site
