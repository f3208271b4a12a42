"""`mkdocs.yml` as editors may leave it: every command either runs or says what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from suunta.cli import main as suunta_cli

I18N = """plugins:
  - search
  - i18n:
      languages:
        - locale: fi
          default: true
        - locale: sv
"""


def site_with(tmp_path: Path, config: str | bytes) -> Path:
    """The demo's data beside the given mkdocs.yml."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    config_file = tmp_path / "mkdocs.yml"
    if isinstance(config, str):
        config_file.write_text(config, "utf-8")
    else:
        config_file.write_bytes(config)
    return config_file


@pytest.mark.parametrize(
    "config",
    [
        "site_name: X\ntheme: material\n" + I18N,
        # MkDocs also takes `plugins` as fields rather than a list.
        "site_name: X\ntheme:\n  name: material\nplugins:\n  search: {}\n  i18n:\n"
        "    languages:\n      - locale: fi\n        default: true\n      - locale: sv\n",
    ],
    ids=["theme as its name", "plugins as fields"],
)
def test_the_shapes_mkdocs_accepts_are_read(
    tmp_path: Path, config: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = site_with(tmp_path, config)
    assert suunta_cli(["check", "-f", str(config_file)]) == 0
    assert "The data is valid." in capsys.readouterr().out


@pytest.mark.parametrize(
    "config, message",
    [
        (
            "site_name: Hämeenkyrö\ntheme: material\n".encode("cp1252") + I18N.encode(),
            "mkdocs.yml, line 1: the file is not saved as UTF-8 (this line has a character,"
            " perhaps 'ä', in another encoding)",
        ),
        (
            "site_name: X\ndocs_dir: [docs\ntheme: material\n" + I18N,
            "mkdocs.yml, line 2: the file is not valid YAML: a list in square brackets",  # opened
        ),
        (
            "site_name: X\nplugins:\n  - i18n:\n      docs_structure: suffix\n",
            "mkdocs.yml: the i18n plugin builds no language; list the site's languages under"
            " 'plugins: i18n: languages'",
        ),
        (
            "site_name: X\nplugins:\n  - i18n:\n      languages: []\n",
            "mkdocs.yml: the i18n plugin builds no language",
        ),
        (
            I18N.replace("- locale: sv", "- name: Svenska"),
            "mkdocs.yml: language 2 under 'plugins: i18n: languages' has no 'locale'",
        ),
        (
            "theme:\n  custom_dir: [a, b]\n",
            "mkdocs.yml: the setting 'theme: custom_dir' must be a text",
        ),
        ("- site_name: X\n", "mkdocs.yml: the file must hold the site's settings, one per line"),
        (
            I18N.replace("- locale: sv", "- locale: en"),
            "mkdocs.yml: Suunta has no texts in the language en; a site's languages can be fi, sv",
        ),
    ],
    ids=[
        "cp1252",
        "yaml syntax",
        "no languages",
        "empty languages",
        "no locale",
        "wrong kind",
        "a list",
        "a language without texts",
    ],
)
@pytest.mark.parametrize("command", [["check"], ["generate"], ["import", "plan.csv"]])
def test_a_broken_mkdocs_yml_is_one_located_line_and_status_2(
    tmp_path: Path,
    config: str | bytes,
    message: str,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    config_file = site_with(tmp_path, config)
    assert suunta_cli([*command, "-f", str(config_file)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"suunta: {config_file.parent}/mkdocs.yml") and message in err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert not (tmp_path / "docs").exists()


def test_a_broken_mkdocs_yml_is_told_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = site_with(tmp_path, "site_name: X\nplugins:\n  - i18n:\n      languages: []\n")
    assert suunta_cli(["check", "--lang", "fi", "-f", str(config_file)]) == 2
    assert "i18n-lisäosalle ei ole määritelty yhtään kieltä" in capsys.readouterr().err


def test_a_build_in_a_language_without_texts_stops_with_one_line(
    project: Path, tmp_path: Path
) -> None:
    """MkDocs's build says the same as `suunta check`, instead of a traceback half-way."""
    from conftest import run_mkdocs

    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "        - locale: sv\n" in text  # a third language, English, after Swedish
    english = "        - locale: en\n          name: English\n"
    text = text.replace("        - locale: sv\n", english + "        - locale: sv\n", 1)
    config.write_text(text, "utf-8")
    done = run_mkdocs(config, tmp_path / "site")
    assert done.returncode != 0
    assert "Suunta has no texts in the language en" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
