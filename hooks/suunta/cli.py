"""The `suunta` command: the data tools, without MkDocs.

Editors check their data before publishing, bring in spreadsheets and translations, and
another engine can build the generated tree. Each subcommand lives in `suunta.commands`;
this module reads the shared options, chooses the language of the messages and turns the
data's and the clock's errors into plain words with an exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import ModuleType

from . import new_site_command
from .cli_texts import LANGUAGES, choose_language, current_language, say
from .clock import ClockError
from .commands import (
    Site,
    check,
    export_plan,
    generate,
    import_plan,
    progress_import,
    schema,
    translations,
)
from .errors import DataError
from .site_config import SiteConfigError, site_settings

COMMANDS: dict[str, ModuleType] = {
    "check": check,
    "generate": generate,
    "import": import_plan,
    "import-xlsx": import_plan,
    "export-xlsx": export_plan,
    "import-progress": progress_import,
    "schema": schema,
    "translations": translations,
}

DEFAULT_CONFIG = Path("mkdocs.yml")


def _shared_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=default if default is argparse.SUPPRESS else DEFAULT_CONFIG,
        help="the site's mkdocs.yml (default: ./mkdocs.yml)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default if default is argparse.SUPPRESS else None,
        help="the language of messages: en, fi or sv (default: SUUNTA_LANG, else the "
        "site's default language)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="suunta",
        description="Check, build, import and translate the data of a strategy site.",
    )
    _shared_options(parser, None)
    # The shared options may also follow the command (`suunta check -f x/mkdocs.yml`);
    # SUPPRESS keeps a subcommand from overwriting what was given before it.
    shared = argparse.ArgumentParser(add_help=False)
    _shared_options(shared, argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        sub = commands.add_parser(name, parents=[shared], help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # These two work on a folder that is not (yet) a site's data: their own arguments.
    if argv[:1] == ["pdf"]:  # prints a built site's whole strategy and reports
        from .pdf import main as pdf_main

        return pdf_main(argv[1:])
    if argv[:1] == ["new"]:  # starts a new site
        return new_site_command.run(argv[1:])
    args = build_parser().parse_args(argv)
    before = current_language()
    try:
        return _run(args)
    finally:
        choose_language(before)  # a test, or a build in the same process, keeps its language


def _run(args: argparse.Namespace) -> int:
    module = COMMANDS[args.command]
    choose_language(args.lang)
    config_file: Path = args.config_file
    if not config_file.is_file():
        if getattr(module, "NEEDS_SITE", True):
            print(say("common.no_site", config=config_file), file=sys.stderr)
            return 2
        return int(module.run(args, None))
    try:
        paths, languages = site_settings(config_file)
    except SiteConfigError as error:  # a setting the site cannot be run with, like no site
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(_os_problem(error), file=sys.stderr)
        return 2
    choose_language(args.lang, languages[0])
    site = Site(config_file=config_file, paths=paths, languages=languages)
    try:
        return int(module.run(args, site))
    except DataError as error:
        print(error.report(paths.root), file=sys.stderr)
        return 1
    except ClockError as error:
        print(say("common.clock_error", error=error), file=sys.stderr)
        return 2
    except OSError as error:  # a folder that does not exist, a file open in Excel ...
        print(_os_problem(error), file=sys.stderr)
        return 2


def _os_problem(error: OSError) -> str:
    where = error.filename if error.filename is not None else ""
    return say("common.os_error", file=where, reason=error.strerror or error)


if __name__ == "__main__":
    sys.exit(main())
