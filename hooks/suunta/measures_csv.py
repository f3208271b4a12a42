"""The measures as a CSV file in one language: a row per measure, in the order of the site.

UTF-8 with a byte order mark, so that Excel opens Finnish and Swedish letters right; the
headers, periods, phases and statuses are words of the file's language, not codes. A text Excel
would take for a formula starts with an apostrophe (`sheet_text.csv_field`).
"""

from __future__ import annotations

import csv
import io

from .labels import Labels
from .localize import pick
from .model import MeasureEntry, StrategyModel
from .progress import status_at
from .schedule_words import schedule_sentence
from .schema import Localized, Name
from .sheet_text import csv_field
from .site_address import SiteAddress
from .urls import measure_page

COLUMNS = (
    "number",
    "id",
    "goal",
    "theme",
    "title",
    "description",
    "responsible",
    "units",
    "schedule",
    "status",
    "metric",
    "notes",
    "address",
)
"""Column keys, in order; their headers are `open_data.columns.<key>` in the UI texts."""

LIST_SEPARATOR = "; "


def measures_csv(
    model: StrategyModel, labels: Labels, languages: list[str], site: SiteAddress
) -> bytes:
    """Every measure of `model` in `labels.language`; columns no measure fills are left out."""
    rows = [_row(entry, model, labels, languages, site) for entry in model.measures]
    columns = [c for c in COLUMNS if c in ("number", "id", "title") or any(r[c] for r in rows)]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    # The headers too: they may hold the strategy's own level names (`terms` in the data).
    writer.writerow([csv_field(labels(f"open_data.columns.{c}")) for c in columns])
    writer.writerows([csv_field(row[c]) for c in columns] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _row(
    entry: MeasureEntry,
    model: StrategyModel,
    labels: Labels,
    languages: list[str],
    site: SiteAddress,
) -> dict[str, str]:
    language = labels.language

    def text(value: Localized | Name | None) -> str:
        return "" if value is None else pick(value, language, languages).text

    m = entry.measure
    status = status_at(entry, model.as_of)
    return {
        "number": entry.number,
        "id": m.id,
        "goal": f"{entry.goal.number}. {text(entry.goal.title)}",
        "theme": text(entry.theme.title) if entry.theme else "",
        "title": text(m.title),
        "description": text(m.description),
        "responsible": LIST_SEPARATOR.join(text(r) for r in m.responsible),
        "units": LIST_SEPARATOR.join(text(u) for u in m.units),
        "schedule": schedule_sentence(m.schedule, labels),
        "status": labels(f"status.{status.value}") if status else "",
        "metric": text(m.metric),
        "notes": text(m.notes),
        "address": site.absolute(site.page_path(measure_page(m.id), language)) or "",
    }
