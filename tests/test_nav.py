"""The navigation of `mkdocs.yml`: entries for page kinds a strategy lacks are dropped without
a word, a misspelt entry into Suunta's folders is dropped and named for the editor, and so is
an editor's page the default language lacks (no other language can stand in for it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from sites import EXAMPLES
from suunta.fallback_page import markdown_outside, pages_without_default
from suunta.generator import FIXED_PAGES, OWNED_DIRS, render_pages
from suunta.loader import load_data
from suunta.model import build_model
from suunta.nav import NavEntry, prune_nav, unknown_entries, without_language
from suunta.site_config import read_mkdocs_yml, site_settings
from suunta.urls import goal_page, goal_timeline_page, measure_page, municipality_page, report_page

FIXED = {f"{page}.md" for page in FIXED_PAGES}
"""Suunta's fixed addresses as `mkdocs.yml` names them (as the hook passes them)."""

GENERATED = without_language(
    f"{page}.fi.md" for page in ("index", "goals/index", "goals/ict-foundation", "measures/index")
)
"""A strategy without schedules, progress or document: no timeline, no progress page."""


def test_a_misspelt_path_is_named_and_a_page_kind_the_strategy_lacks_is_not() -> None:
    nav = [
        "index.md",
        "goals/indx.md",
        {"Tavoitteet": "goals/index.md"},
        "timeline/index.md",  # a kind Suunta makes, not this time (no schedules)
        {"Toimenpiteet": "measures/indeks.md"},
        {
            "Strategia": [
                "strategy/index.md",
                "strategy/guidelines.md",
                {"Ohje": "strategy/ohje.md"},
            ]
        },
        "goals/no-such-goal.md",  # a goal's page exists only while the data has the goal
        "background.md",  # an editor's page: MkDocs checks it
        {"Kunta": "https://www.example.fi/"},
    ]
    assert unknown_entries(nav, GENERATED, OWNED_DIRS, FIXED) == [
        NavEntry("goals/indx.md"),
        NavEntry("measures/indeks.md", "Toimenpiteet"),
        NavEntry("strategy/ohje.md", "Ohje"),
        NavEntry("goals/no-such-goal.md"),
    ]
    # Dropped all the same: a dangling entry would stop a strict build with MkDocs's words.
    assert prune_nav(nav, GENERATED, OWNED_DIRS) == [
        "index.md",
        {"Tavoitteet": "goals/index.md"},
        "background.md",
        {"Kunta": "https://www.example.fi/"},
    ]


def test_every_page_not_named_by_an_id_has_a_fixed_address() -> None:
    """A new page kind missing from `FIXED_PAGES` would be taken for a typo in every site
    whose strategy lacks it (the demo has every kind but a document section)."""
    model = build_model(load_data(ROOT / "data", ["fi", "sv"]))
    pages = {p.path for p in render_pages(model, ROOT / "overrides" / "suunta", "fi", ["fi", "sv"])}
    named = {
        *(goal_page(g.id) for g in model.goals),
        *(goal_timeline_page(g.id) for g in model.goals),
        *(measure_page(m.id) for m in model.measures),
        *(municipality_page(m.id) for m in model.municipalities),
        *(report_page(r.date.isoformat()) for r in model.reports),
    }
    assert named <= pages
    assert pages - named <= FIXED_PAGES
    assert "timeline/index" in FIXED_PAGES and "strategy/guidelines" in FIXED_PAGES


@pytest.mark.parametrize(
    "config", [ROOT / "mkdocs.yml", *EXAMPLES.values()], ids=lambda p: p.parent.name
)
def test_no_shipped_site_is_told_of_a_mistake_in_its_nav(config: Path) -> None:
    paths, languages = site_settings(config)
    model = build_model(load_data(paths.data_dir, languages))
    pages = render_pages(model, paths.templates_dir, languages[0], languages)
    generated = without_language(f"{p.path}.{languages[0]}.md" for p in pages)
    nav = read_mkdocs_yml(config)["nav"]
    assert unknown_entries(nav, generated, OWNED_DIRS, FIXED) == []


def test_pages_written_only_in_another_language_than_the_default_are_named() -> None:
    paths = [
        "index.fi.md", "index.sv.md",  # both languages
        "background.md", "background.sv.md",  # no suffix: the default language's
        "news/ainoa.sv.md",  # only Swedish
        "only-finnish.fi.md",  # the other languages fall back to it
    ]
    assert pages_without_default(paths, ["fi", "sv"]) == [("news/ainoa.sv.md", "news/ainoa.fi.md")]
    assert pages_without_default(paths, ["sv", "fi"]) == [("only-finnish.fi.md", "only-finnish.sv.md")]
    assert pages_without_default(paths, ["fi"]) == []  # one language: nothing to stand in


def test_the_editors_markdown_is_listed_without_the_generators_folders(tmp_path: Path) -> None:
    for rel in ("index.fi.md", "news/a.sv.md", "news/deep/b.md", "goals/x.fi.md", "style.css"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", "utf-8")
    assert markdown_outside(tmp_path, ["goals"]) == ["index.fi.md", "news/a.sv.md", "news/deep/b.md"]
