"""A file the site publishes beside its pages (open data, feeds), made in memory."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedFile:
    docs_path: str
    """Where the generator writes it in the docs tree: `data/strategy.json`,
    `feeds/progress.sv.xml` (a language suffix puts the file under that language's root)."""
    site_path: str
    """Where the built site serves it, from the site root: `sv/feeds/progress.xml`."""
    kind: str
    """What it holds (`strategy_json`, `schema`, `measures_csv`, `catalog`, `feed`): its
    description's key under `open_data.files` in the UI texts."""
    format: str
    """The format's common name (CSV, JSON, JSON-LD, Atom)."""
    media_type: str
    content: bytes
    language: str | None = None
    """The language of a file written in one language; None for the multilingual ones."""

    @property
    def size(self) -> int:
        """Bytes, exactly as served: the generator writes `content` unchanged."""
        return len(self.content)

    @property
    def name(self) -> str:
        return self.site_path.rsplit("/", 1)[-1]
