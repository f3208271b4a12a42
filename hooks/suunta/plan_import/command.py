"""`suunta import FILE`: read a plan, merge it into `data/`, print what happened.

Exit status: 0 imported; 1 the plan has an error that names its cell, or the site's data a
problem `suunta check` names (nothing written); 2 the file is no plan the import can read (one
line says why and what to do; the keys of `import.file` and `common`), or a file in `data/`
cannot be written (then none is).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..cli_texts import say
from ..errors import DataError
from .build import Plan, build_plan
from .findings import Finding
from .grid import PlanFileError
from .layout import Layout, read_layout
from .merge import merge_plan
from .read_file import read_plan_file
from .site_data import check_site_data
from .summary import summary_lines
from .words import vocabulary


@dataclass
class Imported:
    layout: Layout
    plan: Plan

    @property
    def findings(self) -> list[Finding]:
        return self.plan.findings


def read_plan(file: Path, language: str) -> Imported:
    """The plan in `file`, read but not yet merged; raises `PlanFileError` for a wrong file."""
    layout = read_layout(read_plan_file(file))
    if not layout.headers_found:
        words = ", ".join(f"'{w}'" for w in vocabulary().columns["description"][:3])
        raise PlanFileError("import.file.unknown_layout", file=file.name, words=words)
    return Imported(layout, build_plan(layout, language))


def parse_goal_options(options: list[str]) -> dict[str, str]:
    return {
        sheet.strip(): goal.strip()
        for sheet, _, goal in (item.partition("=") for item in options)
        if goal
    }


def run_import(
    file: Path | None,
    data_dir: Path,
    languages: list[str],
    language: str,
    goal_options: list[str],
) -> int:
    """Import `file` in `language` into `data_dir`, a site in `languages`; the exit status."""
    root = data_dir.parent
    if file is None:
        print(say("import.file.not_given"), file=sys.stderr)
        return 2
    if not file.is_file():
        print(say("import.file.missing", file=str(file)), file=sys.stderr)
        return 2
    try:
        imported = read_plan(file, language)
        check_site_data(data_dir, languages)
        merged = merge_plan(
            imported.plan, data_dir, language, parse_goal_options(goal_options), file.name
        )
    except PlanFileError as problem:
        print(say(problem.key, **problem.values), file=sys.stderr)
        return 2 if problem.key.startswith(("import.file.", "common.")) else 1
    except DataError as problem:
        print(problem.report(root), file=sys.stderr)
        print(say("import.data_not_valid"), file=sys.stderr)
        return 1
    findings: list[Finding] = [*imported.findings, *merged.findings]
    for finding in findings:
        key = "import.error_line" if finding.error else "import.warning_line"
        print(say(key, text=finding.text()), file=sys.stderr)
    errors = [finding for finding in findings if finding.error]
    if errors:
        print(say("import.stopped", count=len(errors)), file=sys.stderr)
        return 1
    try:
        written = merged.save()
    except OSError as problem:  # a folder that cannot be written, a full disk
        where = Path(problem.filename if problem.filename is not None else data_dir)
        where = where.relative_to(root) if where.is_relative_to(root) else where
        reason = problem.strerror or str(problem)
        print(say("import.not_saved", file=where, reason=reason), file=sys.stderr)
        return 2
    for line in summary_lines(file, imported.layout, imported.plan, merged, written, root):
        print(line)
    return 0
