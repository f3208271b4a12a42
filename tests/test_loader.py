"""Loading and validating data/ without MkDocs: located, plain-worded problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from suunta.errors import DataError
from suunta.loader import load_data
from suunta.model import build_model

LANGS = ["fi", "sv"]


def write_project(tmp_path: Path, measures: str, goals: str | None = None) -> Path:
    data = tmp_path / "data"
    (data / "measures").mkdir(parents=True)
    (data / "strategy.yml").write_text((ROOT / "data" / "strategy.yml").read_text("utf-8"), "utf-8")
    (data / "goals.yml").write_text(goals or (
        "goals:\n"
        "  - id: services\n    number: 1\n    title: {fi: Palvelut, sv: Tjänster}\n"
        "    themes:\n      - id: digital\n        title: {fi: Digi, sv: Digi}\n"
    ), "utf-8")
    (data / "measures" / "a.yml").write_text(measures, "utf-8")
    return data


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_data(data, LANGS)
    return [p.describe(data.parent) for p in caught.value.problems]


def test_demo_data_loads_with_every_measure_under_its_goal() -> None:
    model = build_model(load_data(ROOT / "data", LANGS))
    assert [g.id for g in model.goals] == ["ict-foundation", "applications", "collaboration"]
    assert [len(g.measures) for g in model.goals] == [11, 7, 6]
    assert model.goals[1].measures[0].number == "2.1"
    assert load_data(ROOT / "data", LANGS).translation_gaps == []


def test_unknown_language_is_named_with_the_site_languages(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: m1\n    goal: services\n"
                                   "    title: {fi: Yksi, en: One}\n")
    assert problems_of(data) == [
        "data/measures/a.yml, line 4, field 'measures[1].title': "
        "unknown language 'en'; this site's languages are fi, sv"
    ]


def test_theme_must_belong_to_the_measures_goal(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: m1\n    goal: services\n"
                                   "    theme: paper\n    title: {fi: Yksi}\n")
    assert problems_of(data) == [
        "data/measures/a.yml, line 4, field 'measures[1].theme': "
        "the goal 'services' has no theme 'paper'; its themes are: digital"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: Bad Id\n    goal: services\n"
                                   "    title: {fi: Yksi}\n"
                                   "    schedule:\n      - period: 2025-summer\n"
                                   "        phase: deployment\n")
    problems = problems_of(data)
    assert len(problems) == 2
    assert "line 2, field 'measures[1].id': 'Bad Id' is not valid: use lower-case" in problems[0]
    assert "line 6, field 'measures[1].schedule[1].period': '2025-summer' is not valid: " \
           "write a half-year as 2025-spring" in problems[1]


def test_duplicate_goal_number_is_located(tmp_path: Path) -> None:
    goals = ("goals:\n  - id: a\n    number: 1\n    title: {fi: A}\n"
             "  - id: b\n    number: 1\n    title: {fi: B}\n")
    data = write_project(tmp_path, "measures:\n  - id: m\n    goal: a\n    title: {fi: M}\n", goals)
    assert problems_of(data) == [
        "data/goals.yml, line 6, field 'goals[2].number': the goal number 1 is used twice"
    ]


def test_missing_translation_is_a_located_warning_not_an_error(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: m1\n    goal: services\n"
                                   "    title:\n      fi: Yksi\n")
    gaps = load_data(data, LANGS).translation_gaps
    assert [g.describe(tmp_path) for g in gaps] == [
        "data/measures/a.yml, line 4, field 'measures[1].title': "
        "no translation in sv; the page shows the fi text instead"
    ]


def test_empty_and_missing_files_are_named(tmp_path: Path) -> None:
    data = write_project(tmp_path, "")
    (data / "goals.yml").unlink()
    problems = problems_of(data)
    assert "data/goals.yml: the file is missing" in problems
    assert "data/measures/a.yml: the file is empty" in problems


def test_a_field_written_twice_is_reported_not_silently_dropped(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: m1\n    goal: services\n"
                                   "    title: {fi: Yksi}\n    title: {fi: Kaksi}\n")
    assert problems_of(data) == [
        "data/measures/a.yml, line 5: the field 'title' is written twice here (first on line 4)"
    ]


def test_a_wrong_name_gets_one_message_not_one_per_allowed_shape(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: m1\n    goal: services\n"
                                   "    title: {fi: Yksi}\n    responsible:\n      - [a, b]\n")
    assert problems_of(data) == [
        "data/measures/a.yml, line 6, field 'measures[1].responsible[1]': "
        "expected a text, but found a list"
    ]


def test_a_strategys_own_level_names_need_every_form_in_every_language(tmp_path: Path) -> None:
    data = write_project(tmp_path, "measures:\n  - id: a\n    goal: services\n    title: {fi: A, sv: A}\n")
    strategy = data / "strategy.yml"
    strategy.write_text(strategy.read_text("utf-8") + (
        "terms:\n"
        "  goal:\n"
        "    fi: {one: painopistealue, many: painopistealueet, short: painopistealue,\n"
        "         genitive: painopistealueen, adessive_many: painopistealueittain, case: x}\n"
        "  measure:\n"
        "    fi: {one: kohta, many: kohdat, genitive_many: kohtien, partitive: kohtaa,\n"
        "         partitive_many: kohtia}\n"
        "    en: {one: item}\n"
    ), "utf-8")
    problems = problems_of(data)
    assert any("field 'terms.goal.fi': give also the form(s) partitive; unknown form(s) case"
               " (the forms in fi are: one, many, short, genitive, partitive, adessive_many)" in p
               for p in problems), problems
    assert any("field 'terms.goal.sv': the words for 'goal' are missing in sv" in p for p in problems)
    assert any("field 'terms.measure.sv': the words for 'measure' are missing in sv" in p
               for p in problems)
    assert any("unknown language 'en'" in p for p in problems), problems
    assert len(problems) == 4, problems
