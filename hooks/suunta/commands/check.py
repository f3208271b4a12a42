"""`suunta check`: validate `data/` as the build would, without building."""

from __future__ import annotations

import argparse
import sys

from ..accessibility_statement import review_problems
from ..cli_texts import say
from ..clock import today
from ..loader import load_data
from . import Site

HELP = "validate data/ (every problem with its file, line and field)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`check` takes only the shared options."""


def run(args: argparse.Namespace, site: Site) -> int:
    data = load_data(site.paths.data_dir, site.languages)
    error, warning = review_problems(data.accessibility, today(), site.paths.data_dir)
    if error:
        print(error, file=sys.stderr)
        return 1
    if warning:
        print(say("common.warning", problem=warning), file=sys.stderr)
    for problem in data.translation_gaps:
        print(say("common.warning", problem=problem.describe(site.paths.root)), file=sys.stderr)
    print(say("check.valid"))
    return 0
