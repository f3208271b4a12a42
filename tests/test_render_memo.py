"""While serving, pages whose inputs did not change are reused: never a page the data no longer
gives. Each edit is generated with the memo and, from scratch, without it: the trees must be
byte for byte the same."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_project
from suunta.generator import generate
from suunta.render_memo import RenderMemo
from suunta.validated_files import ValidatedFiles

LANGS = ["fi", "sv"]


def _generate(
    project: Path, memo: RenderMemo | None = None, known: ValidatedFiles | None = None
) -> None:
    generate(
        project / "data", project / "docs", project / "overrides" / "suunta", LANGS,
        site_url="https://example.org/strategia/", memo=memo, known=known,
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _replace(path: Path, pattern: str, new: str) -> None:
    text = path.read_text("utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, pattern
    path.write_text(changed, "utf-8")


EDITS = {
    "a measure's title": ("data/measures/1-ict-foundation.yml", "Perustietotekniikka: vaatimus", "Perustietotekniikka: uusi vaatimus"),
    "a goal's title": ("data/goals.yml", "ICT-perustaa", "ICT-pohjaa"),
    "a measure's schedule": ("data/measures/1-ict-foundation.yml", "2025-autumn", "2026-spring"),
    "the day the status is told on": ("data/strategy.yml", r"^as_of: .*$", "as_of: 2025-12-31"),
    "a template": ("overrides/suunta/measure.html", r"</h1>", "</h1>\n<p>Muokattu pohja</p>"),
}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RenderMemo, ValidatedFiles]:
    """A project generated as `mkdocs serve` does: with the render memo and the data files
    kept by their bytes."""
    project = copy_project(tmp_path_factory.mktemp("served") / "project")
    memo, known = RenderMemo(), ValidatedFiles()
    _generate(project, memo, known)
    assert memo.reused == 0
    return project, memo, known


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_served_gives_the_pages_a_fresh_generation_gives(
    edit: str, served: tuple[Path, RenderMemo, ValidatedFiles], tmp_path: Path
) -> None:
    project, memo, known = served
    path, pattern, new = EDITS[edit]
    _replace(project / path, pattern, new)
    _generate(project, memo, known)

    fresh = copy_project(tmp_path / "fresh")
    for folder in ("data", "overrides"):
        shutil.rmtree(fresh / folder)
        shutil.copytree(project / folder, fresh / folder)
    _generate(fresh)
    assert _tree(project / "docs") == _tree(fresh / "docs")
    if edit in {"a template", "the day the status is told on"}:
        assert memo.reused == 0  # every page reads them
    elif edit == "a measure's title":  # its page, the lists and timelines it is on
        assert 0 < memo.calls - memo.reused < memo.calls / 4
    else:
        assert memo.reused > 0


def _edited_copy(tmp_path: Path, name: str) -> Path:
    project = copy_project(tmp_path / name)
    _replace(project / EDITS["a measure's title"][0], *EDITS["a measure's title"][1:])
    return project


def test_the_next_serving_process_takes_back_what_the_last_one_rendered(tmp_path: Path) -> None:
    """`mkdocs serve` started again reads its first pages from the generation cache and
    renders nothing; the memo kept by the last serving process saves its first edit from
    rendering every page again, and the pages are those a fresh generation makes."""
    project = copy_project(tmp_path / "project")
    kept = tmp_path / "pages.json"
    first = RenderMemo(kept)
    _generate(project, first)
    first.keep()
    assert kept.is_file()

    later = RenderMemo(kept)  # a new process: nothing rendered in it yet
    _replace(project / EDITS["a measure's title"][0], *EDITS["a measure's title"][1:])
    _generate(project, later)
    assert 0 < later.calls - later.reused < later.calls / 4

    fresh = _edited_copy(tmp_path, "fresh")
    _generate(fresh)
    assert _tree(project / "docs") == _tree(fresh / "docs")


def _remembered_once(memo: RenderMemo, templates: Path, produced: list[str]) -> None:
    """One generation of `memo` asking for one body (as a page kind does)."""

    def produce() -> str:
        produced.append("rendered")
        return "<p>body</p>"

    with memo.generation(templates):
        assert memo.render(b"scope", "page.html", "page", {"title": "T"}, produce) == "<p>body</p>"


@pytest.mark.parametrize("damage", ["none", "other code", "broken file", "other format"])
def test_a_kept_memo_from_other_code_or_damaged_is_not_used(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, templates, produced = tmp_path / "pages.json", tmp_path / "templates", []
    templates.mkdir()
    first = RenderMemo(kept)
    _remembered_once(first, templates, produced)
    first.keep()
    if damage == "other code":  # Suunta updated: its code or UI texts may render otherwise
        monkeypatch.setattr("suunta.render_memo.code_digest", lambda: "another version")
    elif damage == "broken file":
        kept.write_bytes(kept.read_bytes()[:40])
    elif damage == "other format":
        kept.write_text(kept.read_text("utf-8").replace('"format": 1', '"format": 99', 1))

    _remembered_once(RenderMemo(kept), templates, produced)  # a new serving process
    assert produced == (["rendered"] if damage == "none" else ["rendered", "rendered"])


def test_a_memo_with_nothing_rendered_keeps_nothing(tmp_path: Path) -> None:
    """A serving process whose every build came from the generation cache leaves the last
    kept file as it was (it still describes the pages)."""
    kept = tmp_path / "pages.json"
    RenderMemo(kept).keep()
    assert not kept.exists()


class _Recording(RenderMemo):
    """A memo that notes which template rendered on which page."""

    def __init__(self) -> None:
        super().__init__()
        self.rendered: list[tuple[str, str]] = []

    def render(self, scope, template, page, values, produce):  # type: ignore[no-untyped-def]
        def noted() -> str:
            self.rendered.append((template, page))
            return produce()

        return super().render(scope, template, page, values, noted)


def test_an_edited_measure_renders_only_its_own_page_of_a_long_goal_or_municipality(
    tmp_path: Path,
) -> None:
    """A goal's and a municipality's later pages do not show the edited measure: they are
    given back, not rendered again (they were given every measure of the goal or the
    municipality, so any edit rendered them all). On the whole strategy's page only the
    edited measure's goal is rendered again, once a language."""
    from many_measures import GOALS, measures_file, suunta_project

    project = suunta_project(tmp_path / "project", 160)  # ~54 a goal, 80 for Tampere
    memo = _Recording()
    _generate(project, memo)
    _replace(
        measures_file(project, GOALS[0]),
        "Toimenpide 0: palvelujen",
        "Toimenpide 0: muokattu",
    )
    memo.rendered.clear()
    _generate(project, memo)
    pages = {page for template, page in memo.rendered if template in {"goal.html", "municipality.html"}}
    assert pages == {"goals/ict-foundation", "municipalities/tampere"}  # each page 1
    assert memo.rendered.count(("whole_goal.html", "strategy/whole")) == len(LANGS)


def test_only_the_data_file_that_changed_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Serving: the other files' objects are those validated before (their digests are
    known); a file saved with a mistake is read again and its problem reported, and once it is
    put back as it was, the pages are those a fresh generation makes."""
    from suunta import loader
    from suunta.errors import DataError

    project = copy_project(tmp_path / "project")
    memo, known = RenderMemo(), ValidatedFiles()
    _generate(project, memo, known)
    read: list[str] = []
    real = loader.read_located_yaml

    def noted(file: Path, raw: bytes | None = None):  # type: ignore[no-untyped-def]
        read.append(file.name)
        return real(file, raw)

    monkeypatch.setattr(loader, "read_located_yaml", noted)
    edited = project / EDITS["a measure's title"][0]
    original = edited.read_bytes()
    _replace(edited, *EDITS["a measure's title"][1:])
    _generate(project, memo, known)
    assert read == [edited.name]

    read.clear()
    edited.write_text(edited.read_text("utf-8").replace("goal: ", "goal: no-such-", 1), "utf-8")
    with pytest.raises(DataError, match="no-such-"):
        _generate(project, memo, known)
    assert read == [edited.name]
    edited.write_bytes(original)
    _generate(project, memo, known)
    fresh = copy_project(tmp_path / "fresh")
    _generate(fresh)
    assert _tree(project / "docs") == _tree(fresh / "docs")


def test_a_serving_process_prepares_its_first_edit_when_it_starts(tmp_path: Path) -> None:
    """`mkdocs serve` started again finds the generation cache valid, yet its first
    generation runs: it renders nothing (every page comes from the memo the last serving
    process kept) and leaves the memo's digests and the validated data files ready, so the
    editor's first save waits only for what it changed."""
    project = copy_project(tmp_path / "project")
    kept = tmp_path / "pages.json"
    first = RenderMemo(kept)
    _generate(project, first)
    first.keep()
    docs = _tree(project / "docs")

    later, known = RenderMemo(kept), ValidatedFiles()  # a new process
    _generate(project, later, known)
    assert later.generations == 1 and later.calls > 0 and later.reused == later.calls
    assert _tree(project / "docs") == docs

    _replace(project / EDITS["a measure's title"][0], *EDITS["a measure's title"][1:])
    _generate(project, later, known)
    assert 0 < later.calls - later.reused < later.calls / 4
