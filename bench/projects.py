"""The two sites the benchmark builds at each size: Suunta's, and plain Material's baseline.

The baseline is what a city would get without Suunta: Material + mkdocs-static-i18n building
the same number of pages (home, goals, a page per measure, an index) per language from
pre-written Markdown, with no hooks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from many_measures import (  # noqa: E402  (the same generated measures as the tests' large site)
    GOALS,
    LANGUAGES,
    measure,
    measures_file,
    suunta_project,
)
from suunta.site_config import read_mkdocs_yml  # noqa: E402

__all__ = ["baseline_project", "edit_one_measure", "suunta_project"]


def edit_one_measure(project: Path, old: str = "palvelujen", new: str = "muokattu") -> None:
    """The first measure's Finnish title, "Toimenpide 0: <old> …" → "Toimenpide 0: <new> …"."""
    path = measures_file(project, GOALS[0])  # measure 0's
    text = path.read_text("utf-8")
    path.write_text(text.replace(f"Toimenpide 0: {old}", f"Toimenpide 0: {new}", 1), "utf-8")


def baseline_project(target: Path, measures: int) -> Path:
    """Plain Material + mkdocs-static-i18n, the same pages as hand-written Markdown."""
    docs = target / "docs"
    (docs / "measures").mkdir(parents=True)
    (docs / "goals").mkdir()
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    for key in ("hooks", "nav", "not_in_nav", "extra_css", "extra_javascript", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    # The navigation a city would write, as Suunta's: the index pages, not a page per measure
    # (Material renders the whole navigation into every page: 2,000 entries would make the
    # build quadratic and the comparison meaningless).
    config["nav"] = ["index.md", "measures/index.md"]
    config["not_in_nav"] = "/goals/*.md\n/measures/*.md\n"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    for language in LANGUAGES:
        items = [measure(i) for i in range(measures)]
        rows = "\n".join(
            f"| [{m['title'][language]}](measure-{i:05d}.md) | {m['goal']} | {m['status']} |"  # type: ignore[index]
            for i, m in enumerate(items)
        )
        (docs / f"index.{language}.md").write_text("# Strategia\n\nVisio.\n", "utf-8")
        (docs / "measures" / f"index.{language}.md").write_text(
            f"# Toimenpiteet\n\n| Toimenpide | Tavoite | Tila |\n|---|---|---|\n{rows}\n", "utf-8"
        )
        for goal in GOALS:
            (docs / "goals" / f"{goal}.{language}.md").write_text(f"# {goal}\n\nKuvaus.\n", "utf-8")
        for i, item in enumerate(items):
            page = (
                f"# {item['title'][language]}\n\n{item['description'][language]}\n\n"  # type: ignore[index]
                f"Vastuu\n: {item['responsible'][0]}\n\nAikataulu\n: 2025 kevät, 2025 syksy\n\n"  # type: ignore[index]
                f"Mittari\n: {item['metric'][language]}\n"  # type: ignore[index]
            )
            (docs / "measures" / f"measure-{i:05d}.{language}.md").write_text(page, "utf-8")
    return target
