"""Page builders on a small strategy with themes, schedules and statuses (the demo has none)."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from suunta.generator import render_pages
from suunta.loader import load_data
from suunta.model import StrategyModel, build_model

GOALS = """\
goals:
  - id: services
    number: 1
    title: {fi: Palvelut, sv: Tjänster}
    description: {fi: "Kuvaus *korostettu*", sv: "Beskrivning *betonad*"}
    themes:
      - id: digital
        title: {fi: Digipalvelut, sv: Digitala tjänster}
      - id: data
        title: {fi: Tieto, sv: Data}
    indicators:
      - id: e-services
        name: {fi: Sähköisen asioinnin osuus, sv: Andelen e-tjänster}
        unit: "%"
        direction: higher
        baseline: {year: 2022, value: 40}
        target: {year: 2027, value: 80}
        values: [{year: 2023, value: 48.5}, {year: 2024, value: 62}]
"""

MEASURES = """\
measures:
  - id: portal
    goal: services
    theme: digital
    title: {fi: Asiointiportaali, sv: Ärendeportal}
    responsible: [Maija Meikäläinen, {fi: Tietohallinto, sv: Informationsförvaltningen}]
    units: [{fi: Sivistyspalvelut, sv: Bildningstjänster}]
    schedule:
      - {period: 2025-spring, phase: investigation}
      - {period: 2025-autumn, phase: deployment, note: {fi: pilotti, sv: pilot}}
      - {period: 2026 onwards, phase: continuous}
    progress:
      - {date: 2025-09-15, status: in_progress, text: {fi: Pilotti alkoi, sv: Piloten inleddes}}
      - {date: 2025-03-01, status: not_started}
  - id: open-data
    goal: services
    theme: data
    title: {fi: Avoin data, sv: Öppna data}
  - id: strategy-work
    goal: services
    title: {fi: Strategiatyö, sv: Strategiarbete}
"""


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> StrategyModel:
    data = tmp_path_factory.mktemp("pages") / "data"
    (data / "measures").mkdir(parents=True)
    (data / "strategy.yml").write_text((ROOT / "data" / "strategy.yml").read_text("utf-8"), "utf-8")
    (data / "goals.yml").write_text(GOALS, "utf-8")
    (data / "measures" / "services.yml").write_text(MEASURES, "utf-8")
    return build_model(load_data(data, ["fi", "sv"]))


def pages(model: StrategyModel, language: str) -> dict[str, str]:
    built = render_pages(model, ROOT / "overrides" / "suunta", language, ["fi", "sv"])
    return {page.path: page.body for page in built}


def test_goal_page_groups_measures_by_theme_in_captioned_tables(model: StrategyModel) -> None:
    body = pages(model, "fi")["goals/services"]
    assert body.count("<h1>") == 1
    assert "<p>Kuvaus <em>korostettu</em></p>" in body
    captions = re.findall(r'<caption id="([^"]+)">([^<]+)</caption>', body)
    assert captions[:3] == [
        ("caption-measures", "Tavoitteen 1 toimenpiteet"),
        ("theme--digital--caption", "Teema: Digipalvelut"),
        ("theme--data--caption", "Teema: Tieto"),
    ]
    assert len({c[0] for c in captions}) == len(captions), "caption ids must be unique"
    assert '<h3 id="theme-digital">Teema: Digipalvelut</h3>' in body
    assert 'aria-labelledby="theme--data--caption"' in body


def test_measure_page_tells_schedule_status_and_people_in_the_pages_language(
    model: StrategyModel,
) -> None:
    body = pages(model, "sv")["measures/portal"]
    assert '<li><a href="../../goals/services/#theme-digital">Digitala tjänster</a></li>' in body
    assert "<dd>Maija Meikäläinen, Informationsförvaltningen</dd>" in body
    assert "<dd>Bildningstjänster</dd>" in body
    assert ("<p>Utredning våren 2025, införande hösten 2025, "
            "löpande verksamhet från 2026 och framåt.</p>") in body
    assert "<li>hösten 2025: införande (pilot)</li>" in body
    assert "<dd>Pågår</dd>" in body
    finnish = pages(model, "fi")["measures/portal"]
    assert ("<p>Selvitys keväällä 2025, käyttöönotto syksyllä 2025, "
            "jatkuva toiminta vuodesta 2026 alkaen.</p>") in finnish
    assert "<dd>Käynnissä</dd>" in finnish


def test_measure_page_lists_progress_updates_newest_first(model: StrategyModel) -> None:
    body = pages(model, "fi")["measures/portal"]
    history = re.findall(r'<li><time datetime="([\d-]+)">[^<]+</time>: <strong>([^<]+)</strong>', body)
    assert history == [("2025-09-15", "Käynnissä"), ("2025-03-01", "Ei aloitettu")]
    assert "Pilotti alkoi" in body


def test_goal_indicator_has_summary_chart_and_table(model: StrategyModel) -> None:
    body = pages(model, "fi")["goals/services"]
    assert ('<p class="suunta-indicator-summary">2024: 62\u00a0%, tavoitearvo 80\u00a0% vuoteen 2027 '
            'mennessä (lähtötaso 40\u00a0% vuonna 2022). Suurempi arvo on parempi.</p>') in body
    assert '<svg role="img" aria-labelledby="indicator-e-services--chart"' in body
    assert body.count('class="suunta-actual-point"') == 2
    rows = re.findall(r'<tr><th scope="row">(\d+)</th><td>[^<]*</td><td>([^<]+)</td></tr>', body)
    assert rows == [("2022", "40\u00a0%"), ("2023", "48,5\u00a0%"), ("2024", "62\u00a0%"),
                    ("2027", "80\u00a0%")]


def test_measure_numbers_follow_the_order_the_goal_page_lists_them_in(model: StrategyModel) -> None:
    # Unthemed measures first, then by the goal's theme order; file order within each.
    assert [(m.id, m.number) for m in model.measures] == [
        ("strategy-work", "1.1"), ("portal", "1.2"), ("open-data", "1.3")
    ]
    goal = pages(model, "fi")["goals/services"]
    numbers = re.findall(r"<tr>\n<td>(1\.\d)</td>", goal)
    assert numbers == ["1.1", "1.2", "1.3"]
    index = pages(model, "fi")["measures/index"]
    assert index.index("Strategiatyö") < index.index("Asiointiportaali") < index.index("Avoin data")


def test_report_shows_the_state_as_it_was_on_its_date() -> None:
    demo = build_model(load_data(ROOT / "data", ["fi", "sv"]))
    built = {p.path: p.body for p in render_pages(demo, ROOT / "overrides" / "suunta", "fi", ["fi", "sv"])}

    def overall(body: str) -> list[str]:
        row = re.search(r'<th scope="row">Koko strategia</th>\n((?:<td>\d+</td>\n)+)', body)
        assert row, body
        return re.findall(r"<td>(\d+)</td>", row.group(1))

    # Columns: not started, in progress, delayed, completed, continuous, cancelled, none, total.
    assert overall(built["reports/2024-12-31"]) == ["0", "4", "0", "3", "1", "0", "16", "24"]
    assert overall(built["reports/2025-12-31"]) == ["1", "1", "2", "4", "2", "0", "14", "24"]
    assert overall(built["progress/index"]) == ["0", "3", "1", "4", "2", "0", "14", "24"]
    changes = built["reports/2025-12-31"]
    assert "Muutokset edellisen raportin (31. joulukuuta 2024) jälkeen" in changes
    assert "Käynnissä → <strong>Viivästynyt</strong>" in changes


def test_timeline_marks_now_from_the_data_not_the_clock() -> None:
    demo = build_model(load_data(ROOT / "data", ["fi", "sv"]))
    body = {p.path: p.body for p in render_pages(demo, ROOT / "overrides" / "suunta", "sv", ["fi", "sv"])}
    timeline = body["timeline/index"]
    assert timeline.count('<span class="suunta-now-marker">(nu)</span>') == 3  # one table per goal
    assert '<th scope="col" class="suunta-now">våren 2026 <span' in timeline


def test_measures_index_rows_carry_every_filter_value(model: StrategyModel) -> None:
    body = pages(model, "sv")["measures/index"]
    row = re.search(r'<tr data-goal="services"[^>]*>\n<td>1\.2</td>', body)  # the portal
    assert row
    assert ('data-theme="services/digital" data-unit="Bildningstjänster" '
            'data-responsible="Maija Meikäläinen|Informationsförvaltningen" data-status="in_progress" '
            'data-period="2025-spring|2025-autumn|2026-spring|2026-autumn|2027-spring|2027-autumn"'
            ) in row.group(0)
    selects = re.findall(r'<select id="filter-(\w+)"', body)
    assert selects == ["goal", "theme", "unit", "responsible", "status", "period"]
    assert '<option value="services/data">Data</option>' in body
    assert '<option value="2025-spring">våren 2025</option>' in body
    assert 'data-shown-template="Visar {shown} av {total} åtgärder."' in body


def test_a_name_with_a_bar_is_one_filter_value(tmp_path) -> None:  # noqa: ANN001
    """A row lists its filter values separated by "|": a unit or responsible party whose name
    has one is still offered whole, and the row matches its option as the script compares
    (`data-unit` split at "|" holds the option's value)."""
    data = tmp_path / "data"
    (data / "measures").mkdir(parents=True)
    (data / "strategy.yml").write_text((ROOT / "data" / "strategy.yml").read_text("utf-8"), "utf-8")
    (data / "goals.yml").write_text(GOALS, "utf-8")
    measures = MEASURES.replace(
        "units: [{fi: Sivistyspalvelut, sv: Bildningstjänster}]",
        "units: [{fi: Tekninen | ympäristö 100%, sv: Teknik | miljö 100%}]",
    )
    assert measures != MEASURES
    (data / "measures" / "services.yml").write_text(measures, "utf-8")
    body = pages(build_model(load_data(data, ["fi", "sv"])), "fi")["measures/index"]
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', body)
    (value,) = [v for v, text in options if text == "Tekninen | ympäristö 100%"]
    rows = re.findall(r'<tr data-goal="services"[^>]* data-unit="([^"]*)"', body)
    assert [row for row in rows if value in row.split("|")], (value, rows)
    assert not [text for _, text in options if text.strip() in ("Tekninen", "ympäristö 100%")]
