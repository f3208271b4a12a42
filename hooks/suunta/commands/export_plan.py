"""`suunta export-xlsx [OUT]`: the plan back as a spreadsheet in the shape it came in."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..plan_export_command import run_export
from . import Site, add_plan_language

HELP = "write the plan as an .xlsx spreadsheet (sheets per goal, coloured half-years, legend)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "workbook",
        nargs="?",
        type=Path,
        help="the .xlsx to write (default: plan-<language>.xlsx beside mkdocs.yml)",
    )
    add_plan_language(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    language = args.language or site.languages[0]
    return run_export(site.paths.data_dir, site.languages, language, args.workbook)
