"""Each page's meta description: a sentence or two from the data about what the page shows.

Search engines and link previews show it under the page's title. A measure's page takes the
measure's description (else its number, title and goal), a goal's the goal's, the home page
the strategy's vision; pages the
data says nothing particular about (the indexes, the timeline) take a UI text naming the
strategy. Plain text (Markdown rendered and its tags removed, markup.py), cut at a word.
"""

from __future__ import annotations

from collections.abc import Callable

from . import urls
from .labels import Labels
from .localize import pick
from .markup import markdown_text
from .model import StrategyModel
from .schema import Localized

LIMIT = 160
"""Characters; about what search results show of a description."""

PAGE_KIND_KEYS = {
    "goals": "goals_index",
    "measures": "measures_index",
    "timeline": "timeline",
    "progress": "progress",
    "reports": "report",
    "strategy": "document",
    "accessibility": "statement",
    "municipalities": "municipality",
}
"""The UI text (`findability.page.<key>`) for a page by its folder, when the data has none."""


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` on one line, cut at the last whole word before `limit` with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


class PageDescriptions:
    """Descriptions for one language's pages; the goals and measures are looked up by id."""

    def __init__(
        self, model: StrategyModel, labels: Labels, language: str, languages: list[str]
    ) -> None:
        self._model, self._labels = model, labels
        self._text: Callable[[Localized], str] = lambda value: pick(value, language, languages).text
        self._goals = {urls.goal_page(g.id): g for g in model.goals}
        self._measures = {urls.measure_page(m.id): m for m in model.measures}
        self.strategy = self._text(model.strategy.title)

    def site(self) -> str:
        """The strategy's vision, or a sentence naming it: the home page's and the fallback."""
        vision = self._model.strategy.vision
        if vision is not None:
            return shorten(markdown_text(self._text(vision.text)))
        organisation = self._text(self._model.strategy.organisation.name)
        return shorten(
            self._labels("findability.site", strategy=self.strategy, organisation=organisation)
        )

    def of(self, path: str, title: str) -> str:
        """The description of the page at `path` (as in `urls.py`) titled `title`."""
        if path == urls.HOME:
            return self.site()
        if path in self._goals:
            goal = self._goals[path].goal
            if goal.description is not None:
                return shorten(markdown_text(self._text(goal.description)))
            return shorten(
                self._labels(
                    "findability.goal", page=title, number=goal.number, strategy=self.strategy
                )
            )
        if path in self._measures:
            entry = self._measures[path]
            if entry.measure.description is not None:
                return shorten(markdown_text(self._text(entry.measure.description)))
            goal_title = self._text(entry.goal.title)
            text = self._labels(
                "findability.measure", page=title, number=entry.number, goal=goal_title
            )
            return shorten(text)
        key = PAGE_KIND_KEYS.get(path.split("/", 1)[0], "other")
        return shorten(self._labels(f"findability.page.{key}", page=title, strategy=self.strategy))
