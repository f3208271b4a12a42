"""All measures of the strategy as one accessible table, with filters that JavaScript enables.

Without JavaScript every measure is listed: on one page, or on numbered pages of
`pagination.PAGE_SIZE` rows when there are more. Each row carries its filter values as data
attributes; a value list is separated by "|". A list over several pages is filtered as a
whole: `filter_rows` gives every row, rendered as on the pages, for the filter script to load
on first use (`filters/measures.json` under each language's root).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .. import urls
from ..model import MeasureEntry, StrategyModel
from ..pagination import PAGE_SIZE, page_title, paginate
from ..progress import STATUS_ORDER, status_at
from ..render import RenderContext
from ..schedule import HalfYear
from ..schedule_words import half_year_short
from ..table_columns import optional_columns
from ..timeline import columns_for
from . import GeneratedPage, list_page

FILTERS = ("goal", "theme", "unit", "responsible", "status", "period")

ALL_ROWS_DIR = "filters"
ALL_ROWS_FILE = f"{ALL_ROWS_DIR}/measures"
"""Every row of the index for the filter script, per language: `filters/measures.fi.json` in
the docs tree, served at `filters/measures.json` under the language's root. Only written when
the index has several pages."""


@dataclass(frozen=True)
class FilterField:
    name: str
    label: str
    options: tuple[tuple[str, str], ...]
    """(value, text) pairs."""


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    columns = columns_for(model)  # once: it looks at every measure
    values = {entry.id: row_values(entry, model, ctx, columns) for entry in model.measures}
    filters = filter_fields(model, ctx, list(values.values()), columns)
    pages = []
    for part in paginate(model.measures, urls.MEASURES_INDEX):
        title = page_title(ctx.labels("measures_index.title"), part.pager, ctx.labels)
        body = ctx.render(
            "measures_index.html",
            part.pager.path,
            title=title,
            measures=part.items,
            row_values={entry.id: values[entry.id] for entry in part.items},
            pager=part.pager,
            filters=filters,
            all_rows=f"{ALL_ROWS_FILE}.json",
        )
        pages.append(list_page(part.pager, title, body))
    return pages


def filter_rows(model: StrategyModel, ctx: RenderContext) -> bytes | None:
    """Every row of the index as its pages render it (links relative to the first page), and
    the header row for the whole list's columns (a page shows only the columns its own rows
    fill), as compact JSON; None when the index fits one page and the script filters the page
    itself."""
    if len(model.measures) <= PAGE_SIZE:
        return None
    columns = columns_for(model)
    show = optional_columns(model.measures, model.as_of)
    macros = ctx.env.get_template("macros.html").make_module({"page": urls.MEASURES_INDEX})

    def row(entry: MeasureEntry) -> str:
        values = row_values(entry, model, ctx, columns)
        inputs = {"entry": entry, "show": show, "values": values}
        return ctx.remembered(
            "macros.html:measure_row",
            urls.MEASURES_INDEX,
            inputs,
            lambda: str(macros.measure_row(entry, show, values)),  # type: ignore[attr-defined]
        )

    rows = [row(entry) for entry in model.measures]
    head = str(macros.measure_head(show, True))  # type: ignore[attr-defined]
    whole = {"head": head, "rows": rows}
    return json.dumps(whole, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def row_values(
    entry: MeasureEntry, model: StrategyModel, ctx: RenderContext, columns: tuple[HalfYear, ...]
) -> dict[str, str]:
    m = entry.measure
    status = status_at(entry, model.as_of)
    periods = [c.key for c in columns if any(s.span.covers(c) for s in m.schedule)]
    return {
        "goal": entry.goal.id,
        "theme": f"{entry.goal.id}/{entry.theme.id}" if entry.theme else "",
        "unit": "|".join(filter_token(ctx.text(u)) for u in m.units),
        "responsible": "|".join(filter_token(ctx.text(r)) for r in m.responsible),
        "status": status.value if status else "",
        "period": "|".join(periods),
    }


def filter_token(text: str) -> str:
    """A name as one filter value: a row lists its values separated by "|", so a "|" in a
    name (and "%", which marks the replacement) is written as in a web address. The option
    and the row carry the same token, so the script compares them as they are."""
    return text.replace("%", "%25").replace("|", "%7C")


def token_text(token: str) -> str:
    """The name a `filter_token` stands for, for the option's text."""
    return token.replace("%7C", "|").replace("%25", "%")


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
        FilterField(
            "unit", label("columns.units"), tuple((v, token_text(v)) for v in used("unit"))
        ),
        FilterField(
            "responsible",
            label("columns.responsible"),
            tuple((v, token_text(v)) for v in used("responsible")),
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
