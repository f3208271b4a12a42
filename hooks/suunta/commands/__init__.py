"""The `suunta` subcommands, one module each: `add_arguments(parser)` and `run(args, site)`.

`suunta.cli` reads the options every command shares (the site's `mkdocs.yml`, `--lang`) and
hands each command the site it runs in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..site_config import SitePaths


@dataclass(frozen=True)
class Site:
    """The site a command runs in: its folders and languages (the default language first)."""

    config_file: Path
    paths: SitePaths
    languages: list[str]
