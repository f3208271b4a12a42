"""`suunta generate`: write the pages into docs/, for another engine to build."""

from __future__ import annotations

import argparse
import sys

from ..cli_texts import say
from ..generator import generate
from ..site_config import read_mkdocs_yml
from . import Site

HELP = "validate data/ and write the pages into docs/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`generate` takes only the shared options."""


def run(args: argparse.Namespace, site: Site) -> int:
    paths = site.paths
    site_url = str(read_mkdocs_yml(site.config_file).get("site_url") or "")
    result = generate(paths.data_dir, paths.docs_dir, paths.templates_dir, site.languages, site_url)
    for problem in result.warnings:
        print(say("common.warning", problem=problem.describe(paths.root)), file=sys.stderr)
    print(
        say(
            "generate.summary",
            written=len(result.written),
            unchanged=result.unchanged,
            removed=len(result.removed),
        )
    )
    return 0
