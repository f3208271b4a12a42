"""The `suunta` subcommands, one module each: `add_arguments(parser)` and `run(args, site)`.

`suunta.cli` reads the options every command shares (the site's `mkdocs.yml`, `--lang`) and
hands each command the site it runs in.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from ..site_config import SitePaths


@dataclass(frozen=True)
class Site:
    """The site a command runs in: its folders and languages (the default language first)."""

    config_file: Path
    paths: SitePaths
    languages: list[str]


def add_plan_language(parser: argparse.ArgumentParser) -> None:
    """`--language`: the language of a plan's texts, for the plan commands."""
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="the language of the plan's texts (default: the site's default language)",
    )
