"""The navigation lists only pages that exist: a strategy without schedules has no timeline,
and its `timeline/index.md` entry in `mkdocs.yml` is dropped rather than left dangling.

`mkdocs.yml` stays the one place where a site orders its navigation; only entries that point
into the generator's folders are checked, editors' pages are left to MkDocs. An entry naming
a page Suunta never makes there (`goals/indx.md`) is dropped too, but it is an editor's slip,
not a page kind this strategy lacks: `unknown_entries` names it, for the build to say so.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NavEntry:
    """An entry of `nav:` that names a page: its path, and its title when it gives one."""

    path: str
    title: str | None = None

    @property
    def folder(self) -> str:
        return self.path.split("/", 1)[0]


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


def unknown_entries(
    nav: list[Any], generated: Collection[str], owned: Collection[str], fixed: Collection[str]
) -> list[NavEntry]:
    """The entries `prune_nav` drops that name no page Suunta could have made: a misspelt
    path, or the page of a goal or measure the data has no more.

    `fixed` holds the language-less paths of the pages Suunta makes at the same address for
    any strategy that has that kind of page (`timeline/index.md`): one not generated this time
    is a kind the strategy lacks, dropped without a word.
    """
    return [
        entry
        for entry in _entries(nav)
        if not _wanted(entry.path, generated, owned) and entry.path not in fixed
    ]


def without_language(paths: Collection[str]) -> set[str]:
    """`timeline/index.fi.md` -> `timeline/index.md`, as `mkdocs.yml` names the page."""
    return {".".join(path.split(".")[:-2] + ["md"]) for path in paths}


def _entries(nav: list[Any]) -> Iterator[NavEntry]:
    """Every entry of `nav` that names a page, sections searched too, in the order written."""
    for entry in nav:
        if isinstance(entry, str):
            yield NavEntry(entry)
        elif isinstance(entry, dict):
            for title, target in entry.items():
                if isinstance(target, list):
                    yield from _entries(target)
                elif isinstance(target, str):
                    yield NavEntry(target, str(title))


def _wanted(path: str, generated: Collection[str], owned: Collection[str]) -> bool:
    folder = path.split("/", 1)[0]
    return folder not in owned or path in generated
