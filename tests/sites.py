"""The sites the tests build: the demo and every example under `examples/`, and one page of
each kind they have (computed from their data, so a new example needs no test edits)."""

from __future__ import annotations

from pathlib import Path

from suunta.generator import render_pages
from suunta.loader import load_data
from suunta.model import build_model
from suunta.site_config import read_mkdocs_yml, site_settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.parent.name: p for p in sorted((ROOT / "examples").glob("*/mkdocs.yml"))}
"""Example sites by name: their `mkdocs.yml`."""

_KINDS = (
    ("home", "index"),
    ("goals", "goals/index"),
    ("goal", "goals/"),
    ("measures", "measures/index"),
    ("measure", "measures/"),
    ("measures-page", "measures/pages/"),
    ("timeline", "timeline/index"),
    ("goal-timeline", "timeline/"),
    ("timeline-page", "timeline/pages/"),
    ("progress", "progress/index"),
    ("report", "reports/"),
    ("document", "strategy/index"),
    ("whole-strategy", "strategy/whole"),
    ("statement", "accessibility/index"),
    ("open-data", "open-data/index"),
)


def page_kinds(config_file: Path) -> dict[str, str]:
    """One URL path per page kind the site has, in its default language (`/goals/x/`).

    Document sections count as a kind each (`strategy/current-state`); editors' pages from the
    navigation as one kind.
    """
    paths, languages = site_settings(config_file)
    model = build_model(load_data(paths.data_dir, languages))
    generated = [p.path for p in render_pages(model, paths.templates_dir, languages[0], languages)]
    kinds: dict[str, str] = {}
    for kind, prefix in _KINDS:
        match = _first(generated, prefix)
        if match is not None:
            kinds[kind] = _url(match)
    for page in generated:
        if page.startswith("strategy/") and page not in ("strategy/index", "strategy/whole"):
            kinds[page.replace("/", "-")] = _url(page)
    nav = read_mkdocs_yml(config_file).get("nav", [])
    editors = [e for e in nav if isinstance(e, str) and "/" not in e and e != "index.md"]
    if editors:
        kinds["editors-page"] = "/" + editors[0].removesuffix(".md") + "/"
    return kinds


def _first(generated: list[str], prefix: str) -> str | None:
    """The page `prefix` names, or the first page in the folder `prefix` (ending in "/")."""
    if not prefix.endswith("/"):
        return prefix if prefix in generated else None
    numbered = prefix.endswith("/pages/")  # a later page of a long list (pagination.py)
    return next(
        (
            p
            for p in generated
            if p.startswith(prefix)
            and not p.endswith("/index")
            and (numbered or "/pages/" not in p)
        ),
        None,
    )


def _url(page: str) -> str:
    if page == "index":
        return "/"
    return "/" + (page[: -len("index")] if page.endswith("/index") else page + "/")
