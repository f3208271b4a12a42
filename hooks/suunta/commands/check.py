"""`suunta check`: validate `data/` as the build would, without building."""

from __future__ import annotations

import argparse
import sys

from ..accessibility_statement import review_problems
from ..cli_texts import say
from ..clock import today
from ..loader import ACCESSIBILITY_FILE, load_data
from ..yaml_lines import YamlReadError, read_located_yaml
from . import Site

HELP = "validate data/ (every problem with its file, line and field)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`check` takes only the shared options."""


def run(args: argparse.Namespace, site: Site) -> int:
    data = load_data(site.paths.data_dir, site.languages)
    error, warning = review_problems(data.accessibility, today(), _review_line(site))
    if error:
        print(error, file=sys.stderr)
        return 1
    if warning:
        print(say("common.warning", problem=warning), file=sys.stderr)
    for problem in data.translation_gaps:
        print(say("common.warning", problem=problem.describe(site.paths.root)), file=sys.stderr)
    print(say("check.valid"))
    return 0


def _review_line(site: Site) -> int | None:
    """The line of the statement's `reviewed`, so a message about it can point there."""
    file = site.paths.data_dir / ACCESSIBILITY_FILE
    try:
        return read_located_yaml(file).line_of(("reviewed",)) if file.is_file() else None
    except YamlReadError:  # already read once by the loader; the line is only a help
        return None
