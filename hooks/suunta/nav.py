"""The navigation lists only pages that exist: a strategy without schedules has no timeline,
and its `timeline/index.md` entry in `mkdocs.yml` is dropped rather than left dangling.

`mkdocs.yml` stays the one place where a site orders its navigation; only entries that point
into the generator's folders are checked, editors' pages are left to MkDocs.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any


def prune_nav(nav: list[Any], generated: Collection[str], owned: Collection[str]) -> list[Any]:
    """`nav` without entries for generated pages that were not generated this time.

    `generated` holds language-less paths (`timeline/index.md`); `owned` the generator's
    folders. A section left empty is dropped too.
    """
    kept: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if _wanted(entry, generated, owned):
                kept.append(entry)
        elif isinstance(entry, dict):
            item = {}
            for title, target in entry.items():
                if isinstance(target, list):
                    children = prune_nav(target, generated, owned)
                    if children:
                        item[title] = children
                elif not isinstance(target, str) or _wanted(target, generated, owned):
                    item[title] = target
            if item:
                kept.append(item)
        else:
            kept.append(entry)
    return kept


def without_language(paths: Collection[str]) -> set[str]:
    """`timeline/index.fi.md` -> `timeline/index.md`, as `mkdocs.yml` names the page."""
    return {".".join(path.split(".")[:-2] + ["md"]) for path in paths}


def _wanted(path: str, generated: Collection[str], owned: Collection[str]) -> bool:
    folder = path.split("/", 1)[0]
    return folder not in owned or path in generated
