"""Editors' mistakes never crash or hang the tools: each is one located, plain-words problem."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import time
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from pydantic import BaseModel
from suunta import yaml_lines
from suunta.accessibility_schema import AccessibilityFile
from suunta.charts import indicator_chart
from suunta.cli import main as suunta_cli
from suunta.errors import DataError, DataProblem
from suunta.loader import load_data
from suunta.schema import GoalsFile, Indicator, MeasuresFile, StrategyFile
from suunta.validation_messages import plain_message
from suunta.value_types import RESERVED_IDS
from suunta.yaml_lines import YamlReadError, read_located_yaml

LANGS = ["fi", "sv"]
GOAL1 = "measures/1-ict-foundation.yml"
PYDANTIC_WORDS = ("Input should", "Traceback", "pydantic", "ValidationError", "constrained-str")


# A small project in the demo's shape, written here so that editing the demo's texts cannot
# break these tests.
PROJECT = {
    "strategy.yml": """\
title: {fi: Seudun ICT-strategia, sv: Regionens IKT-strategi}
short_title: {fi: ICT-strategia, sv: IKT-strategi}
organisation:
  name: {fi: Kaupunkiseutu, sv: Stadsregion}
period:
  start: 2023
  end: 2027
updated: 2026-11-27
as_of: 2026-06-30
reports:
  - date: 2024-12-31
    title: {fi: Raportti 2024, sv: Rapport 2024}
  - date: 2025-12-31
    title: {fi: Raportti 2025, sv: Rapport 2025}
owner: {fi: Johtoryhmä, sv: Ledningsgruppen}
vision:
  year: 2040
  text: {fi: Sujuva arki, sv: En smidig vardag}
""",
    "goals.yml": """\
goals:
  - id: ict-foundation
    number: 1
    title: {fi: ICT-perusta, sv: IKT-grund}
    indicators:
      - id: siem-coverage
        illustrative: true
        name: {fi: SIEM-kattavuus, sv: SIEM-täckning}
        unit: "%"
        direction: higher
        baseline: {year: 2023, value: 35}
        target: {year: 2027, value: 90}
        values:
          - {year: 2024, value: 48}
          - {year: 2025, value: 61}
        source: {fi: Johtoryhmä, sv: Ledningsgruppen}
  - id: applications
    number: 2
    title: {fi: Sovellukset, sv: Applikationer}
    indicators:
      - id: evaka-municipalities
        name: {fi: eVaka-kunnat, sv: eVaka-kommuner}
        direction: higher
        target: {year: 2027, value: 100}
  - id: collaboration
    number: 3
    title: {fi: Yhteistyö, sv: Samarbete}
""",
    "measures/1-ict-foundation.yml": """\
measures:
  - id: basic-it-procurement
    goal: ict-foundation
    title: {fi: Perustietotekniikka, sv: Grundläggande informationsteknik}
    schedule:
      - {period: 2024-spring, phase: investigation}
      - {period: 2025 onwards, phase: continuous}
    progress:
      - {date: 2024-06-30, status: in_progress}
    metric: &follows
      fi: Johtoryhmä seuraa toteutumista
      sv: Ledningsgruppen följer upp genomförandet
  - id: te-reform
    goal: ict-foundation
    title: {fi: TE-uudistus, sv: TE-reformen}
    metric: *follows
""",
    "accessibility.yml": """\
country: FI
conformance: partial
standard: WCAG 2.1 AA
prepared: 2026-11-27
reviewed: 2026-11-27
method: {fi: Itsearviointi, sv: Självskattning}
feedback:
  name: {fi: Johtoryhmä, sv: Ledningsgruppen}
  email: saavutettavuus@example.fi
known_issues:
  - description: {fi: Otsikko lyhenee, sv: Rubriken förkortas}
    criteria: ["1.4.4", "1.4.10"]
    reason: non_compliance
""",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh copy of the small project's data/ to break."""
    folder = tmp_path / "data"
    for name, text in PROJECT.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    load_data(folder, LANGS)  # valid as written
    return folder


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fails the test instead of hanging it (a FIFO opened for reading waits for a writer)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("the loader hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def replace_in(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(file: Path, needle: str) -> int:
    lines = file.read_bytes().decode("utf-8", "replace").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def problems_of(data: Path) -> list[DataProblem]:
    with pytest.raises(DataError) as caught:
        load_data(data, LANGS)
    for problem in caught.value.problems:
        assert not any(word in problem.message for word in PYDANTIC_WORDS), problem
        assert len(problem.message) < 400, problem
    return caught.value.problems


def only_problem(data: Path) -> DataProblem:
    problems = problems_of(data)
    assert len(problems) == 1, problems
    return problems[0]


def assert_located(problem: DataProblem, file: Path, needle: str, *words: str) -> None:
    assert problem.file == file, problem
    assert problem.line == line_of(file, needle), problem
    for word in words:
        assert word in problem.message, problem


# Reading YAML ---------------------------------------------------------------------------------


def test_a_latin1_byte_says_the_file_is_not_utf8_on_its_line(data: Path) -> None:
    file = data / "strategy.yml"
    file.write_bytes(file.read_bytes().replace(b"  start: 2023", b"  start: 2023 # K\xe4vely"))
    problem = only_problem(data)
    assert_located(problem, file, "start: 2023", "not saved as UTF-8", "save the file as UTF-8")
    assert "'ä'" in problem.message


@pytest.mark.parametrize("char", ["\x7f", "\x00", "\x1b", "\ufffe"])
def test_a_control_character_is_named_with_its_line_and_to_be_deleted(
    data: Path, char: str
) -> None:
    file = data / GOAL1
    replace_in(file, "  - id: te-reform", f"  - id: te-reform{char}")
    problem = only_problem(data)
    code = f"U+{ord(char):04X}"
    assert_located(problem, file, "id: te-reform", code, "delete it")


def test_an_impossible_date_is_located_not_a_crash(data: Path) -> None:
    file = data / "strategy.yml"
    replace_in(file, "updated: 2026-11-27", "updated: 2026-02-30")
    assert_located(only_problem(data), file, "updated:", "2026-02-30 is not a real date")


@pytest.mark.parametrize(
    "value", ["[" * 500 + "]" * 500, "{a: " * 500 + "1" + "}" * 500], ids=["lists", "fields"]
)
def test_deep_nesting_is_refused_with_its_line(data: Path, value: str) -> None:
    file = data / "strategy.yml"
    replace_in(file, "updated: 2026-11-27", f"updated: 2026-11-27\ndeep: {value}")
    assert_located(only_problem(data), file, "deep:", "nested more than 30 levels")


def test_an_alias_inside_its_own_value_is_refused(data: Path) -> None:
    file = data / "strategy.yml"
    replace_in(file, "updated: 2026-11-27", "updated: 2026-11-27\nloop: &l [*l]")
    assert_located(only_problem(data), file, "loop:", "*l", "never end")


def test_a_chain_of_aliases_cannot_nest_deeper_than_the_limit(data: Path) -> None:
    file = data / "strategy.yml"
    chain = "".join(
        f"a{i}: &a{i} [[[[[[[[[[{f'*a{i - 1}' if i else 'x'}]]]]]]]]]]\n" for i in range(40)
    )
    replace_in(file, "updated: 2026-11-27", f"updated: 2026-11-27\n{chain}")
    assert_located(only_problem(data), file, "a2:", "nested more than 30 levels")


def test_an_alias_bomb_is_refused_at_once(data: Path) -> None:
    file = data / "strategy.yml"
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    replace_in(file, "updated: 2026-11-27", f"updated: 2026-11-27\n{bomb}")
    start = time.perf_counter()
    problem = only_problem(data)
    assert time.perf_counter() - start < 0.5
    assert_located(problem, file, "f: &f", "more than 250,000 values")


def test_merges_and_tags_are_refused_with_their_line(data: Path) -> None:
    file = data / "strategy.yml"
    replace_in(file, "updated: 2026-11-27", "updated: !!str 2026-11-27")
    assert_located(only_problem(data), file, "updated:", "'!!str' is a YAML tag")
    replace_in(file, "updated: !!str 2026-11-27", "updated: 2026-11-27")
    replace_in(file, "period:\n", "base: &base {start: 2023}\nperiod:\n  <<: *base\n")
    assert_located(only_problem(data), file, "<<:", "merges (<<) are not used")


def test_aliases_of_whole_values_still_work_as_the_demo_uses_them(data: Path) -> None:
    located = read_located_yaml(data / GOAL1)
    first, second = (m["metric"] for m in located.data["measures"])
    assert (
        first
        == second
        == {
            "fi": "Johtoryhmä seuraa toteutumista",
            "sv": "Ledningsgruppen följer upp genomförandet",
        }
    )
    # The field's line is where the alias stands, its texts' lines where they are written.
    assert located.line_of(("measures", 1, "metric")) == line_of(data / GOAL1, "*follows")
    assert located.line_of(("measures", 1, "metric", "fi")) == line_of(data / GOAL1, "fi: Johto")
    assert located.line_of(("measures", 1, "metric", "xx")) == line_of(data / GOAL1, "*follows")
    uses = [f.read_text("utf-8").count(": *") for f in (ROOT / "data").rglob("*.yml")]
    assert sum(uses) > 0, "the demo no longer uses aliases: this test can go"


def test_an_alias_inside_a_repeated_value_is_located_where_its_anchor_is_written(
    tmp_path: Path,
) -> None:
    file = tmp_path / "x.yml"
    file.write_text("a: &a {b: 1}\nc: &c [x, *a]\nd:\n  - *c\n*a : 2\n", "utf-8")
    with pytest.raises(YamlReadError) as caught:
        read_located_yaml(file)
    assert (caught.value.line, "must be a word" in caught.value.message) == (5, True)
    file.write_text("a: &a {b: 1}\nc: &c [x, *a]\nd:\n  - *c\n", "utf-8")
    located = read_located_yaml(file)
    assert located.data["d"] == [["x", {"b": 1}]]
    # d[0] repeats c, whose second item repeats a: b is written on line 1.
    assert [located.line_of(("d", 0)), located.line_of(("d", 0, 1, "b"))] == [2, 1]


def test_a_syntax_error_is_told_before_a_field_name_problem_above_it(tmp_path: Path) -> None:
    """A broken bracket makes YAML read the lines after it as odd field names: the bracket is
    what the editor must hear about."""
    file = tmp_path / "x.yml"
    file.write_text("a: 1\na: 2\nb: {c: [1, 2}\n", "utf-8")
    with pytest.raises(YamlReadError) as caught:
        read_located_yaml(file)
    assert caught.value.line == 3 and "not closed" in caught.value.message, caught.value.message


def test_a_field_name_that_yaml_reads_as_a_number_is_refused(data: Path) -> None:
    file = data / "strategy.yml"
    replace_in(file, "updated: 2026-11-27", "updated: 2026-11-27\n2026: x")
    assert_located(only_problem(data), file, "2026: x", "field name '2026'", "quotes")


def test_the_fast_parser_and_pythons_give_the_same_data_and_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert yaml_lines.LOADER is yaml_lines._CLoader, "PyYAML without libyaml: 8 times slower"
    files = sorted((ROOT / "data").rglob("*.yml"))
    fast = [read_located_yaml(f) for f in files]
    monkeypatch.setattr(yaml_lines, "LOADER", yaml_lines._PythonLoader)
    slow = [read_located_yaml(f) for f in files]
    assert [(f.data, f.lines) for f in fast] == [(s.data, s.lines) for s in slow]


@pytest.mark.parametrize("python_parser", [False, True], ids=["libyaml", "python"])
def test_both_parsers_locate_syntax_errors_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, python_parser: bool
) -> None:
    if python_parser:
        monkeypatch.setattr(yaml_lines, "LOADER", yaml_lines._PythonLoader)
    cases = {
        "a: b: c\n": (1, "a colon (:) stands where it is not allowed"),
        "a:\n  b: 1\n c: 2\n": (3, "indented differently"),
        "a: 'x\n": (2, "opened but never closed"),
        "a: [1, 2\n": (1, "not closed with ']'"),  # where the bracket opens
        "a: {fi: x,\n  sv: y\nb: 2\n": (1, "not closed with '}'"),
        "a: 1\n---\nb: 2\n": (2, "second document"),
        "\tb: 1\n": (1, "tab character"),
        "a: @x\n": (1, "put the value in quotes"),
        "'a comment'\nb: 1\n": (2, "perhaps a comment lost its '#'"),
        "a: - b\n": (1, "start the list on the next line"),
        "a: &\n": (1, "an '&' starts a YAML anchor"),
        "a: |x\n": (1, "after '|' or '>' only a line break"),
        "measures:\n  - id: x\n goal: y\n": (3, "indented differently"),
        "a: [b: c: d]\n": (1, "not closed with ']'"),
    }
    for text, (line, words) in cases.items():
        file = tmp_path / "x.yml"
        file.write_text(text, "utf-8")
        with pytest.raises(YamlReadError) as caught:
            read_located_yaml(file)
        assert (caught.value.line, words in caught.value.message) == (line, True), (
            text,
            caught.value.message,
        )


# Values the site needs bounded ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, words",
    [
        (".nan", "not an ordinary number"),
        (".inf", "not an ordinary number"),
        ("-.inf", "not an ordinary number"),
        ("1e15", "too large; it must be less than 1,000,000,000,000,000"),
        ("-1.0e+15", "too small"),
        ("1.0e+27", "too large"),
        ("true", "'true' is not a number"),
        ("yes", "'true' is not a number"),
    ],
)
def test_indicator_values_are_finite_numbers_below_1e15(data: Path, value: str, words: str) -> None:
    file = data / "goals.yml"
    replace_in(file, "- {year: 2024, value: 48}", f"- {{year: 2024, value: {value}}}")
    problem = only_problem(data)
    assert_located(problem, file, "year: 2024, value:", words)
    assert problem.field == "goals[1].indicators[1].values[1].value"


@pytest.mark.parametrize(
    "file, old, new, field",
    [
        ("goals.yml", "{year: 2024, value: 48}", "{year: true, value: 48}", "values[1].year"),
        ("strategy.yml", "  start: 2023", "  start: true", "period.start"),
        ("strategy.yml", "  year: 2040", "  year: true", "vision.year"),
        ("goals.yml", "    number: 1", "    number: true", "goals[1].number"),
    ],
)
def test_a_yes_no_value_is_never_a_number(
    data: Path, file: str, old: str, new: str, field: str
) -> None:
    replace_in(data / file, old, new)
    problem = only_problem(data)
    assert problem.field.endswith(field)
    assert "'true' is not a whole number" in problem.message


def test_an_indicator_needs_at_least_one_number(data: Path) -> None:
    file = data / "goals.yml"
    text = file.read_text("utf-8")
    start = text.index("        baseline: {year: 2023, value: 35}")
    end = text.index("        source: {fi: Johto")
    file.write_text(text[:start] + text[end:], "utf-8")
    assert_located(only_problem(data), file, "id: siem-coverage", "has no numbers")


def test_a_year_given_twice_in_an_indicator_is_located_at_the_second(data: Path) -> None:
    file = data / "goals.yml"
    replace_in(file, "- {year: 2025, value: 61}", "- {year: 2024, value: 61}")
    problem = only_problem(data)
    assert problem.field == "goals[1].indicators[1].values[2].year"
    assert_located(problem, file, "value: 61", "the year 2024 has two values")


DATE_FIELDS = [
    ("strategy.yml", "updated: 2026-11-27", "updated: {}", "updated"),
    ("strategy.yml", "as_of: 2026-06-30", "as_of: {}", "as_of"),
    ("strategy.yml", "  - date: 2024-12-31", "  - date: {}", "reports[1].date"),
    ("accessibility.yml", "prepared: 2026-11-27", "prepared: {}", "prepared"),
    ("accessibility.yml", "reviewed: 2026-11-27", "reviewed: {}", "reviewed"),
    (
        GOAL1,
        "      - {date: 2024-06-30, status: in_progress}",
        "      - {{date: {}, status: in_progress}}",
        "progress[1].date",
    ),
]


@pytest.mark.parametrize("bad", ["0", "2026", "1700000000", "2026-01-05T10:00:00", "tomorrow"])
@pytest.mark.parametrize("file, old, new, field", DATE_FIELDS, ids=[f[3] for f in DATE_FIELDS])
def test_every_date_field_takes_only_a_real_date(
    data: Path, file: str, old: str, new: str, field: str, bad: str
) -> None:
    replace_in(data / file, old, new.format(bad))
    problem = only_problem(data)
    assert problem.field.endswith(field), problem
    assert "is not a date; write dates as YYYY-MM-DD, such as 2025-06-30" in problem.message
    assert problem.message.startswith(f"'{bad.replace('T', ' ')}"), problem


def test_a_date_written_as_text_is_read_and_an_impossible_one_refused(data: Path) -> None:
    replace_in(data / "strategy.yml", "updated: 2026-11-27", "updated: '2026-11-27'")
    assert load_data(data, LANGS).strategy.updated == dt.date(2026, 11, 27)
    replace_in(data / "strategy.yml", "updated: '2026-11-27'", "updated: '2026-02-30'")
    assert "'2026-02-30' is not a real date" in only_problem(data).message


def test_every_date_field_of_the_schema_uses_the_one_date_type() -> None:
    """A new `dt.date` field without the `Date` type would read `0` as 1970-01-01."""
    unchecked, checked = [], 0
    for model in _models(StrategyFile, GoalsFile, MeasuresFile, AccessibilityFile):
        for name, info in model.model_fields.items():
            for leaf, metadata in _leaves(info.annotation, tuple(info.metadata)):
                if leaf is dt.date:
                    checked += 1
                    names = [getattr(getattr(m, "func", None), "__name__", "") for m in metadata]
                    if "_real_date" not in names:
                        unchecked.append(f"{model.__name__}.{name}")
    assert unchecked == []
    assert checked == 7  # updated, as_of, adoption and report dates, progress, prepared, reviewed


def _models(*roots: type[BaseModel]) -> set[type[BaseModel]]:
    found: set[type[BaseModel]] = set()
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model in found:
            continue
        found.add(model)
        for info in model.model_fields.values():
            todo += [leaf for leaf, _ in _leaves(info.annotation, ()) if _is_model(leaf)]
    return found


def _is_model(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _leaves(annotation: object, metadata: tuple[object, ...]) -> list[tuple[object, tuple]]:
    """Each plain type in an annotation, with the `Annotated` metadata wrapped around it."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _leaves(args[0], metadata + tuple(annotation.__metadata__))  # type: ignore[attr-defined]
    if not args:
        return [(annotation, metadata)]
    return [leaf for arg in args for leaf in _leaves(arg, metadata)]


def test_schedule_years_are_between_1900_and_2200(data: Path) -> None:
    file = data / GOAL1
    replace_in(file, "period: 2024-spring, phase", "period: 0000 to 9999, phase")
    problem = only_problem(data)
    assert_located(problem, file, "0000 to 9999", "outside 1900–2200")


def test_schedules_stay_within_ten_years_of_the_strategy_period(data: Path) -> None:
    file = data / GOAL1
    replace_in(file, "period: 2024-spring, phase", "period: 2012 to 2026, phase")
    problem = only_problem(data)
    assert_located(problem, file, "2012 to 2026", "years 2013–2037", "2023–2027")
    replace_in(file, "period: 2012 to 2026, phase", "period: 2013 to 2037, phase")
    load_data(data, LANGS)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "/relative/page",
        "https:no-slashes",
        "https://example.fi/a page",
        "https://",
        "mailto:name@example.fi",
    ],
)
def test_the_authoritys_address_must_be_a_web_address(data: Path, url: str) -> None:
    file = data / "accessibility.yml"
    file.write_text(
        file.read_text("utf-8")
        + f"enforcement:\n  name: {{fi: Virasto, sv: Verket}}\n  url: '{url}'\n",
        "utf-8",
    )
    problem = only_problem(data)
    assert problem.field == "enforcement.url"
    assert "https:" in problem.message and "address" in problem.message, problem


@pytest.mark.parametrize(
    "url, accepted",
    [
        ("https://www.example.fi/palaute", True),
        ("http://example.fi", True),
        ("mailto:palaute@example.fi", True),
        ("javascript:alert(1)", False),
        ("mailto:a@b.fi?body=<script>", False),
        ("vbscript:x", False),
    ],
)
def test_the_feedback_link_may_also_be_an_email_link(data: Path, url: str, accepted: bool) -> None:
    replace_in(data / "accessibility.yml", "  email: saavutettavuus@example.fi", f"  url: '{url}'")
    if accepted:
        assert load_data(data, LANGS).accessibility.feedback.url == url
    else:
        problem = only_problem(data)
        assert problem.field == "feedback.url"
        assert "mailto:" in problem.message, problem


@pytest.mark.parametrize(
    "email", ['"a"@example.fi', "<a@example.fi>", "a b@example.fi", "a@example", "a@@example.fi"]
)
def test_email_fields_are_plain_addresses(data: Path, email: str) -> None:
    replace_in(
        data / "accessibility.yml", "  email: saavutettavuus@example.fi", f"  email: '{email}'"
    )
    problem = only_problem(data)
    assert problem.field == "feedback.email"
    assert "plain e-mail address" in problem.message


def test_reserved_ids_are_refused_for_goals_and_measures(data: Path) -> None:
    assert "index" in RESERVED_IDS
    replace_in(data / "goals.yml", "  - id: collaboration", "  - id: index")
    replace_in(data / GOAL1, "  - id: te-reform", "  - id: index")
    problems = problems_of(data)
    fields = {p.field: p.message for p in problems}
    assert "'index' cannot be an id" in fields["goals[3].id"]
    assert "'index' cannot be an id" in fields["measures[2].id"]


def test_two_reports_of_one_date_are_refused_at_the_second(data: Path) -> None:
    file = data / "strategy.yml"
    replace_in(file, "  - date: 2025-12-31", "  - date: 2024-12-31 # again")
    problem = only_problem(data)
    assert problem.field == "reports[2].date"
    assert_located(problem, file, "# again", "already a report dated 2024-12-31")


def test_indicator_ids_are_unique_on_each_page(data: Path) -> None:
    goals = data / "goals.yml"
    # Two goals may share an indicator id: their pages are different pages.
    replace_in(goals, "      - id: evaka-municipalities", "      - id: siem-coverage")
    replace_in(
        goals,
        "  - id: applications\n",
        "      - {id: siem-coverage, name: {fi: D, sv: D},"
        " direction: higher, target: {year: 2027, value: 1}}\n  - id: applications\n",
    )
    measure = (
        "    indicators:\n"
        "      - {id: own, name: {fi: A, sv: A}, direction: higher, target: {year: 2027, value: 1}}\n"
        "      - {id: own, name: {fi: B, sv: B}, direction: higher, target: {year: 2027, value: 1}}\n"
        "      - {id: siem-coverage, name: {fi: C, sv: C}, direction: lower,"
        " target: {year: 2027, value: 1}}\n"
    )
    replace_in(data / GOAL1, "  - id: te-reform\n", "  - id: te-reform\n" + measure)
    found = sorted((p.field, p.message) for p in problems_of(data))
    assert found == [
        (
            "goals[1].indicators[2].id",
            "the indicator id 'siem-coverage' is used twice here; give each its own id",
        ),
        (
            "measures[2].indicators[2].id",
            "the indicator id 'own' is used twice here; give each its own id",
        ),
        (
            "measures[2].indicators[3].id",
            "the goal 'ict-foundation' has an indicator with the id 'siem-coverage' too; "
            "give this one another id",
        ),
    ]


@pytest.mark.parametrize("name", ["accessibility.yml", "strategy.yml", "goals.yml", GOAL1])
@pytest.mark.parametrize("kind", ["folder", "dangling link", "fifo"])
def test_a_data_path_that_is_no_regular_file_is_a_plain_error(
    data: Path, no_hang: None, name: str, kind: str
) -> None:
    path = data / name
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "dangling link":
        path.symlink_to(data / "nowhere.yml")
    else:
        os.mkfifo(path)
    problem = only_problem(data)
    assert problem.file == path
    assert f"{path.name} is not a regular file" in problem.message


def test_a_measure_file_linked_to_a_device_is_never_read(data: Path, no_hang: None) -> None:
    (data / "measures" / "zero.yml").symlink_to("/dev/zero")
    problem = only_problem(data)
    assert "zero.yml is not a regular file but a special file" in problem.message


def test_an_oversized_file_is_refused_without_reading_it_all(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(yaml_lines, "MAX_FILE_BYTES", 200)
    problems = problems_of(data)
    assert any("larger than" in p.message and p.file.name == "strategy.yml" for p in problems)


# Messages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "file, old, new, words",
    [
        (
            "goals.yml",
            "        illustrative: true",
            "        illustrative: maybe",
            "'maybe' is not a yes/no value; write true or false",
        ),
        (
            "goals.yml",
            "{year: 2024, value: 48}",
            "{year: 2024, value: lots}",
            "'lots' is not a number",
        ),
        (
            "goals.yml",
            "{year: 2024, value: 48}",
            "{year: 2024.5, value: 48}",
            "is not a whole number; leave out the decimals",
        ),
        (
            "goals.yml",
            "{year: 2024, value: 48}",
            "{year: 1800, value: 48}",
            "'1800' is too small; it must be at least 1900",
        ),
        (
            "goals.yml",
            "{year: 2024, value: 48}",
            "{year: '9" + "9" * 5000 + "', value: 48}",
            "far too long to be a number",
        ),
        (
            "goals.yml",
            "        direction: higher",
            "        direction: up",
            "'up' is not allowed here; use one of: 'higher' or 'lower'",
        ),
        (
            "goals.yml",
            '        unit: "%"',
            '        unit: "' + "%" * 301 + '"',
            "the text is too long (301 characters); at most 300",
        ),
        (
            "goals.yml",
            "    number: 1",
            "    number: [1]",
            "expected a whole number, but found a list",
        ),
        (
            "strategy.yml",
            "{fi: Seudun ICT-strategia,",
            "{fi: 2025,",
            "expected a text, but found the number 2025; put it in quotes",
        ),
        (
            "accessibility.yml",
            'criteria: ["1.4.4", "1.4.10"]',
            'criteria: ["1.4"]',
            "give a WCAG success criterion",
        ),
        (
            "accessibility.yml",
            "conformance: partial",
            "conformance: [partial]",
            "expected one of: 'full', 'partial' or 'none', but found a list",
        ),
        (
            "accessibility.yml",
            "conformance: partial",
            "conformance: most",
            "'most' is not allowed here; use one of: 'full', 'partial' or 'none'",
        ),
    ],
)
def test_no_message_repeats_pydantics_wording(
    data: Path, file: str, old: str, new: str, words: str
) -> None:
    replace_in(data / file, old, new)
    assert words in only_problem(data).message


def test_an_unforeseen_error_type_gets_a_plain_general_sentence() -> None:
    error: typing.Any = {
        "type": "some_future_type",
        "loc": ("title",),
        "msg": "Input should be odd",
        "input": "x",
        "ctx": {},
    }
    message = plain_message(error, StrategyFile)
    assert "Input should" not in message
    assert message.startswith("'x' cannot be used here")


def test_a_megabyte_value_and_control_characters_are_not_echoed_whole(data: Path) -> None:
    huge = "x" * 1_000_000
    replace_in(
        data / GOAL1,
        "  - id: te-reform\n    goal: ict-foundation",
        f'  - id: te-reform\n    goal: ict-foundation\n    status: "done\\a\\x1b{huge}"',
    )
    problem = only_problem(data)
    assert problem.message.startswith("'done[U+0007][U+001B]xxx")
    assert "…'" in problem.message and len(problem.message) < 300


def test_a_megabyte_field_name_is_shortened_in_the_field_and_message(data: Path) -> None:
    replace_in(
        data / "strategy.yml", "updated: 2026-11-27", f"updated: 2026-11-27\n{'k' * 10**6}: 1"
    )
    problem = only_problem(data)
    assert len(problem.message) < 400 and len(problem.describe()) < 600


# Command line ---------------------------------------------------------------------------------


def test_the_cli_runs_as_a_module_with_every_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "suunta.cli", "import-xlsx", "-f", str(ROOT / "mkdocs.yml")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "SUUNTA_LANG": "en"},
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "give the plan to import" in result.stderr


# Issue 8: a CSV is now a plan the import reads (tests/test_plan_import.py); each wrong file
# gets its own line saying what it is and what to do.
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.xlsx", b"this is a text file with a new name\n", "is a text (CSV) file with the name"),
        ("plan.xlsx", b"", "is empty"),
        ("plan.xlsx", bytes(range(256)) * 8, "is not a spreadsheet"),
        ("plan.xlsx", b"PK\x05\x06" + b"\x00" * 18, "is not an Excel workbook"),  # an empty zip
    ],
    ids=["renamed-text", "empty", "random-bytes", "empty-zip"],
)
def test_a_file_that_is_no_workbook_gets_one_plain_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    content: bytes,
    message: str,
) -> None:
    monkeypatch.setenv("SUUNTA_LANG", "en")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    (tmp_path / name).write_bytes(content)
    code = suunta_cli(["import-xlsx", str(tmp_path / name), "-f", str(tmp_path / "mkdocs.yml")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"{name} {message}"), err


# Accepted data renders ------------------------------------------------------------------------


@pytest.mark.parametrize("numbers", [[0], [0, 0], [-5], [-5, -5], [5e-324], [1e14, 1e14]])
def test_an_indicator_whose_numbers_are_all_equal_is_charted(numbers: list[float]) -> None:
    indicator = Indicator.model_validate(
        {
            "id": "x",
            "name": {"fi": "X"},
            "direction": "higher",
            "values": [{"year": 2024 + i, "value": v} for i, v in enumerate(numbers)],
        }
    )
    chart = indicator_chart(indicator)
    assert all(math.isfinite(p.y) for p in chart.actual)
    assert len(chart.y_ticks) >= 2


def test_markdown_nested_hundreds_of_levels_deep_is_refused(data: Path) -> None:
    file = data / GOAL1
    replace_in(file, "      fi: Johtoryhmä seuraa toteutumista", "      fi: '" + "- " * 400 + "x'")
    problems = problems_of(data)  # the text, once, and by its alias (*follows) in measure 2
    assert [p.field for p in problems] == ["measures[1].metric.fi", "measures[2].metric.fi"]
    for problem in problems:
        assert_located(problem, file, "fi: '- - -", "more than 20 list or quote markers")
    replace_in(file, "- " * 400 + "x", "- " * 20 + "x")
    load_data(data, LANGS)


# Links to files in docs/ -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "javascript:alert(1)",
        "../../../../etc/passwd",
        "files/../../secret.pdf",
        "/etc/passwd",
        "files\\liite.pdf",
        'files/"onmouseover=x.pdf',
    ],
)
def test_a_document_file_must_be_a_path_inside_docs(data: Path, path: str) -> None:
    """An appendix's or an earlier edition's `file` is linked relative to each page: a text
    that is an address, climbs out of docs/ or starts from the root is refused, located."""
    document = data / "document.yml"
    document.write_text(
        "appendices:\n"
        "  - title: {fi: Liite, sv: Bilaga}\n"
        "    file: files/liite-1.pdf\n"
        "previous_editions:\n"
        "  - title: {fi: Edellinen, sv: Föregående}\n"
        f"    file: {json.dumps(path)}\n",
        "utf-8",
    )
    problem = only_problem(data)
    assert_located(problem, document, "    file: " + json.dumps(path)[:10], "docs")
    assert problem.field == "previous_editions[1].file", problem  # counted from 1


def test_a_colon_further_on_in_a_file_name_is_linked_as_a_file() -> None:
    """`strategy/appendices/javascript:x` linked from the appendices page would lose its
    folders and read as an address: the link starts with ./ instead."""
    from suunta.urls import file_url

    assert file_url("strategy/appendices", "strategy/appendices/javascript:x") == "./javascript:x"
    assert file_url("strategy", "files/Liite: talous.pdf") == "../files/Liite: talous.pdf"
    assert file_url("strategy/appendices", "strategy/appendices/a.pdf") == "a.pdf"
