"""`suunta new DIR --languages fi,sv --country FI`: start a strategy site in DIR."""

from __future__ import annotations

import argparse
import sys
from importlib import metadata
from pathlib import Path

from .cli_texts import choose_language, say
from .clock import ClockError, today
from .new_site import (
    COUNTRIES,
    NewSite,
    NewSiteError,
    OrganisationNameError,
    create_site,
    parse_languages,
)


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="suunta new", description=__doc__)
    parser.add_argument("directory", type=Path, help="the folder of the new site (new or empty)")
    parser.add_argument("--languages", default="fi,sv", help="fi,sv | sv,fi | fi | sv")
    parser.add_argument("--country", default="FI", choices=COUNTRIES)
    parser.add_argument(
        "--organisation", help="the organisation's name (the same in every language)"
    )
    parser.add_argument("--lang", help="the language of these messages: en, fi or sv")
    args = parser.parse_args(argv)
    try:
        languages = parse_languages(args.languages)
    except NewSiteError:
        choose_language(args.lang)
        print(say("new.bad_languages", given=args.languages), file=sys.stderr)
        return 2
    choose_language(args.lang, languages[0])
    try:
        request = NewSite(
            target=args.directory,
            languages=languages,
            country=args.country,
            today=today(),
            requirement=_requirement(),
            organisation=args.organisation,
        )
        written = create_site(request)
    except OrganisationNameError as error:
        print(say("new.bad_organisation", name=error), file=sys.stderr)
        return 2
    except FileExistsError:
        print(say("new.not_empty", directory=args.directory), file=sys.stderr)
        return 2
    except ClockError as error:
        print(say("common.clock_error", error=error), file=sys.stderr)
        return 2
    except OSError as error:  # a disk full, a folder that cannot be written
        where = error.filename if error.filename is not None else args.directory
        print(say("common.os_error", file=where, reason=error.strerror or error), file=sys.stderr)
        return 2
    print(say("new.created", directory=args.directory, count=len(written)))
    print(say("new.next", directory=args.directory))
    return 0


def _requirement() -> str:
    """The new site installs the Suunta version that made it."""
    try:
        return f"suunta=={metadata.version('suunta')}"
    except metadata.PackageNotFoundError:
        return "suunta"
