"""`suunta import-progress FILE`: dated progress updates for many measures from one sheet.

Exit status: 0 imported; 1 the sheet has a problem named by its cell, or the site's data one
that `suunta check` names (nothing written); 2 the file is no sheet of updates.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli_texts import say
from ..errors import DataError
from ..loader import MEASURES_DIR, load_data
from ..progress_sheet import ProgressSheetError, read_updates
from ..progress_updates import add_updates
from ..table_file import TableFileError, read_tables
from . import Site

HELP = (
    "add dated progress updates from a sheet (.xlsx, .csv, .tsv) with the columns "
    "id, date, status and text_<language>"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the sheet of updates")


def run(args: argparse.Namespace, site: Site) -> int:
    try:
        tables = read_tables(args.file)
    except TableFileError as error:
        print(f"suunta: {error}", file=sys.stderr)
        return 2
    measure_files = sorted((site.paths.data_dir / MEASURES_DIR).glob("*.yml"))
    problems: list[str] = []
    try:
        updates = read_updates(tables, site.languages, problems)
    except ProgressSheetError as error:  # no rows at all: a wrong file, told in one line
        print(f"suunta: {args.file.name}: {error}", file=sys.stderr)
        return 2
    try:
        load_data(site.paths.data_dir, site.languages)  # updates go only into data that is valid
    except DataError as error:
        print(error.report(site.paths.root), file=sys.stderr)
        print(say("progress.data_not_valid"), file=sys.stderr)
        return 1
    try:
        result = add_updates(updates, measure_files, site.languages, problems)
    except ProgressSheetError as error:
        print(say("progress.not_written", count=len(error.problems)), file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    for path in result.files:
        print(say("progress.file_changed", file=path.relative_to(site.paths.root)))
    print(say("progress.summary", added=result.added, skipped=result.already_there))
    return 0
