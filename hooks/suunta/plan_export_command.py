"""`suunta export-xlsx [OUT]`: the site's plan as a spreadsheet editors can edit and import."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli_texts import say
from .errors import DataError
from .loader import load_data
from .plan_export import write_plan_workbook
from .plan_import.words import vocabulary


def run_export(data_dir: Path, languages: list[str], language: str, out: Path | None) -> int:
    if out is not None and out.suffix.lower() != ".xlsx":  # Excel refuses a workbook so named
        print(say("common.xlsx_suffix", file=out, example=f"plan-{language}.xlsx"), file=sys.stderr)
        return 2
    written_in = list(vocabulary().sheet)
    if language not in written_in:
        print(
            say("export.unknown_language", language=language, languages=", ".join(written_in)),
            file=sys.stderr,
        )
        return 2
    try:
        data = load_data(data_dir, languages)
    except DataError as error:
        print(error.report(data_dir.parent), file=sys.stderr)
        return 1
    target = out or data_dir.parent / f"plan-{language}.xlsx"
    measures = [item.measure for item in data.measures]
    try:
        write_plan_workbook(data.goals.goals, measures, language, target, languages)
    except OSError as error:
        print(
            say("export.cannot_write", file=str(target), reason=error.strerror or error),
            file=sys.stderr,
        )
        return 2
    print(
        say(
            "export.wrote",
            file=str(target),
            goals=len(data.goals.goals),
            measures=len(measures),
            language=language,
        )
    )
    return 0
