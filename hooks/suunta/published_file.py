"""A file the site publishes beside its pages (open data, feeds), made in memory."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


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
    size: int = field(default=-1, compare=False)
    """Bytes, exactly as served: the generator writes `content` unchanged. Set from `content`;
    only `written` gives it, to keep it when the bytes are let go."""

    def __post_init__(self) -> None:
        if self.size < 0:
            object.__setattr__(self, "size", len(self.content))

    def written(self) -> PublishedFile:
        """The file once it is on disk: what the pages say of it, without its bytes.

        A 1,000-measure site's files are some 14 MiB; the pages that list them need only
        their sizes, and they are rendered after the files are written.
        """
        return replace(self, content=b"", size=self.size)

    @property
    def name(self) -> str:
        return self.site_path.rsplit("/", 1)[-1]
