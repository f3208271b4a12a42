"""All or nothing, and the same every day: a rejected build leaves the published site and the
docs tree exactly as they were, and two builds of the same data on different days are
byte-identical."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, remove_a_swedish_title, run_mkdocs
from suunta.errors import DataError
from suunta.generation_cache import CACHE_FILE
from suunta.generator import generate
from suunta.staged_pages import STAGING_DIR

LANGS = ["fi", "sv"]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, keyed by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_rejected_strict_build_leaves_the_published_site_byte_identical(project: Path) -> None:
    site = project / "site"
    good = run_mkdocs(project / "mkdocs.yml", site, "--strict")
    assert good.returncode == 0, good.stderr
    before = tree(site)
    assert "index.html" in before and "sv/index.html" in before

    remove_a_swedish_title(project)
    rejected = run_mkdocs(project / "mkdocs.yml", site, "--strict")

    assert rejected.returncode != 0
    assert "no translation in sv" in rejected.stderr
    assert tree(site) == before
    leftovers = [p.name for p in project.iterdir() if "suunta-" in p.name and p.name != CACHE_FILE]
    assert leftovers == []

    # The same change passes a lenient build, which then replaces the site whole.
    lenient = run_mkdocs(project / "mkdocs.yml", site)
    assert lenient.returncode == 0, lenient.stderr
    after = tree(site)
    assert after != before and after.keys() == before.keys()


def test_a_data_error_after_a_good_build_leaves_the_site_byte_identical(project: Path) -> None:
    site = project / "site"
    assert run_mkdocs(project / "mkdocs.yml", site).returncode == 0
    before = tree(site)
    strategy = project / "data" / "strategy.yml"
    strategy.write_text(strategy.read_text("utf-8").replace("  start: 2023", "  start: twenty"))

    result = run_mkdocs(project / "mkdocs.yml", site)

    assert result.returncode != 0 and "period.start" in result.stderr
    assert tree(site) == before
    assert not (project / ".site.suunta-new").exists()


def rename_a_goal(project: Path) -> None:
    goals = project / "data" / "goals.yml"
    goals.write_text(goals.read_text("utf-8").replace("ICT-perustaa", "ICT-pohjaa"), "utf-8")


def _generate(project: Path) -> None:
    generate(project / "data", project / "docs", project / "overrides" / "suunta", LANGS)


def test_a_generator_failure_halfway_leaves_the_docs_tree_as_it_was(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _generate(project)
    before = tree(project / "docs")
    rename_a_goal(project)
    writes = {"count": 0}
    real_write = Path.write_bytes  # pages and published files (CSV, JSON, feeds) alike

    def failing_write(self: Path, *args: object, **kwargs: object) -> int:
        writes["count"] += 1
        if writes["count"] > 20:  # the disk fills up halfway through
            raise OSError(28, "No space left on device")
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(OSError):
        _generate(project)
    monkeypatch.undo()

    assert writes["count"] > 20
    assert tree(project / "docs") == before
    assert not (project / STAGING_DIR).exists()
    _generate(project)  # and the next run completes the change
    assert "ICT-pohjaa" in (project / "docs" / "goals" / "ict-foundation.fi.md").read_text("utf-8")


def test_a_template_error_in_the_last_language_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _generate(project)
    before = tree(project / "docs")
    rename_a_goal(project)
    template = project / "overrides" / "suunta" / "goal.html"
    template.write_text(
        template.read_text("utf-8") + "{% if language == 'sv' %}{{ no_such_value }}{% endif %}\n"
    )

    with pytest.raises(Exception, match="no_such_value"):
        _generate(project)

    assert tree(project / "docs") == before


def test_editors_files_in_a_generated_folder_survive_a_regeneration(project: Path) -> None:
    _generate(project)
    image = project / "docs" / "goals" / "chart.png"
    image.write_bytes(b"\x89PNG not really")
    rename_a_goal(project)
    _generate(project)
    assert image.read_bytes() == b"\x89PNG not really"


def test_nothing_is_touched_when_nothing_changed(project: Path) -> None:
    _generate(project)
    stamps = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")}
    result = generate(project / "data", project / "docs", project / "overrides" / "suunta", LANGS)
    assert result.written == [] and result.removed == []
    assert {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*.md")} == stamps


def test_a_changed_folder_keeps_its_unchanged_files(project: Path) -> None:
    """`mkdocs serve --dirty` rebuilds a page when its file is newer than the built page: a
    regeneration must give new files only to the pages that changed."""
    _generate(project)
    docs = project / "docs"
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")}
    time.sleep(0.01)
    rename_a_goal(project)
    _generate(project)

    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in docs.rglob("*.md")}
    assert after.keys() == before.keys()
    changed = {p for p in after if after[p][1] != before[p][1]}
    kept = {p.parent for p in after.keys() - changed}
    assert docs / "goals" / "ict-foundation.fi.md" in changed
    assert docs / "goals" in kept  # the folder was swapped, and it held unchanged pages
    for path in after.keys() - changed:
        assert after[path][0] == before[path][0], path
    for path in changed:
        assert after[path][0] > before[path][0], path


def _shifted_build(project: Path, site: Path, days: int) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "shifted_clock.py"), str(days), "build",
         "-f", str(project / "mkdocs.yml"), "-d", str(site), "--strict"],
        capture_output=True, text=True, env={**env, "NO_MKDOCS_2_WARNING": "1"}, timeout=600,
    )


def test_builds_on_different_days_are_byte_identical(project: Path) -> None:
    today = _shifted_build(project, project / "today", 0)
    assert today.returncode == 0, today.stderr
    later = _shifted_build(project, project / "later", 400)
    assert later.returncode == 0, later.stderr

    assert tree(project / "today") == tree(project / "later")
    sitemap = (project / "today" / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2026-11-27"}


def test_the_pages_date_follows_the_data(project: Path) -> None:
    strategy = project / "data" / "strategy.yml"
    strategy.write_text(strategy.read_text("utf-8").replace("updated: 2026-11-27", "updated: 2025-03-14"))
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    sitemap = (project / "site" / "sitemap.xml").read_text("utf-8")
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {"2025-03-14"}


def test_the_review_check_uses_the_pinned_today(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config, site = project / "mkdocs.yml", project / "site"
    monkeypatch.setenv("SUUNTA_TODAY", "2027-11-28")  # 366 days after the review
    overdue = run_mkdocs(config, site, "--strict")
    assert overdue.returncode != 0
    assert "last reviewed on 2026-11-27, more than a year ago" in overdue.stderr
    line = _line_of(project / "data" / "accessibility.yml", "reviewed:")
    assert f"data/accessibility.yml, line {line}: the accessibility statement" in overdue.stderr

    monkeypatch.setenv("SUUNTA_TODAY", "2027-11-27")  # 365 days: still in time
    assert run_mkdocs(config, site, "--strict").returncode == 0

    monkeypatch.setenv("SUUNTA_TODAY", "2026-11-26")  # the day before the review
    future = run_mkdocs(config, site, "--strict")
    assert future.returncode != 0 and "Traceback" not in future.stderr
    assert f"line {line}, field 'reviewed': 2026-11-27 is after today (2026-11-26)" in future.stderr

    monkeypatch.setenv("SUUNTA_TODAY", "tomorrow")
    wrong = run_mkdocs(config, site, "--strict")
    assert wrong.returncode != 0 and "Traceback" not in wrong.stderr
    assert "SUUNTA_TODAY='tomorrow' is not a date" in wrong.stderr


def _line_of(file: Path, start: str) -> int:
    lines = file.read_text("utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.startswith(start))


def test_a_data_error_is_reported_without_a_build(project: Path) -> None:
    with pytest.raises(DataError):
        strategy = project / "data" / "strategy.yml"
        strategy.write_text("title: [unclosed\n", "utf-8")
        _generate(project)


def test_suunta_check_agrees_with_the_build_on_the_review_date(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from suunta.cli import main

    config = ["check", "-f", str(project / "mkdocs.yml")]
    monkeypatch.setenv("SUUNTA_TODAY", "2026-11-26")
    assert main(config) == 1
    assert "field 'reviewed': 2026-11-27 is after today (2026-11-26)" in capsys.readouterr().err
    monkeypatch.setenv("SUUNTA_TODAY", "2027-11-28")
    assert main(config) == 0
    assert "more than a year ago" in capsys.readouterr().err
