"""The `suunta` command speaks English, Finnish or Swedish: the same messages in each table."""

from __future__ import annotations

import ast
import re
import shutil
import string
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from suunta.cli import main as suunta_cli
from suunta.cli_texts import LANGUAGES, current_language, load_table
from suunta.errors import DataError
from suunta.loader import load_data

HOOKS = ROOT / "hooks" / "suunta"


def leaves(table: dict[str, Any], prefix: str = "") -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            found |= leaves(value, f"{prefix}{key}.")
        else:
            found[f"{prefix}{key}"] = value
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_is_in_all_three_languages_with_the_same_placeholders() -> None:
    tables = {language: leaves(load_table(language)) for language in LANGUAGES}
    english = tables["en"]
    assert {"check.valid", "generate.summary", "common.no_site", "data_errors.heading_many"} <= set(
        english
    )
    for language, table in tables.items():
        assert set(table) == set(english), f"{language}: {set(english) ^ set(table)}"
        for key, template in table.items():
            assert isinstance(template, str) and template.strip(), f"{language}: {key} is empty"
            assert placeholders(template) == placeholders(english[key]), f"{language}: {key}"
    # Real translations, not copies of the English.
    for language in ("fi", "sv"):
        same = [
            k
            for k in english
            if tables[language][k] == english[k]
            and placeholders(english[k]) != {*()}
            and len(english[k]) > 25
        ]
        assert not same, f"{language} repeats the English of {same}"


def test_every_key_the_code_asks_for_is_in_the_tables() -> None:
    english = leaves(load_table("en"))
    asked = set()
    for module in HOOKS.rglob("*.py"):
        text = module.read_text("utf-8")
        asked |= set(re.findall(r'\bsay\(\s*"([a-z_.]+)"', text))
        asked |= {f"data_errors.{key}" for key in re.findall(r'\b_say\(\s*"([a-z_.]+)"', text)}
    assert len(asked) > 60
    assert sorted(asked - set(english)) == []


def test_every_call_gives_the_values_its_message_names() -> None:
    """A message naming a value the code does not give would end the command in a KeyError."""
    english = leaves(load_table("en"))
    checked = 0
    for module in HOOKS.rglob("*.py"):
        for call in ast.walk(ast.parse(module.read_text("utf-8"))):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            if call.func.id not in ("say", "_say") or not call.args:
                continue
            key = call.args[0]
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            full = key.value if call.func.id == "say" else f"data_errors.{key.value}"
            given = {keyword.arg for keyword in call.keywords}
            assert placeholders(english[full]) <= given, (
                f"{module.name}: {full} needs {placeholders(english[full]) - given}"
            )
            checked += 1
    assert checked > 80


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """The demo with one wrong status: a real data error."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    file = tmp_path / "data" / "measures" / "1-ict-foundation.yml"
    text = file.read_text("utf-8")
    file.write_text(
        text.replace("{date: 2024-12-31, status: completed}", "{date: 2024-12-31, status: almost}"),
        "utf-8",
    )
    return tmp_path


@pytest.mark.parametrize(
    "language, heading, problem",
    [
        (
            "en",
            "The strategy data has 1 problem; nothing was built.",
            "data/measures/1-ict-foundation.yml, line {line}, field 'measures[10].progress[1].status': 'almost' is not "
            "allowed here; use one of: 'not_started', 'in_progress', 'delayed', 'completed', 'continuous' or 'cancelled'",
        ),
        (
            "fi",
            "Strategian tiedoissa on 1 virhe; sivustoa ei rakennettu.",
            "data/measures/1-ict-foundation.yml, rivi {line}, kenttä 'measures[10].progress[1].status': 'almost' ei ole "
            "sallittu tässä; käytä jotakin näistä: 'not_started', 'in_progress', 'delayed', 'completed', 'continuous' tai 'cancelled'",
        ),
        (
            "sv",
            "Strategins uppgifter har 1 fel; webbplatsen byggdes inte.",
            "data/measures/1-ict-foundation.yml, rad {line}, fältet 'measures[10].progress[1].status': 'almost' är inte "
            "tillåtet här; använd något av: 'not_started', 'in_progress', 'delayed', 'completed', 'continuous' eller 'cancelled'",
        ),
    ],
)
def test_check_explains_a_wrong_field_in_the_chosen_language(
    broken_site: Path, capsys: pytest.CaptureFixture[str], language: str, heading: str, problem: str
) -> None:
    assert suunta_cli(["check", "--lang", language, "-f", str(broken_site / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[0] == heading
    text = (broken_site / "data" / "measures" / "1-ict-foundation.yml").read_text("utf-8")
    line = text[: text.index("status: almost")].count("\n") + 1
    assert "  - " + problem.format(line=line) in err.splitlines()
    # The choice lasts for the command only: the loader, in the same process, speaks English again.
    assert current_language() == "en"
    with pytest.raises(DataError, match="is not allowed here"):
        load_data(broken_site / "data", ["fi", "sv"])


def test_the_language_comes_from_the_option_then_the_environment_then_the_site(
    broken_site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = str(broken_site / "mkdocs.yml")
    (broken_site / "data" / "measures" / "1-ict-foundation.yml").write_text(
        (ROOT / "data" / "measures" / "1-ict-foundation.yml").read_text("utf-8"), "utf-8"
    )
    monkeypatch.delenv("SUUNTA_LANG")
    assert suunta_cli(["check", "-f", config]) == 0
    assert capsys.readouterr().out == "Tiedot ovat kunnossa.\n"  # the demo's default language
    monkeypatch.setenv("SUUNTA_LANG", "sv")
    assert suunta_cli(["check", "-f", config]) == 0
    assert capsys.readouterr().out == "Uppgifterna är i ordning.\n"
    assert suunta_cli(["--lang", "en", "check", "-f", config]) == 0
    assert capsys.readouterr().out == "The data is valid.\n"
    assert suunta_cli(["check", "--lang", "fi", "-f", str(broken_site / "none.yml")]) == 2
    assert "sivuston asetuksia ei löydy" in capsys.readouterr().err


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "fi",
            "kenttä 'measures[1].goal': tavoitetta tunnuksella 'no-such-goal' ei ole; tavoitteet ovat: ict-foundation",
        ),
        (
            "sv",
            "fältet 'measures[1].goal': det finns inget mål med id 'no-such-goal'; målen är: ict-foundation",
        ),
    ],
)
def test_the_loaders_own_checks_speak_the_chosen_language_too(
    broken_site: Path, capsys: pytest.CaptureFixture[str], language: str, expected: str
) -> None:
    file = broken_site / "data" / "measures" / "2-applications.yml"
    text = file.read_text("utf-8")
    file.write_text(text.replace("goal: applications", "goal: no-such-goal", 1), "utf-8")
    assert suunta_cli(["check", "--lang", language, "-f", str(broken_site / "mkdocs.yml")]) == 1
    assert expected in capsys.readouterr().err
