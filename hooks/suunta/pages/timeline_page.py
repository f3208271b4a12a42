"""Timeline pages: one for the whole strategy (a table per goal) and one per goal."""

from __future__ import annotations

from .. import urls
from ..model import StrategyModel
from ..render import RenderContext
from ..timeline import build_timeline
from . import GeneratedPage


def build(model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]:
    """No timeline without schedules: a goal whose measures name no period gets none either."""
    if not model.has_schedules:
        return []
    timelines = [
        (g, build_timeline(model, g.measures, model.as_of)) for g in model.goals if g.has_schedules
    ]
    illustrative = any(m.measure.illustrative and m.measure.schedule for m in model.measures)
    phases = {
        item.phase.value if item.phase else "scheduled"
        for m in model.measures
        for item in m.measure.schedule
    }
    common = {"as_of": model.as_of, "illustrative_schedules": illustrative, "phases": phases}
    pages = [
        GeneratedPage(
            urls.TIMELINE,
            ctx.labels("timeline.title"),
            ctx.render("timeline.html", urls.TIMELINE, timelines=timelines, single=False, **common),
        )
    ]
    for goal, timeline in timelines:
        page = urls.goal_timeline_page(goal.id)
        title = ctx.labels("timeline.goal_title", number=goal.goal.number)
        body = ctx.render(
            "timeline.html", page, timelines=[(goal, timeline)], single=True, title=title, **common
        )
        pages.append(GeneratedPage(page, title, body))
    return pages
