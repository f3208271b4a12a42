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
from suunta.cli_texts import LANGUAGES, choose_language, current_language, load_table, say
from suunta.errors import DataError
from suunta.loader import load_data
from suunta.yaml_lines import SYNTAX_HINTS

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
        # `_say` and the schema's checks (`ValueProblem`) name keys of `data_errors`.
        local = re.findall(r'\b(?:_say|ValueProblem)\(\s*"([a-z_.]+)"', text)
        asked |= {f"data_errors.{key}" for key in local}
    assert len(asked) > 150
    assert sorted(asked - set(english)) == []


def test_every_yaml_syntax_hint_is_in_the_tables_and_every_hint_is_used() -> None:
    """The hints are looked up by name (`yaml.hint.<name>`), which the search above cannot see."""
    hints = {f"data_errors.yaml.hint.{name}" for name in SYNTAX_HINTS.values()}
    in_tables = {
        key for key in leaves(load_table("en")) if key.startswith("data_errors.yaml.hint.")
    }
    assert len(hints) > 20
    assert hints == in_tables


def test_the_schemas_own_checks_raise_message_keys_not_words() -> None:
    """Every `raise ValueError` of the schema became a `ValueProblem` with a key and values."""
    for name in ("value_types", "schema", "document_schema", "accessibility_schema"):
        source = (HOOKS / f"{name}.py").read_text("utf-8")
        assert "raise ValueError" not in source, name
        assert "raise ValueProblem(" in source, name


def test_every_call_gives_the_values_its_message_names() -> None:
    """A message naming a value the code does not give would end the command in a KeyError."""
    english = leaves(load_table("en"))
    checked = 0
    for module in HOOKS.rglob("*.py"):
        for call in ast.walk(ast.parse(module.read_text("utf-8"))):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                continue
            if call.func.id not in ("say", "_say", "ValueProblem") or not call.args:
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
    assert checked > 160


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
    for written in ("SV", "sv-SE", "sv_FI.UTF-8"):  # as locale settings write it
        monkeypatch.setenv("SUUNTA_LANG", written)
        assert suunta_cli(["check", "-f", config]) == 0
        assert capsys.readouterr().out == "Uppgifterna är i ordning.\n", written


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


# A mistake written into a copy of the demo: (file, text replaced, replacement, where the line is,
# field), and what `suunta check` says about it in each language, after "file, line[, field]: ".
MISTAKES: dict[str, tuple[str, str, str, str, str]] = {
    "tab": ("strategy.yml", "  start: 2023", "\tstart: 2023", "\tstart", ""),
    "key_twice": ("strategy.yml", "  end: 2027", "  end: 2027\n  start: 2024", "  start: 2024", ""),
    "year": ("strategy.yml", "  start: 2023", "  start: 3023", "  start", "period.start"),
    "scheme": (
        "accessibility.yml",
        "  email: saavutettavuus@example.invalid",
        "  email: saavutettavuus@example.invalid\n  url: javascript:alert(1)",
        "  url:",
        "feedback.url",
    ),
    "period_reversed": ("strategy.yml", "  end: 2027", "  end: 2013", "period:", "period"),
    "huge_number": (
        "goals.yml",
        "{year: 2024, value: 48}",
        "{year: 2024, value: 4800000000000000000}",
        "{year: 2024, value: 48",
        "goals[1].indicators[1].values[1].value",
    ),
}

SAID = {
    "tab": {
        "en": "the file is not valid YAML: a tab character is used for indenting; use spaces",
        "fi": "tiedosto ei ole kelvollista YAMLia: sisennykseen on käytetty sarkainmerkkiä (tab); "
        "käytä välilyöntejä",
        "sv": "filen är inte giltig YAML: ett tabbtecken används för indrag; använd mellanslag",
    },
    "key_twice": {
        "en": "the field 'start' is written twice here (first on line 25)",
        "fi": "kenttä 'start' on kirjoitettu tähän kahdesti (ensimmäisen kerran rivillä 25)",
        "sv": "fältet 'start' är skrivet två gånger här (första gången på rad 25)",
    },
    "year": {
        "en": "'3023' is too large; it must be at most 2200",
        "fi": "'3023' on liian suuri; sen pitää olla enintään 2200",
        "sv": "'3023' är för stort; det får vara högst 2200",
    },
    "scheme": {
        "en": "'javascript:alert(1)' cannot be a link here; write a full address starting with "
        "https:, http:, mailto:, such as https://www.example.fi/",
        "fi": "'javascript:alert(1)' ei voi olla linkki tässä; kirjoita koko osoite, jonka alussa on jokin näistä: "
        "https:, http:, mailto:, esimerkiksi https://www.example.fi/",
        "sv": "'javascript:alert(1)' kan inte vara en länk här; skriv en hel adress som börjar med något av: "
        "https:, http:, mailto:, till exempel https://www.example.fi/",
    },
    "period_reversed": {
        "en": "the period ends (2013) before it starts (2023)",
        "fi": "kausi päättyy (2013) ennen kuin se alkaa (2023); tarkista vuodet",
        "sv": "perioden slutar (2013) innan den börjar (2023); kontrollera åren",
    },
    "huge_number": {
        "en": "'4800000000000000000' is too large; it must be less than 1,000,000,000,000,000",
        # Digits grouped as Finnish and Swedish write them, with no-break spaces.
        "fi": "'4800000000000000000' on liian suuri; sen pitää olla pienempi kuin "
        "1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000",
        "sv": "'4800000000000000000' är för stort; det måste vara mindre än "
        "1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000",
    },
}

WHERE = {
    "en": ("{file}, line {line}", ", field '{field}'"),
    "fi": ("{file}, rivi {line}", ", kenttä '{field}'"),
    "sv": ("{file}, rad {line}", ", fältet '{field}'"),
}


def write_mistake(project: Path, file: str, old: str, new: str, marker: str) -> int:
    """Write the mistake into the copy; returns the line of `marker` after writing it."""
    path = project / "data" / file
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_reading_and_value_mistakes_are_told_in_the_chosen_language_with_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str], mistake: str, language: str
) -> None:
    file, old, new, marker, field = MISTAKES[mistake]
    line = write_mistake(project, file, old, new, marker)
    assert suunta_cli(["check", "--lang", language, "-f", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err.splitlines()
    place, field_words = WHERE[language]
    where = place.format(file=f"data/{file}", line=line)
    where += field_words.format(field=field) if field else ""
    assert err[1:] == [f"  - {where}: {SAID[mistake][language]}"]
    if language != "en":
        assert SAID[mistake]["en"] not in "\n".join(err)


REVIEW_WARNING = {
    "en": "Warning: data/accessibility.yml, line {line}: the accessibility statement was last "
    "reviewed on 2020-02-01, more than a year ago; review it and update 'reviewed'",
    "fi": "Varoitus: data/accessibility.yml, rivi {line}: saavutettavuusseloste on tarkistettu "
    "viimeksi 2020-02-01, yli vuosi sitten; tarkista seloste ja päivitä kenttä 'reviewed'",
    "sv": "Varning: data/accessibility.yml, rad {line}: tillgänglighetsutlåtandet granskades "
    "senast 2020-02-01, för mer än ett år sedan; granska det och uppdatera 'reviewed'",
}

REVIEW_IN_FUTURE = {
    "en": "data/accessibility.yml, line {line}, field 'reviewed': 2027-01-05 is after today "
    "(2026-12-01); give the date the statement was last reviewed",
    "fi": "data/accessibility.yml, rivi {line}, kenttä 'reviewed': 2027-01-05 on tämän päivän "
    "(2026-12-01) jälkeen; anna päivämäärä, jolloin seloste viimeksi tarkistettiin",
    "sv": "data/accessibility.yml, rad {line}, fältet 'reviewed': 2027-01-05 är efter dagens "
    "datum (2026-12-01); ge datumet då utlåtandet senast granskades",
}


NAV_NO_PAGE = {
    "en": (
        "mkdocs.yml: the nav entry 'Tavoitteet' points to goals/indx.md, but no such page exists "
        "in goals/, the folder of pages Suunta generates, so the entry was left out of the site's "
        "navigation; check the spelling",
        "mkdocs.yml: the nav lists goals/indx.md, but no such page exists in goals/, the folder "
        "of pages Suunta generates, so it was left out of the site's navigation; check the spelling",
    ),
    "fi": (
        "mkdocs.yml: nav-kohdassa otsikolla 'Tavoitteet' mainittua sivua goals/indx.md ei ole "
        "kansiossa goals/, jonka sivut Suunta tuottaa, joten se jätettiin pois sivuston "
        "navigaatiosta; tarkista kirjoitusasu",
        "mkdocs.yml: nav-kohdassa mainittua sivua goals/indx.md ei ole kansiossa goals/, jonka "
        "sivut Suunta tuottaa, joten se jätettiin pois sivuston navigaatiosta; tarkista kirjoitusasu",
    ),
    "sv": (
        "mkdocs.yml: sidan goals/indx.md som anges i nav med rubriken 'Tavoitteet' finns inte i "
        "mappen goals/, där Suunta genererar sidorna, så den togs inte med i webbplatsens "
        "navigering; kontrollera stavningen",
        "mkdocs.yml: sidan goals/indx.md som anges i nav finns inte i mappen goals/, där Suunta "
        "genererar sidorna, så den togs inte med i webbplatsens navigering; kontrollera stavningen",
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_nav_entry_naming_no_generated_page_is_told_in_every_language(language: str) -> None:
    """The build's warning (suunta_hooks.py) for a misspelt `nav:` entry, with and without
    the entry's title, in every table: not the English fallback."""
    assert {"nav_no_page", "nav_no_page_titled"} <= set(load_table(language)["build"])
    before = current_language()
    choose_language(language)
    try:
        titled = say(
            "build.nav_no_page_titled",
            file="mkdocs.yml",
            title="Tavoitteet",
            path="goals/indx.md",
            folder="goals/",
        )
        bare = say("build.nav_no_page", file="mkdocs.yml", path="goals/indx.md", folder="goals/")
    finally:
        choose_language(before)
    assert (titled, bare) == NAV_NO_PAGE[language]


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_a_review_more_than_a_year_old_is_a_warning_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    old, new = (
        "prepared: 2026-11-27\nreviewed: 2026-11-27",
        "prepared: 2019-05-02\nreviewed: 2020-02-01",
    )
    line = write_mistake(project, "accessibility.yml", old, new, "reviewed:")
    assert suunta_cli(["check", "--lang", language, "-f", str(project / "mkdocs.yml")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert REVIEW_WARNING[language].format(line=line) in err


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_review_dated_after_today_is_an_error_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    line = write_mistake(
        project, "accessibility.yml", "reviewed: 2026-11-27", "reviewed: 2027-01-05", "reviewed:"
    )
    assert suunta_cli(["check", "--lang", language, "-f", str(project / "mkdocs.yml")]) == 1
    assert capsys.readouterr().err.splitlines() == [REVIEW_IN_FUTURE[language].format(line=line)]


def test_inside_a_build_the_checks_speak_english(project: Path) -> None:
    """Without a chosen language (a MkDocs build), the schema's own checks stay English."""
    write_mistake(project, "strategy.yml", "  end: 2027", "  end: 2013", "period:")
    with pytest.raises(DataError) as caught:
        load_data(project / "data", ["fi", "sv"])
    assert caught.value.problems[0].message == SAID["period_reversed"]["en"]
    assert str(caught.value.problems[0]).endswith(
        "field 'period': " + SAID["period_reversed"]["en"]
    )


def test_a_wrong_pinned_today_is_told_in_the_chosen_language(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUUNTA_TODAY", "tomorrow")
    assert suunta_cli(["check", "--lang", "sv", "-f", str(project / "mkdocs.yml")]) == 2
    assert capsys.readouterr().err == (
        "suunta: SUUNTA_TODAY='tomorrow' är inte ett datum; skriv det som ÅÅÅÅ-MM-DD\n"
    )


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (None, "Strategian tiedoissa on 1 virhe"),  # the site's default language (fi)
        ("sv", "Strategins uppgifter har 1 fel"),
        ("en", "The strategy data has 1 problem"),
    ],
)
def test_a_build_reports_data_errors_in_the_site_language_or_the_chosen_one(
    project: Path, chosen: str | None, expected: str
) -> None:
    import os
    import subprocess
    import sys

    strategy = project / "data" / "strategy.yml"
    strategy.write_text(strategy.read_text("utf-8").replace("  start: 2023", "  start: twenty"))
    env = {key: value for key, value in os.environ.items() if key != "SUUNTA_LANG"}
    if chosen:
        env["SUUNTA_LANG"] = chosen
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml")],
        capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"}, timeout=300,
    )
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-2000:]
    assert "data/strategy.yml, " in result.stderr
