"""Schedule periods as real plans write them, and the half-year grid timelines are drawn on.

A period is a half-year (`2025-spring`), a whole year (`2026`), a range (`2014 to 2016`,
`2025-autumn to 2026-spring`) or open-ended (`2026 onwards`, continuous with no end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

POINT = r"\d{4}(?:-(?:spring|autumn))?"
PERIOD_PATTERN = rf"^(?P<start>{POINT})(?: to (?P<end>{POINT})| (?P<onwards>onwards))?$"
HALVES = ("spring", "autumn")


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int
    """0 for spring (January–June), 1 for autumn (July–December)."""

    @property
    def name(self) -> str:
        return HALVES[self.half]

    @property
    def key(self) -> str:
        return f"{self.year}-{self.name}"

    @property
    def ordinal(self) -> int:
        """Half-years counted from year 0: comparing two is comparing these."""
        return self.year * 2 + self.half

    def next(self) -> HalfYear:
        return HalfYear(self.year + self.half, 1 - self.half)


@dataclass(frozen=True)
class Point:
    """A point as written: a year, or a half of a year."""

    year: int
    half: int | None

    @property
    def first(self) -> HalfYear:
        return HalfYear(self.year, self.half or 0)

    @property
    def last(self) -> HalfYear:
        return HalfYear(self.year, 1 if self.half is None else self.half)


@dataclass(frozen=True)
class Span:
    start: Point
    end: Point | None
    """None when the period is open-ended ("onwards")."""
    single: bool
    """True for one half-year or one year (no range)."""

    def covers(self, half_year: HalfYear) -> bool:
        first, last = self._bounds
        return first <= half_year.ordinal and (last is None or half_year.ordinal <= last)

    @cached_property
    def _bounds(self) -> tuple[int, int | None]:
        """The first and last half-year covered, as ordinals, worked out once: `covers` is
        asked for every column of every measure's timeline row and filter values."""
        return self.start.first.ordinal, None if self.end is None else self.end.last.ordinal

    @property
    def first(self) -> HalfYear:
        return self.start.first

    @property
    def last_written(self) -> HalfYear:
        """The last half-year the period names (its start, when open-ended)."""
        return (self.end or self.start).last


def parse_point(text: str) -> Point:
    year, _, half = text.partition("-")
    return Point(int(year), HALVES.index(half) if half else None)


@lru_cache(maxsize=1024)
def parse_period(text: str) -> Span:
    """Parse a period already checked against `PERIOD_PATTERN` by the schema.

    Remembered: a plan writes the same few periods on every measure, and a span (immutable)
    can be shared; each data file validated again while serving parsed all of its periods
    (an eighth of the first generation after an edit, once `mkdocs serve` was started again,
    at 1,000 measures)."""
    match = re.match(PERIOD_PATTERN, text)
    if not match:
        raise ValueError(f"not a period: {text!r}")
    start = parse_point(match["start"])
    if match["onwards"]:
        return Span(start, None, single=False)
    if match["end"]:
        return Span(start, parse_point(match["end"]), single=False)
    return Span(start, start, single=True)


def half_years(first: HalfYear, last: HalfYear) -> list[HalfYear]:
    """Every half-year from `first` to `last`, both included."""
    found = []
    current = first
    while current <= last:
        found.append(current)
        current = current.next()
    return found


def half_year_of(year: int, month: int) -> HalfYear:
    return HalfYear(year, 0 if month <= 6 else 1)
