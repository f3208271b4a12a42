"""`suunta schema [DIR]`: write the JSON Schema of every data file, for editors' tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli_texts import say
from ..json_schema import SCHEMA_DIR, write_schemas
from . import Site

HELP = "write the JSON Schema of every data file (default folder: schemas/ beside data/)"
NEEDS_SITE = False
"""Outside a site, the schemas are written into ./schemas (or DIR)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, metavar="DIR", help="where to write")


def run(args: argparse.Namespace, site: Site | None) -> int:
    directory = args.directory or ((site.paths.root if site else Path.cwd()) / SCHEMA_DIR)
    try:
        written = write_schemas(directory)
    except OSError as error:
        print(
            say("schema.cannot_write", directory=directory, reason=error.strerror), file=sys.stderr
        )
        return 2
    for path in written:
        print(say("schema.written", path=path))
    return 0
