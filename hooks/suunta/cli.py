"""`suunta check` and `suunta generate`: the data checks and page generation without MkDocs.

Editors can check their data before publishing; another engine can build the generated tree.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .generator import generate
from .loader import load_data
from .site_config import site_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="suunta", description=__doc__)
    parser.add_argument("command", choices=["check", "generate"],
                        help="check: validate data/; generate: also write the pages into docs/")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    if not args.config_file.is_file():
        print(f"suunta: no site configuration at {args.config_file}", file=sys.stderr)
        return 2
    paths, languages = site_settings(args.config_file)
    try:
        if args.command == "check":
            warnings = load_data(paths.data_dir, languages).translation_gaps
            summary = "The data is valid."
        else:
            result = generate(paths.data_dir, paths.docs_dir, paths.templates_dir, languages)
            warnings = result.warnings
            summary = (f"Wrote {len(result.written)} pages, {result.unchanged} unchanged, "
                       f"removed {len(result.removed)}.")
    except DataError as error:
        print(error.report(paths.root), file=sys.stderr)
        return 1
    for problem in warnings:
        print(f"Warning: {problem.describe(paths.root)}", file=sys.stderr)
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
