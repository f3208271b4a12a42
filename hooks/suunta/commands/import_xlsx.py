"""`suunta import-xlsx`: an Excel action plan becomes `data/measures/*.yml`.

Moved here unchanged from `cli.py` (its messages and behaviour are the import's own).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DataError
from ..loader import MEASURES_DIR, load_goals
from ..xlsx_import import (
    NotAWorkbookError,
    WorkbookLayoutError,
    import_workbook,
    write_measure_files,
)
from . import Site

HELP = "turn an Excel action plan into data/measures/*.yml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", nargs="?", type=Path, help="the .xlsx file")
    parser.add_argument(
        "--goal",
        action="append",
        default=[],
        metavar="SHEET=GOAL-ID",
        help="the goal of a sheet (default: sheets in goal order)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="the language of the workbook's texts (default: the site's default language)",
    )
    parser.add_argument("--force", action="store_true", help="replace measure files that exist")


def run(args: argparse.Namespace, site: Site) -> int:
    data_dir = site.paths.data_dir
    language = args.language or site.languages[0]
    if args.workbook is None or not args.workbook.is_file():
        print(
            "suunta: give the Excel file to import, such as: suunta import-xlsx plan.xlsx",
            file=sys.stderr,
        )
        return 2
    try:
        goals = load_goals(data_dir)
        sheet_goals = dict(item.split("=", 1) for item in args.goal if "=" in item)
        imports = import_workbook(args.workbook, [g.id for g in goals.goals], sheet_goals, language)
        written = write_measure_files(imports, data_dir / MEASURES_DIR, args.force)
    except NotAWorkbookError as error:
        print(f"suunta: {error}", file=sys.stderr)
        return 2
    except DataError as error:
        print(error.report(data_dir.parent), file=sys.stderr)
        return 1
    except (WorkbookLayoutError, OSError) as error:
        print(f"suunta: {error}", file=sys.stderr)
        return 1
    for item, path in zip(imports, written, strict=True):
        print(
            f"{path}: {len(item.measures)} measures, {len(item.themes)} themes "
            f"from sheet '{item.sheet}' (goal '{item.goal}')"
        )
        for note in item.notes:
            print(f"Check: {note}", file=sys.stderr)
    print("Next: add the texts in the other languages, then run `suunta check`.")
    return 0
