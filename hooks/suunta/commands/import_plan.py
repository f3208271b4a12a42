"""`suunta import FILE` (also `import-xlsx`): an action plan (.xlsx, .csv, .tsv) into data/."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..plan_import.command import run_import
from . import Site, add_plan_language

HELP = "merge an action plan (.xlsx, .csv, .tsv) into data/: goals, themes and measures"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", nargs="?", type=Path, help="the plan file")
    parser.add_argument(
        "--goal",
        action="append",
        default=[],
        metavar="SHEET=GOAL-ID",
        help="the goal of a sheet or goal heading (default: by the goal's number)",
    )
    add_plan_language(parser)


def run(args: argparse.Namespace, site: Site) -> int:
    language = args.language or site.languages[0]
    return run_import(args.workbook, site.paths.data_dir, site.languages, language, args.goal)
