"""A measure row's half-year cells as schedule entries: a fill's phase comes from the legend,
a cell's text is the period's note (and its phase, when it names one), a merged range is one
entry, and neighbouring half-years of one phase without notes join into a range."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..schedule import HalfYear, parse_point
from ..schema import Phase
from .findings import Finding, warning
from .layout import LegendEntry, MeasureRow
from .words import UNPHASED, phase_named

MARKERS = frozenset({"x", "•", "●", "*", "✓", "✔", "1", "+"})
"""Texts that only mark a half-year, as CSV plans do without colours."""


@dataclass
class _Entry:
    first: HalfYear
    last: HalfYear
    meaning: Phase | str | None
    note: str | None
    group: tuple[int, int]

    def as_data(self, language: str) -> dict[str, Any]:
        period = (
            self.first.key if self.first == self.last else f"{self.first.key} to {self.last.key}"
        )
        data: dict[str, Any] = {"period": period}
        if isinstance(self.meaning, Phase):
            data["phase"] = self.meaning.value
        if self.note:
            data["note"] = {language: self.note}
        return data


def read_schedule(
    row: MeasureRow, legend: dict[str, LegendEntry], findings: list[Finding], language: str
) -> list[dict[str, Any]]:
    entries: list[_Entry] = []
    grid = row.grid
    # In time order, as the export writes them, whatever order the sheet's columns are in.
    for column, key in sorted(row.columns.periods, key=lambda item: parse_point(item[1]).first):
        cell = grid.at(row.row, column)
        origin = grid.at(*cell.origin) if cell.origin else cell
        meaning: Phase | str | None = None
        scheduled = False
        if origin.fill:
            entry = legend.get(origin.fill)
            if entry is None or entry.meaning is None:
                if not cell.origin:
                    findings.append(_unknown_colour(grid.where(origin), origin.fill, legend))
                continue
            meaning, scheduled = entry.meaning, True
        note = None
        if text := origin.text:
            scheduled = True
            named = phase_named(text)
            if meaning is None:
                meaning = named or phase_named(text, whole=False)
            if not cell.origin and text.lower() not in MARKERS and not (named and named == meaning):
                note = text
        if not scheduled:
            continue
        half = parse_point(key).first
        previous = entries[-1] if entries else None
        group = cell.origin or (row.row, column)
        if (
            previous is not None
            and previous.last.next() == half
            and previous.meaning == meaning
            and (previous.group == group or (previous.note is None and note is None))
        ):
            previous.last = half
            continue
        entries.append(_Entry(half, half, meaning, note, group))
    return [entry.as_data(language) for entry in entries]


def _unknown_colour(where: str, colour: str, legend: dict[str, LegendEntry]) -> Finding:
    known = [entry for entry in legend.values() if entry.meaning is not None]
    if not known:
        return warning("import.warn.no_legend", where=where, colour=colour)
    nearest = min(known, key=lambda entry: _distance(entry.colour, colour))
    return warning(
        "import.warn.unknown_colour",
        where=where,
        colour=colour,
        nearest=nearest.colour,
        legend=nearest.text,
        legend_where=nearest.where,
    )


def _distance(a: str, b: str) -> int:
    return sum((int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) ** 2 for i in (0, 2, 4))


__all__ = ["UNPHASED", "read_schedule"]
