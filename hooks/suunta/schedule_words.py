"""Schedules told in words of the page's language, short for tables and whole for sentences."""

from __future__ import annotations

from .labels import Labels
from .schedule import Point, Span
from .schema import ScheduleEntry


def point_short(point: Point, label: Labels) -> str:
    if point.half is None:
        return label("period.year", year=point.year)
    return label(f"period.{('spring', 'autumn')[point.half]}", year=point.year)


def period_short(span: Span, label: Labels) -> str:
    """"kevät 2025", "2014–2016", "2026 alkaen" / "våren 2025", "2014–2016", "från 2026"."""
    start = point_short(span.start, label)
    if span.end is None:
        return label("period.onwards", start=start)
    if span.single:
        return start
    return label("period.range", start=start, end=point_short(span.end, label))


def _when(point: Point, form: str, label: Labels) -> str:
    half = "year" if point.half is None else ("spring", "autumn")[point.half]
    return label(f"when.{form}_{half}", year=point.year)


def period_words(span: Span, label: Labels) -> str:
    """"keväällä 2025", "vuodesta 2026 alkaen" / "våren 2025", "från 2026 och framåt"."""
    if span.end is None:
        return label("when.onwards", start=_when(span.start, "from", label))
    if span.single:
        return _when(span.start, "at", label)
    return label("when.range", start=_when(span.start, "from", label),
                 end=_when(span.end, "to", label))


def schedule_sentence(entries: list[ScheduleEntry], label: Labels) -> str:
    """"Selvitys keväällä 2025, käyttöönotto syksyllä 2025, jatkuva toiminta vuodesta 2026 alkaen."""
    items = [
        label("when.item", phase=label(f"phase.{e.phase.value}"), when=period_words(e.span, label))
        for e in entries
    ]
    if not items:
        return ""
    sentence = ", ".join(items) + "."
    return sentence[0].upper() + sentence[1:]
