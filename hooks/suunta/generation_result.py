"""What one generation produced: the pages, and what the site's frame needs from the data.

All of it is plain values, kept by the generation cache, so a build whose pages are ready
never reads the data again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .accessibility_schema import AccessibilityFile
from .dcat_catalog import CATALOG_PATH
from .errors import DataProblem


@dataclass
class GenerationResult:
    files: list[Path] = field(default_factory=list)
    """Every generated file, changed or not: the pages and the published files (open data,
    feeds)."""
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[Path] = field(default_factory=list)
    warnings: list[DataProblem] = field(default_factory=list)
    site_names: dict[str, str] = field(default_factory=dict)
    """The strategy's title per language, for the site header."""
    statement_titles: dict[str, str] = field(default_factory=dict)
    """The accessibility statement's title per language, for the footer link; empty if none."""
    site_notes: dict[str, str] = field(default_factory=dict)
    """A note every page carries, per language: that some values are examples; empty if none."""
    accessibility: AccessibilityFile | None = None
    publication_date: dt.date | None = None
    """The date the data says it was last updated: the pages' date, never the build clock."""
    open_data_titles: dict[str, str] = field(default_factory=dict)
    """The open-data page's title per language, for the footer link."""
    feed_paths: dict[str, str] = field(default_factory=dict)
    """The progress feed per language, from the site root, for every page's head; empty
    without progress."""
    feed_titles: dict[str, str] = field(default_factory=dict)
    catalog_path: str = CATALOG_PATH
    """The DCAT-AP catalog, from the site root, for the open-data page's head."""
    site_descriptions: dict[str, str] = field(default_factory=dict)
    """Per language, the description of pages the data says nothing about (editors' pages)."""
    structured_data: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per language, the strategy as JSON-LD for the home page's head; empty without
    `site_url` (no address to give)."""
    embeds: dict[str, str] = field(default_factory=dict)
    """The embeddable municipality lists (`embed.py`), by path from the site root; written
    beside the site after the build."""

    @property
    def pages(self) -> list[Path]:
        """Every generated page (Markdown) file, changed or not."""
        return [path for path in self.files if path.suffix == ".md"]
