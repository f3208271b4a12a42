"""`suunta schema [DIR]`: write the JSON Schema of every data file, for editors' tools."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli_texts import say
from ..json_schema import SCHEMA_DIR, link_data_files, write_schemas
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
