"""`suunta check`, `generate` and `import-xlsx`: the data tools, without MkDocs; and
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
from .loader import MEASURES_DIR, load_data, load_goals
from .site_config import read_mkdocs_yml, site_settings
from .xlsx_import import (
    NotAWorkbookError,
    WorkbookLayoutError,
    import_workbook,
    write_measure_files,
)


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
        choices=["check", "generate", "import-xlsx"],
        help="check: validate data/; generate: also write the pages into docs/; "
        "import-xlsx: turn an Excel action plan into data/measures/*.yml",
    )
    parser.add_argument("workbook", nargs="?", type=Path, help="with import-xlsx: the .xlsx file")
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
        help="with import-xlsx: the goal of a sheet (default: sheets in goal order)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="with import-xlsx: the language of the workbook's texts "
        "(default: the site's default language)",
    )
    parser.add_argument(
        "--force", action="store_true", help="with import-xlsx: replace measure files that exist"
    )
    args = parser.parse_args(argv)
    if not args.config_file.is_file():
        print(f"suunta: no site configuration at {args.config_file}", file=sys.stderr)
        return 2
    paths, languages = site_settings(args.config_file)
    if args.command == "import-xlsx":
        return _import_xlsx(args, paths.data_dir, args.language or languages[0])
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


def _import_xlsx(args: argparse.Namespace, data_dir: Path, language: str) -> int:
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


if __name__ == "__main__":
    sys.exit(main())
