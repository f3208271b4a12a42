"""All measures of the strategy as one accessible table, with filters that JavaScript enables.

Without JavaScript every measure is listed. Each row carries its filter values as data
attributes; a value list is separated by "|".
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import urls
from ..model import MeasureEntry, StrategyModel
from ..progress import STATUS_ORDER, status_at
from ..render import RenderContext
from ..schedule import HalfYear
from ..schedule_words import half_year_short
from ..timeline import columns_for
from . import GeneratedPage

FILTERS = ("goal", "theme", "unit", "responsible", "status", "period")


@dataclass(frozen=True)
class FilterField:
    name: str
    label: str
    options: tuple[tuple[str, str], ...]
    """(value, text) pairs."""


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    columns = columns_for(model)  # once: it looks at every measure
    values = {entry.id: row_values(entry, model, ctx, columns) for entry in model.measures}
    body = ctx.render(
        "measures_index.html",
        urls.MEASURES_INDEX,
        measures=model.measures,
        row_values=values,
        count=len(values),
        filters=filter_fields(model, ctx, list(values.values()), columns),
    )
    return [GeneratedPage(urls.MEASURES_INDEX, ctx.labels("measures_index.title"), body)]


def row_values(
    entry: MeasureEntry, model: StrategyModel, ctx: RenderContext, columns: tuple[HalfYear, ...]
) -> dict[str, str]:
    m = entry.measure
    status = status_at(entry, model.as_of)
    periods = [c.key for c in columns if any(s.span.covers(c) for s in m.schedule)]
    return {
        "goal": entry.goal.id,
        "theme": f"{entry.goal.id}/{entry.theme.id}" if entry.theme else "",
        "unit": "|".join(ctx.text(u) for u in m.units),
        "responsible": "|".join(ctx.text(r) for r in m.responsible),
        "status": status.value if status else "",
        "period": "|".join(periods),
    }


def filter_fields(
    model: StrategyModel,
    ctx: RenderContext,
    rows: list[dict[str, str]],
    columns: tuple[HalfYear, ...],
) -> list[FilterField]:
    """The filters and their options: only values that some measure has."""
    label = ctx.labels

    def used(name: str) -> list[str]:
        return sorted({v for row in rows for v in row[name].split("|") if v})

    statuses = {row["status"] for row in rows}
    periods = set(used("period"))
    fields = [
        FilterField(
            "goal",
            label("columns.goal"),
            tuple((g.id, f"{g.goal.number}. {ctx.text(g.goal.title)}") for g in model.goals),
        ),
        FilterField(
            "theme",
            label("measure.theme"),
            tuple(
                (f"{g.id}/{t.id}", ctx.text(t.title)) for g in model.goals for t in g.goal.themes
            ),
        ),
        FilterField("unit", label("columns.units"), tuple((v, v) for v in used("unit"))),
        FilterField(
            "responsible", label("columns.responsible"), tuple((v, v) for v in used("responsible"))
        ),
        FilterField(
            "status",
            label("columns.status"),
            tuple(
                (s.value, label(f"status.{s.value}")) for s in STATUS_ORDER if s.value in statuses
            ),
        ),
        FilterField(
            "period",
            label("filters.period"),
            tuple((c.key, half_year_short(c, label)) for c in columns if c.key in periods),
        ),
    ]
    return [f for f in fields if f.options]
