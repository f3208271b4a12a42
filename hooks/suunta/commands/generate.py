"""`suunta generate`: write the pages into docs/, for another engine to build."""

from __future__ import annotations

import argparse
import sys

from ..cli_texts import say
from ..generator import generate
from . import Site

HELP = "validate data/ and write the pages into docs/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`generate` takes only the shared options."""


def run(args: argparse.Namespace, site: Site) -> int:
    paths = site.paths
    result = generate(paths.data_dir, paths.docs_dir, paths.templates_dir, site.languages)
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
