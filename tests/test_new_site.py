"""`suunta new`: a new site in any language set builds at once with `mkdocs build --strict`.

The new site holds only its own content and settings; Suunta's theme and code come from the
installed package (its hook file is one line).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from suunta.cli import main as suunta_cli
from suunta.loader import load_data
from suunta.new_site import NewSite, NewSiteError, create_site, parse_languages

SITE_FILES = {
    "mkdocs.yml", "hooks.py", "requirements.txt", ".gitignore", ".github/workflows/pages.yml",
    "data/strategy.yml", "data/goals.yml", "data/measures/1.yml", "data/accessibility.yml",
}
STATEMENT_TITLES = {
    ("fi", "FI"): "Saavutettavuusseloste",
    ("sv", "FI"): "Tillgänglighetsutlåtande",
    ("sv", "SE"): "Tillgänglighetsredogörelse",
}


def build(site: Path) -> subprocess.CompletedProcess[str]:
    """As an editor would: `mkdocs build --strict` in the site's folder."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")},
    )


@pytest.mark.parametrize(
    ("languages", "country"),
    [("fi,sv", "FI"), ("fi", "FI"), ("sv", "SE"), ("sv,fi", "FI")],
)
def test_a_new_site_builds_strictly_in_its_languages(tmp_path: Path, languages: str, country: str) -> None:
    site = tmp_path / "strategia"
    assert suunta_cli(["new", str(site), "--languages", languages, "--country", country]) == 0
    order = languages.split(",")
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    page = "tietoa" if order[0] == "fi" else "om"
    schemas = {f"schemas/{kind}.schema.json" for kind in ("strategy", "goals", "measures", "document", "accessibility")}
    assert files == SITE_FILES | schemas | {f"docs/{page}.{lang}.md" for lang in order}
    # Each data file names its schema on its first line, relative to the file.
    first = (site / "data" / "measures" / "1.yml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/measures.schema.json"
    first = (site / "data" / "strategy.yml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/strategy.schema.json"
    # Only content and settings: no theme, no Suunta code in the site.
    assert (site / "hooks.py").read_text("utf-8").count("\n") == 1
    config = yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))
    assert "custom_dir" not in config["theme"] and "extra_css" not in config
    assert config["theme"]["language"] == order[0]
    locales = [entry["locale"] for entry in config["plugins"][1]["i18n"]["languages"]]
    assert locales == order

    data = load_data(site / "data", order)
    assert data.translation_gaps == []
    assert [m.measure.id for m in data.measures] == ["verkkoasiointi" if order[0] == "fi" else "e-tjanster"]

    result = build(site)
    assert result.returncode == 0, result.stderr
    built = site / "site"
    for position, language in enumerate(order):
        root = built / language if position else built
        home = (root / "index.html").read_text("utf-8")
        assert f'<html lang="{language}"' in home
        assert 'href="' + ("../" if position else "") + 'assets/stylesheets/suunta.css"' in home
        statement = (root / "accessibility" / "index.html").read_text("utf-8")
        assert f"<h1>{STATEMENT_TITLES[(language, country)]}</h1>" in statement
        measure = root / "measures" / data.measures[0].measure.id / "index.html"
        assert measure.is_file()
    other = {"fi", "sv"} - set(order)
    assert all(not (built / lang).exists() for lang in other)
    # Suunta's sitemap, not mkdocs-static-i18n's (which it puts first without a custom_dir):
    # each page's languages and x-default, and no alternates on a site of one language.
    sitemap = (built / "sitemap.xml").read_text("utf-8")
    pages = sitemap.count("<url>")
    assert pages > 10
    if len(order) == 1:
        assert "xhtml:link" not in sitemap
    else:
        assert sitemap.count('hreflang="x-default"') == pages
    # The starter values are marked as examples on every page.
    assert re.search(r'class="[^"]*suunta-site-note', (built / "index.html").read_text("utf-8"))
    # After a build, git sees only the city's own files: every generated one is ignored.
    subprocess.run(["git", "init", "-q", str(site)], check=True)
    status = subprocess.run(
        ["git", "-C", str(site), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True, text=True, check=True,
    ).stdout
    untracked = {line[3:] for line in status.splitlines()}
    assert untracked == files, untracked - files


def test_new_refuses_a_folder_in_use_and_unknown_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert suunta_cli(["new", str(tmp_path), "--lang", "en"]) == 2
    assert "already has files" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    assert not (tmp_path / "mkdocs.yml").exists()
    assert suunta_cli(["new", str(tmp_path / "x"), "--languages", "fi,en", "--lang", "fi"]) == 2
    assert "tuntematon kieliluettelo 'fi,en'" in capsys.readouterr().err
    with pytest.raises(NewSiteError):
        parse_languages("fi,fi")


def test_organisation_and_dates_come_from_the_request(tmp_path: Path) -> None:
    create_site(NewSite(tmp_path / "s", ("sv",), "SE", dt.date(2031, 2, 3), organisation="Mölndal"))
    strategy = yaml.safe_load((tmp_path / "s" / "data" / "strategy.yml").read_text("utf-8"))
    assert strategy["organisation"]["name"] == {"sv": "Mölndal"}
    assert strategy["period"] == {"start": 2031, "end": 2035}
    statement = yaml.safe_load((tmp_path / "s" / "data" / "accessibility.yml").read_text("utf-8"))
    assert statement["reviewed"] == dt.date(2031, 2, 3) and statement["country"] == "SE"


def test_a_name_in_another_encoding_is_refused_before_anything_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "site"
    latin1 = b"H\xe4meenkyr\xf6".decode("utf-8", "surrogateescape")  # as Python gets argv bytes
    assert suunta_cli(["new", str(target), "--organisation", latin1, "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        "suunta: the organisation's name 'Hämeenkyrö' is not UTF-8 text (the terminal sends"
        " another encoding, such as Latin-1); set the terminal to UTF-8 and run the command"
        " again, or leave out --organisation and write the name into data/strategy.yml."
        " Nothing was written.\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert suunta_cli(["new", str(target), "--organisation", "Hämeenkyrö", "--lang", "en"]) == 0
    assert "Hämeenkyrö" in (target / "data" / "strategy.yml").read_text("utf-8")


def test_a_failure_while_writing_leaves_no_half_made_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import suunta.new_site

    def disk_full(directory: Path) -> list[Path]:
        directory.mkdir()
        raise OSError(28, "No space left on device")

    target = tmp_path / "site"
    target.mkdir()  # an empty folder made for the site stays, empty
    monkeypatch.setattr(suunta.new_site, "write_schemas", disk_full)
    assert suunta_cli(["new", str(target), "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"suunta: cannot read or write {target} (No space left on device); check the path,"
        " and close the file if it is open in another program\n"
    )
    assert list(tmp_path.iterdir()) == [target] and list(target.iterdir()) == []
    monkeypatch.undo()
    assert suunta_cli(["new", str(target), "--lang", "en"]) == 0
    assert {"mkdocs.yml", "data", "docs", "schemas"} <= {p.name for p in target.iterdir()}
