"""`suunta check`, `generate`, `import` and `export-xlsx`: the data tools, without MkDocs; and
`suunta pdf SITE_DIR`, which prints a built site's whole strategy and reports to PDF.

Editors can check their data before publishing; another engine can build the generated tree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import new_site_command
from .accessibility_statement import review_problems
from .clock import ClockError, today
from .errors import DataError
from .generator import generate
from .loader import load_data
from .plan_export_command import run_export
from .plan_import.command import run_import
from .site_config import read_mkdocs_yml, site_settings


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["pdf"]:  # works on a built site, not on data/: its own arguments
        from .pdf import main as pdf_main

        return pdf_main(argv[1:])
    if argv[:1] == ["new"]:
        return new_site_command.run(argv[1:])
    parser = argparse.ArgumentParser(prog="suunta", description=__doc__)
    parser.add_argument(
        "command",
        choices=["check", "generate", "import", "import-xlsx", "export-xlsx"],
        help="check: validate data/; generate: also write the pages into docs/; "
        "import (or import-xlsx): merge an action plan (.xlsx, .csv, .tsv) into data/; "
        "export-xlsx: write the plan as an .xlsx spreadsheet",
    )
    parser.add_argument(
        "workbook",
        nargs="?",
        type=Path,
        help="with import: the plan file; with export-xlsx: the .xlsx to write "
        "(default: plan-<language>.xlsx beside mkdocs.yml)",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )
    parser.add_argument(
        "--goal",
        action="append",
        default=[],
        metavar="SHEET=GOAL-ID",
        help="with import: the goal of a sheet or goal heading (default: by the goal's number)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="with import and export-xlsx: the language of the plan's texts "
        "(default: the site's default language)",
    )
    args = parser.parse_args(argv)
    if not args.config_file.is_file():
        print(f"suunta: no site configuration at {args.config_file}", file=sys.stderr)
        return 2
    paths, languages = site_settings(args.config_file)
    if args.command in ("import", "import-xlsx"):
        return run_import(args.workbook, paths.data_dir, args.language or languages[0], args.goal)
    if args.command == "export-xlsx":
        return run_export(paths.data_dir, languages, args.language or languages[0], args.workbook)
    try:
        if args.command == "check":
            data = load_data(paths.data_dir, languages)
            warnings = data.translation_gaps
            error, warning = review_problems(data.accessibility, today())
            if error:
                print(error, file=sys.stderr)
                return 1
            if warning:
                print(f"Warning: {warning}", file=sys.stderr)
            summary = "The data is valid."
        else:
            site_url = read_mkdocs_yml(args.config_file).get("site_url") or ""
            result = generate(
                paths.data_dir, paths.docs_dir, paths.templates_dir, languages, str(site_url)
            )
            warnings = result.warnings
            summary = (
                f"Wrote {len(result.written)} pages, {result.unchanged} unchanged, "
                f"removed {len(result.removed)}."
            )
    except DataError as error:
        print(error.report(paths.root), file=sys.stderr)
        return 1
    except ClockError as error:
        print(f"suunta: {error}", file=sys.stderr)
        return 2
    for problem in warnings:
        print(f"Warning: {problem.describe(paths.root)}", file=sys.stderr)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
