"""Under `mkdocs serve --dirty`, a search index of every page, not only of the pages rebuilt.

A dirty rebuild renders only the pages whose files changed. Material's search plugin merges
its previous index with the new entries by itself, assuming one page per rebuild; together
with mkdocs-static-i18n, which merges the languages' indexes into that same object, the index
doubled at every rebuild (13,392 entries for 2,234 pages after one edit at 1,000 measures, and
7 s to deduplicate them). The hook turns Material's merge off and merges here instead: the
previous index, less the pages rebuilt and the pages gone, plus the new entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .search_split import INDEX

_previous: list[dict[str, Any]] = []
"""The last whole index, for the next dirty rebuild of this serving process."""


def page_of(location: str) -> str:
    """The page an index entry belongs to: its location without the section anchor."""
    return location.split("#", 1)[0]


def _as_location(url: str) -> str:
    """A page's address as the search index writes it ("./" is the home page's URL)."""
    return "" if url == "./" else url


def merged_entries(
    previous: Iterable[dict[str, Any]],
    current: list[dict[str, Any]],
    rebuilt: set[str],
    pages: set[str],
) -> list[dict[str, Any]]:
    """`current` (the rebuilt pages' entries) and the `previous` entries of every page that
    still exists (`pages`) and was not rebuilt; both sets hold page addresses (`sv/goals/`)."""
    existing = {_as_location(url) for url in pages} - {_as_location(url) for url in rebuilt}
    return [entry for entry in previous if page_of(entry["location"]) in existing] + current


def complete_served_index(site_dir: Path, rebuilt: set[str], pages: set[str]) -> None:
    """Make `search/search_index.json` whole again after a dirty rebuild, and remember it."""
    path = site_dir / INDEX
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = merged_entries(_previous, index["docs"], rebuilt, pages)
    _previous[:] = index["docs"]
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def stop_theme_merge(search_plugin: Any) -> None:
    """Give Material's search plugin no previous index to merge (see the module's text)."""
    if hasattr(search_plugin, "search_index_prev"):
        search_plugin.search_index_prev = None
