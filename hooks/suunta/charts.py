"""Geometry of the build-time SVG charts; the templates draw it, so no chart library runs.

Every chart also has a text alternative and a table of the same numbers beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .progress import StatusCount
from .schema import Indicator


@dataclass(frozen=True)
class BarSegment:
    status: str
    """A status value, or "none" for measures with no status."""
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class StatusBar:
    """One stacked bar: how a group's measures divide into statuses."""

    key: str
    y: float
    total: int
    segments: tuple[BarSegment, ...]


BAR_LEFT, BAR_WIDTH, BAR_HEIGHT, BAR_GAP = 0.0, 600.0, 28.0, 16.0


def status_bars(groups: list[tuple[str, list[StatusCount]]]) -> tuple[tuple[StatusBar, ...], float]:
    """Bars for (key, counts) groups, each the full width; returns the bars and the SVG height."""
    bars = []
    for index, (key, counts) in enumerate(groups):
        total = sum(c.count for c in counts)
        x, segments = BAR_LEFT, []
        for c in counts:
            if not c.count:
                continue
            width = BAR_WIDTH * c.count / total
            segments.append(BarSegment(c.status.value if c.status else "none", c.count, x, width))
            x += width
        bars.append(StatusBar(key, index * (BAR_HEIGHT + BAR_GAP), total, tuple(segments)))
    height = len(bars) * (BAR_HEIGHT + BAR_GAP)
    return tuple(bars), height


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class IndicatorChart:
    width: float
    height: float
    actual: tuple[ChartPoint, ...]
    baseline: ChartPoint | None
    target: ChartPoint | None
    x_ticks: tuple[tuple[int, float], ...]
    y_ticks: tuple[tuple[float, float], ...]
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float


def nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`."""
    power = 10 ** math.floor(math.log10(rough))
    return next(power * m for m in (1, 2, 2.5, 5, 10) if power * m >= rough)


def indicator_chart(
    indicator: Indicator, width: float = 560, height: float = 260
) -> IndicatorChart:
    """A line of actual values, the baseline and the target, on a common scale from zero."""
    left, right, top, bottom = 56.0, width - 16, 16.0, height - 36
    points = [*indicator.values]
    extra = [p for p in (indicator.baseline, indicator.target) if p]
    years = [p.year for p in points + extra]
    values = [p.value for p in points + extra]
    first, last = min(years), max(years)
    low = min(0.0, min(values))
    step = nice_step((max(values) - low) / 4 or 1.0)
    # At least one step: values all equal and not above zero would give a scale of no height.
    high = low + step * max(1, math.ceil((max(values) - low) / step))

    def place(year: int, value: float) -> ChartPoint:
        span = (last - first) or 1
        x = left + (right - left) * (year - first) / span
        y = bottom - (bottom - top) * (value - low) / (high - low)
        return ChartPoint(year, value, round(x, 1), round(y, 1))

    ticks = round((high - low) / step)
    y_ticks = tuple(
        (round(low + i * step, 6), place(first, low + i * step).y) for i in range(ticks + 1)
    )
    x_ticks = tuple((year, place(year, low).x) for year in range(first, last + 1))
    return IndicatorChart(
        width,
        height,
        actual=tuple(place(p.year, p.value) for p in sorted(points, key=lambda p: p.year)),
        baseline=place(indicator.baseline.year, indicator.baseline.value)
        if indicator.baseline
        else None,
        target=place(indicator.target.year, indicator.target.value) if indicator.target else None,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        plot_left=left,
        plot_right=right,
        plot_top=top,
        plot_bottom=bottom,
    )
