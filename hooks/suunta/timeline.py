"""The timeline grid: measures as rows, half-years as columns, a phase in each covered cell."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from .model import MeasureEntry, StrategyModel
from .schedule import HalfYear, half_year_of, half_years
from .schema import Phase, ScheduleEntry


@dataclass(frozen=True)
class TimelineCell:
    half_year: HalfYear
    phase: Phase | None
    entry: ScheduleEntry | None
    """The schedule entry that covers this half-year (the last one written, if several)."""


@dataclass(frozen=True)
class TimelineRow:
    """A measure's row: what its schedule makes of the timeline's columns.

    Only the measure and the columns are fields, so the render memo digests a row by what
    decides it (a thousand rows of a dozen cells each, after every edit); the cells are
    worked out when a page shows the row.
    """

    measure: MeasureEntry
    columns: tuple[HalfYear, ...]

    @cached_property
    def cells(self) -> tuple[TimelineCell, ...]:
        cells = []
        for half_year in self.columns:
            covering = [s for s in self.measure.measure.schedule if s.span.covers(half_year)]
            item = covering[-1] if covering else None
            cells.append(TimelineCell(half_year, item.phase if item else None, item))
        return tuple(cells)


@dataclass(frozen=True)
class Timeline:
    columns: tuple[HalfYear, ...]
    rows: tuple[TimelineRow, ...]
    now: HalfYear | None
    """The half-year of the site's reporting date, marked on the timeline."""


def columns_for(model: StrategyModel) -> tuple[HalfYear, ...]:
    """The strategy period in half-years, widened to every half-year a schedule names."""
    period = model.strategy.period
    end = period.end if period.end is not None else period.start
    first, last = HalfYear(period.start, 0), HalfYear(end, 1)
    for entry in model.measures:
        for item in entry.measure.schedule:
            first = min(first, item.span.first)
            last = max(last, item.span.last_written)
    return tuple(half_years(first, last))


def build_timeline(
    measures: tuple[MeasureEntry, ...], as_of: dt.date | None, columns: tuple[HalfYear, ...]
) -> Timeline:
    """`columns`: the model's (`columns_for`), worked out once for all its timelines."""
    # A measure without a schedule has no row, not an empty one.
    rows = tuple(TimelineRow(entry, columns) for entry in measures if entry.measure.schedule)
    now = half_year_of(as_of.year, as_of.month) if as_of else None
    return Timeline(columns, rows, now if now in columns else None)
