"""`suunta translations`: missing and outdated translations, for editors, translators and CI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli_texts import say
from ..loader import load_data
from ..table_file import TableFileError, read_tables
from ..translation_sheet import TranslationSheetError, export_sheet, import_sheet
from ..translation_status import (
    LockFileError,
    accepted,
    data_texts,
    read_lock,
    translation_problems,
    write_lock,
)
from . import Site

HELP = (
    "list texts missing in a language and translations older than their source text "
    "(exit status 1 when there are any); --export / --import a sheet for a translator"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--export", type=Path, metavar="FILE.xlsx", help="write the texts to translate to a sheet"
    )
    action.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="FILE.xlsx",
        help="write a filled sheet's translations into the data",
    )
    action.add_argument(
        "--accept",
        action="store_true",
        help="record every translation as it is now as up to date",
    )


def run(args: argparse.Namespace, site: Site) -> int:
    try:
        return _run(args, site)
    except LockFileError as error:
        where = error.file.relative_to(site.paths.root).as_posix()
        where += say("translations.line", line=error.line) if error.line else ""
        print(
            say("translations.lock_unreadable", where=where, problem=error.message), file=sys.stderr
        )
        return 2


def _run(args: argparse.Namespace, site: Site) -> int:
    data_dir, languages = site.paths.data_dir, site.languages
    if args.import_file is not None:
        return _import(args.import_file, site)
    data = load_data(data_dir, languages)
    texts = data_texts(data, data_dir)
    if args.accept:  # before reading the lock: writing it anew is the way out of a broken one
        path = write_lock(data_dir, languages[0], accepted(texts, languages))
        print(say("translations.accepted", file=path.relative_to(site.paths.root)))
        return 0
    lock = read_lock(data_dir, languages[0])
    problems = translation_problems(texts, languages, lock)
    if args.export is not None:
        if args.export.suffix.lower() != ".xlsx":
            print(say("translations.export_suffix", file=args.export), file=sys.stderr)
            return 2
        export_sheet(problems, languages[0], args.export)
        print(say("translations.exported", count=len(problems), file=args.export))
        return 0
    for problem in problems:
        text = problem.text
        where = text.file.relative_to(site.paths.root).as_posix()
        where += say("translations.line", line=text.line) if text.line else ""
        key = "outdated" if problem.outdated else "missing"
        print(
            say(
                f"translations.{key}",
                where=where,
                field=text.field,
                language=problem.language,
                source=languages[0],
            )
        )
    missing = sum(not p.outdated for p in problems)
    print(say("translations.summary", missing=missing, outdated=len(problems) - missing))
    return 1 if problems else 0


def _import(file: Path, site: Site) -> int:
    data_dir, languages = site.paths.data_dir, site.languages
    data = load_data(data_dir, languages)  # only into data that is valid, so errors are the sheet's
    known = {text.name for text in data_texts(data, data_dir)}
    try:
        tables = read_tables(file)
        lock = read_lock(data_dir, languages[0])
        count, written = import_sheet(tables, data_dir, known, languages, lock)
    except TableFileError as error:
        print(f"suunta: {error}", file=sys.stderr)
        return 2
    except TranslationSheetError as error:
        print(say("translations.not_written", count=len(error.problems)), file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    write_lock(data_dir, languages[0], lock)
    for path in written:
        print(say("translations.file_changed", file=path.relative_to(site.paths.root)))
    print(say("translations.imported", count=count))
    return 0
