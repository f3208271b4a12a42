"""The facts the accessibility statement needs beyond the data: authority, law, review age."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .accessibility_schema import AccessibilityFile, Enforcement
from .cli_texts import say
from .errors import DataProblem
from .schema import Localized
from .yaml_lines import YamlReadError, read_located_yaml

BODIES_FILE = Path(__file__).parent / "enforcement_bodies.yml"
REVIEW_INTERVAL = dt.timedelta(days=365)
STATEMENT_FILE = Path("data") / "accessibility.yml"
"""Where the statement's facts are written, as messages name it (relative to the site)."""


@cache
def _bodies() -> dict[str, Any]:
    with BODIES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def enforcement_body(statement: AccessibilityFile) -> Enforcement:
    """The authority named in data, else the default of the country whose law applies."""
    if statement.enforcement:
        return statement.enforcement
    body = _bodies()[statement.country.value]
    return Enforcement(
        name=Localized(body["name"]),
        url=body["url"],
        report_url=body.get("report_url"),
        email=body.get("email"),
        phone=body.get("phone"),
    )


def law(statement: AccessibilityFile) -> Localized:
    return Localized(_bodies()[statement.country.value]["law"])


def title_label(statement: AccessibilityFile) -> str:
    """The label key of the statement's title, which depends on the country, not the language."""
    return f"statement.title_{statement.country.value}"


def review_overdue(statement: AccessibilityFile, today: dt.date) -> bool:
    """True when the last review is more than a year before `today` (the law asks yearly)."""
    return today - statement.reviewed > REVIEW_INTERVAL


def review_in_future(statement: AccessibilityFile, today: dt.date) -> bool:
    """A review (or preparation) dated after today is a typing mistake, not a plan."""
    return statement.reviewed > today or statement.prepared > today


def review_problems(
    statement: AccessibilityFile | None, today: dt.date, data_dir: Path
) -> tuple[str, str]:
    """An error and a warning (each "" if none) about the statement's dates as of `today`.

    The hook (at build time) and `suunta check` say the same: a review dated in the future is
    an error; a review more than a year old is a warning, which the strict build turns into
    a failure. A message names the line `reviewed` is written on in `data_dir`.
    """
    if statement is None:
        return "", _say("statement_missing")
    reviewed = statement.reviewed.isoformat()
    if review_in_future(statement, today):
        future = _say("review_in_future", reviewed=reviewed, today=today.isoformat())
        line = _reviewed_line(data_dir)
        return DataProblem(STATEMENT_FILE, line, "reviewed", future).describe(), ""
    if review_overdue(statement, today):
        overdue = _say("review_overdue", reviewed=reviewed)
        return "", DataProblem(STATEMENT_FILE, _reviewed_line(data_dir), "", overdue).describe()
    return "", ""


def _reviewed_line(data_dir: Path) -> int | None:
    """The line of the statement's `reviewed`, read again only when a message needs it (the
    loader does not keep the lines of what it read)."""
    file = data_dir / STATEMENT_FILE.name
    try:
        return read_located_yaml(file).line_of(("reviewed",)) if file.is_file() else None
    except YamlReadError:  # already read once by the loader; the line is only a help
        return None


def _say(key: str, **values: object) -> str:
    """The review's sentences in the chosen language (`cli_texts`, section `data_errors`)."""
    return say(f"data_errors.{key}", **values)
