"""The progress page (state at the reporting date) and one page per dated progress report."""

from __future__ import annotations

import datetime as dt

from .. import urls
from ..dcat_catalog import file_title
from ..model import StrategyModel
from ..open_data import feed_of
from ..progress import StatusCount, changes_between, status_counts
from ..render import RenderContext
from . import GeneratedPage


def status_groups(
    model: StrategyModel, ctx: RenderContext, date: dt.date | None
) -> list[tuple[str, list[StatusCount]]]:
    """Counts per goal, then for the whole strategy."""
    groups = [
        (f"{g.goal.number}. {ctx.text(g.goal.title)}", status_counts(g.measures, date))
        for g in model.goals
    ]
    groups.append((ctx.labels("progress.overall"), status_counts(model.measures, date)))
    return groups


def feed_link(ctx: RenderContext, page: str) -> dict[str, str] | None:
    """The progress feed in the page's language, linked relative to `page`; None if none."""
    feed = feed_of(ctx.published, ctx.language)
    if feed is None or ctx.site is None:
        return None
    here = ctx.site.page_path(page, ctx.language)
    href = ctx.site.relative(feed.site_path, here)
    return {"href": href, "title": file_title(feed, ctx.labels), "type": feed.media_type}


def _state(model: StrategyModel, ctx: RenderContext, date: dt.date | None) -> dict[str, object]:
    previous = model.report_before(date) if date else None
    return {
        "date": date,
        "groups": status_groups(model, ctx, date),
        "previous": previous,
        "changes": changes_between(model.measures, previous.date if previous else None, date),
        "illustrative": any(m.measure.illustrative for m in model.measures),
        "reports": model.reports,
    }


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    """No progress page without progress updates or reports."""
    if not model.has_progress:
        return []
    pages = [
        GeneratedPage(
            urls.PROGRESS,
            ctx.labels("progress.title"),
            ctx.render(
                "progress.html",
                urls.PROGRESS,
                report=None,
                feed=feed_link(ctx, urls.PROGRESS),
                **_state(model, ctx, model.as_of),
            ),
        )
    ]
    for report in model.reports:
        page = urls.report_page(report.date.isoformat())
        body = ctx.render(
            "progress.html", page, report=report, feed=None, **_state(model, ctx, report.date)
        )
        pages.append(GeneratedPage(page, ctx.text(report.title), body))
    return pages
