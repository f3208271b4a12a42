"""`suunta schema [DIR]`: write the JSON Schema of every data file, for editors' tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli_texts import say
from ..json_schema import SCHEMA_DIR, SchemaLinkError, link_data_files, write_schemas
from . import Site

HELP = "write the JSON Schema of every data file (default folder: schemas/ beside data/)"
NEEDS_SITE = False
"""Outside a site, the schemas are written into ./schemas (or DIR)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, metavar="DIR", help="where to write")
    parser.add_argument(
        "--link",
        action="store_true",
        help="also put the '# yaml-language-server: $schema=' line first in every data file",
    )


def run(args: argparse.Namespace, site: Site | None) -> int:
    directory = args.directory or ((site.paths.root if site else Path.cwd()) / SCHEMA_DIR)
    try:
        written = write_schemas(directory)
        linked = link_data_files(site.paths.data_dir, directory) if args.link and site else []
    except SchemaLinkError as error:
        _report_unlinked(error, site.paths.root if site else Path.cwd())
        return 1
    except OSError as error:
        print(
            say("schema.cannot_write", directory=directory, reason=error.strerror), file=sys.stderr
        )
        return 2
    for path in written:
        print(say("schema.written", path=path))
    if args.link and site is None:
        print(say("schema.no_site_to_link"), file=sys.stderr)
        return 2
    if linked:
        print(say("schema.linked", count=len(linked)))
    return 0


def _report_unlinked(error: SchemaLinkError, root: Path) -> None:
    """Each file that is not UTF-8, with its line; the editor re-saves them and runs again."""
    print(say("schema.not_linked", count=len(error.problems)), file=sys.stderr)
    for problem in error.problems:
        file = problem.file.relative_to(root) if problem.file.is_relative_to(root) else problem.file
        told = say("schema.file_problem", file=file, line=problem.line, problem=problem.message)
        print(f"  - {told}", file=sys.stderr)
