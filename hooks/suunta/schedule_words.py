"""Schedules told in words of the page's language, short for tables and whole for sentences."""

from __future__ import annotations

from .labels import Labels
from .schedule import HALVES, HalfYear, Point, Span
from .schema import ScheduleEntry


def half_year_short(half_year: HalfYear, label: Labels) -> str:
    """A timeline column or filter option: "kevät 2025" / "våren 2025"."""
    return label(f"period.{half_year.name}", year=half_year.year)


def point_short(point: Point, label: Labels) -> str:
    if point.half is None:
        return label("period.year", year=point.year)
    return half_year_short(point.first, label)


def period_short(span: Span, label: Labels) -> str:
    """A period in a few words for tables: a half-year, a year, a range or "from ..."."""
    start = point_short(span.start, label)
    if span.end is None:  # Finnish says "keväästä 2025 alkaen": `since` is that form
        return label("period.onwards", start=start, since=_when(span.start, "from", label))
    if span.single:
        return start
    return label("period.range", start=start, end=point_short(span.end, label))


def _when(point: Point, form: str, label: Labels) -> str:
    half = "year" if point.half is None else HALVES[point.half]
    return label(f"when.{form}_{half}", year=point.year)


def period_words(span: Span, label: Labels) -> str:
    """A period as an adverbial of time in the language ("in spring 2025", "from 2026 on")."""
    if span.end is None:
        return label("when.onwards", start=_when(span.start, "from", label))
    if span.single:
        return _when(span.start, "at", label)
    return label(
        "when.range", start=_when(span.start, "from", label), end=_when(span.end, "to", label)
    )


def schedule_sentence(entries: list[ScheduleEntry], label: Labels) -> str:
    """Every entry as "phase when", joined into one sentence in the page's language."""
    items = [
        label("when.item", phase=label(f"phase.{e.phase.value}"), when=period_words(e.span, label))
        if e.phase
        else label("when.item_without_phase", when=period_words(e.span, label))
        for e in entries
    ]
    if not items:
        return ""
    sentence = ", ".join(items) + "."
    return sentence[0].upper() + sentence[1:]
