"""An unchanged generation is read back, never half-trusted: any changed input or page regenerates."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, remove_a_swedish_title
from suunta import generator
from suunta.errors import DataError
from suunta.generated_files import HEADER
from suunta.generation_cache import CACHE_FILE
from suunta.generator import generate

LANGS = ["fi", "sv"]


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    remove_a_swedish_title(project)  # so the result carries a warning to read back
    first = run(project)
    assert first.written and first.warnings
    return project


def run(project: Path) -> generator.GenerationResult:
    return generate(project / "data", project / "docs", project / "overrides" / "suunta", LANGS)


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the data was read again")

    monkeypatch.setattr(generator, "load_data", refuse)


def test_nothing_changed_reads_nothing_and_gives_the_same_result(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = run(generated)  # the data is read: the same result as the first run's
    no_loading(monkeypatch)
    cached = run(generated)
    assert cached.written == [] and cached.removed == []
    assert cached.unchanged == len(cached.pages) == len(fresh.pages)
    assert cached.pages == fresh.pages
    assert [w.describe() for w in cached.warnings] == [w.describe() for w in fresh.warnings]
    assert "no translation in sv" in cached.warnings[0].message
    assert cached.site_names == fresh.site_names
    assert cached.statement_titles == fresh.statement_titles
    assert cached.site_notes == fresh.site_notes
    assert cached.accessibility == fresh.accessibility
    assert cached.publication_date == fresh.publication_date


def test_a_generation_from_the_cache_never_loads_the_spreadsheet_library(generated: Path) -> None:
    """openpyxl (with lxml) is 10 MiB and 0.2 s: only a generation that writes workbooks
    needs it. A text helper of the CSV file imported it for its type names in every build."""
    probe = (
        "import sys; from pathlib import Path; import suunta_hooks; from suunta.generator import"
        " generate; p = Path(sys.argv[1]); r = generate(p / 'data', p / 'docs',"
        " p / 'overrides' / 'suunta', ['fi', 'sv']); print(len(r.pages), r.written,"
        " 'openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(generated)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        check=True,
    )
    pages, written, loaded = result.stdout.split(" ", 2)
    assert int(pages) > 50 and written == "[]"
    assert loaded.strip() == "False"


def test_the_cache_keeps_what_the_build_needs_beside_the_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home page's structured data and the municipalities' embeds come from the cache
    too: a build whose pages are ready never reads the data (the hook has no other way in)."""
    project = copy_project(tmp_path / "project")
    site_url = "https://strategia.example.fi/ict/"

    def with_url() -> generator.GenerationResult:
        return generate(
            project / "data", project / "docs", project / "overrides" / "suunta", LANGS, site_url
        )

    fresh = with_url()
    no_loading(monkeypatch)
    cached = with_url()
    assert cached.written == []
    assert set(cached.structured_data) == set(LANGS)
    assert cached.structured_data == fresh.structured_data
    assert cached.structured_data["sv"]["url"] == site_url + "sv/"
    assert cached.embeds == fresh.embeds
    assert any(path.endswith(".sv.html") for path in cached.embeds)


@pytest.mark.parametrize(
    "change",
    [
        "data",
        "template",
        "page deleted",
        "page edited",
        "stale page",
        "cache damaged",
    ],
)
def test_any_change_regenerates(generated: Path, change: str) -> None:
    docs = generated / "docs"
    page = docs / "measures" / "index.fi.md"
    if change == "data":
        strategy = generated / "data" / "strategy.yml"
        strategy.write_text(strategy.read_text("utf-8").replace("end: 2027", "end: 2028"), "utf-8")
    elif change == "template":
        template = generated / "overrides" / "suunta" / "measures_index.html"
        template.write_text(template.read_text("utf-8") + "\n<p>uusi</p>\n", "utf-8")
    elif change == "page deleted":
        page.unlink()
    elif change == "page edited":  # by hand, against the header's word
        page.write_text(page.read_text("utf-8") + "\nkäsin muokattu\n", "utf-8")
    elif change == "stale page":  # one an earlier generation wrote
        (docs / "measures" / "old-measure.fi.md").write_text(f"---\n{HEADER}\n---\nvanha", "utf-8")
    else:
        (generated / CACHE_FILE).write_text("{not json", "utf-8")
    result = run(generated)
    if change == "stale page":
        assert result.removed == [docs / "measures" / "old-measure.fi.md"]
    elif change == "cache damaged":
        assert result.written == [] and result.unchanged == len(result.pages)
    else:
        assert page in result.written
    assert page.read_text("utf-8").startswith("---\n# Generated by Suunta")
    assert not (docs / "measures" / "old-measure.fi.md").exists()


def test_a_data_error_forgets_the_cache(generated: Path) -> None:
    strategy = generated / "data" / "strategy.yml"
    good = strategy.read_text("utf-8")
    strategy.write_text(good.replace("  start: 2023", "  start: twenty"), "utf-8")
    with pytest.raises(DataError):
        run(generated)
    strategy.write_text(good, "utf-8")
    assert run(generated).written == []  # the pages on disk are still the good data's


def test_warnings_follow_the_language_of_messages(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warnings are kept as text: another language of messages generates them again."""
    from suunta.cli_texts import choose_language, current_language

    before = current_language()
    try:
        choose_language("sv")
        swedish = run(generated)
        assert swedish.warnings[0].message.startswith("översättning saknas på sv")
        english = run_in(generated, "en")
        assert english.warnings[0].message.startswith("no translation in sv")
    finally:
        choose_language(before)


def run_in(project: Path, language: str) -> generator.GenerationResult:
    from suunta.cli_texts import choose_language

    choose_language(language)
    return run(project)


def test_a_folder_that_cannot_be_replaced_leaves_the_docs_tree_as_it_was(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are swapped in folder by folder; when one cannot be (locked by another program),
    the folders already swapped are put back: never goal pages with a new title beside
    timelines with the old one."""
    docs = generated / "docs"
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    goals = generated / "data" / "goals.yml"
    goals.write_text(goals.read_text("utf-8").replace("fi: ", "fi: Uusi ", 1), "utf-8")
    real_rename = Path.rename

    def locked(self: Path, target: Path) -> Path:
        if Path(target) == docs / "timeline" or self == docs / "timeline":
            raise PermissionError(1, "Operation not permitted", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", locked)
    with pytest.raises(OSError):
        run(generated)
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after.keys() == before.keys()
    assert [p for p in before if after[p] != before[p]] == []
    assert not (generated / ".suunta-staging").exists()
    monkeypatch.setattr(Path, "rename", real_rename)
    assert run(generated).written  # and the next generation writes the change


def test_a_citys_own_files_in_the_generators_folders_are_never_deleted_or_replaced(
    generated: Path,
) -> None:
    """A page of the city's own under `strategy/`, a file in `data/`, its own home page:
    generation stops naming each, and the docs tree stays as it was."""
    docs = generated / "docs"
    own = {
        docs / "strategy" / "historia.fi.md": "# Historia\n\nKaupungin oma sivu.\n",
        docs / "data" / "liite.txt": "oma liite\n",
        docs / "index.sv.md": "# Startsida\n\nStadens egen sida.\n",
    }
    for path, text in own.items():
        path.write_text(text, "utf-8")
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    with pytest.raises(DataError) as caught:
        run(generated)
    named = {problem.file: problem.message for problem in caught.value.problems}
    assert set(named) == set(own), named
    assert "docs/strategy/" in named[docs / "strategy" / "historia.fi.md"]
    assert "docs/index.sv.md" in named[docs / "index.sv.md"]
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    for path in own:
        path.unlink()
    assert run(generated).written  # without them, the site is generated again


def test_every_file_published_beside_the_pages_has_a_name_suunta_knows(tmp_path: Path) -> None:
    """`generated_files.GENERATED_NAMES` tells Suunta's files in data/, feeds/ and filters/
    from an editor's: every such file the demo and the examples get must match it (a new
    kind of published file without its name there would stop every generation)."""
    from suunta.generated_files import GENERATED_NAMES
    from suunta.generator import GENERATED_FILE_DIRS
    from suunta.site_config import site_settings

    names = set()
    for config in [ROOT / "mkdocs.yml", *sorted((ROOT / "examples").glob("*/mkdocs.yml"))]:
        paths, languages = site_settings(config)
        docs = tmp_path / config.parent.name / "docs"
        result = generate(paths.data_dir, docs, paths.templates_dir, languages, "https://x.invalid/")
        names |= {
            f.relative_to(docs).as_posix()
            for f in result.files
            if f.relative_to(docs).parts[0] in GENERATED_FILE_DIRS
        }
    assert {n.split("/")[0] for n in names} == set(GENERATED_FILE_DIRS), names  # all three seen
    assert [n for n in names if not GENERATED_NAMES.fullmatch(n)] == []


def test_generation_gives_every_object_back_to_the_cycle_collector(generated: Path) -> None:
    """Generation keeps the collector off what existed before it (`gc.freeze`); after it,
    failed or not, nothing stays frozen: a serving process would otherwise never free the
    last build's leftovers."""
    import gc

    goals = generated / "data" / "goals.yml"
    goals.write_text(goals.read_text("utf-8").replace("fi: ", "fi: Uusi ", 1), "utf-8")
    assert run(generated).written
    assert gc.get_freeze_count() == 0
    goals.write_text("goals: [", "utf-8")  # not YAML: generation stops
    with pytest.raises(DataError):
        run(generated)
    assert gc.get_freeze_count() == 0
