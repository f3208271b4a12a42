"""The in-memory strategy: validated data with its relations resolved, in reading order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .accessibility_schema import AccessibilityFile
from .document_schema import DocumentFile
from .labels import LEVELS
from .loader import StrategyData
from .municipalities import find, municipality_id
from .schema import Goal, Measure, Municipality, Report, StrategyFile, Theme


@dataclass(frozen=True)
class MeasureEntry:
    """A measure with its goal and theme, and its number within the goal (such as "2.3")."""

    measure: Measure
    goal: Goal
    theme: Theme | None
    number: str

    @property
    def id(self) -> str:
        return self.measure.id


@dataclass(frozen=True)
class ThemeGroup:
    """A goal's theme and the measures filed under it (`theme` None: measures without a theme)."""

    theme: Theme | None
    measures: tuple[MeasureEntry, ...]


@dataclass(frozen=True)
class GoalEntry:
    goal: Goal
    measures: tuple[MeasureEntry, ...]

    @property
    def id(self) -> str:
        return self.goal.id

    @property
    def has_schedules(self) -> bool:
        """Whether the goal has a timeline: some measure names a period."""
        return any(m.measure.schedule for m in self.measures)

    def theme_groups(self) -> tuple[ThemeGroup, ...]:
        """Measures grouped by theme in the goal's theme order; unthemed measures come first."""
        groups = [ThemeGroup(None, tuple(m for m in self.measures if m.theme is None))]
        groups += [
            ThemeGroup(t, tuple(m for m in self.measures if m.theme == t)) for t in self.goal.themes
        ]
        return tuple(g for g in groups if g.measures or g.theme is not None)


@dataclass(frozen=True)
class MunicipalityEntry:
    """A member municipality and the measures that name it, in reading order."""

    id: str
    municipality: Municipality
    measures: tuple[MeasureEntry, ...]


@dataclass(frozen=True)
class StrategyModel:
    strategy: StrategyFile
    goals: tuple[GoalEntry, ...]
    accessibility: AccessibilityFile | None = None
    document: DocumentFile | None = None
    """`data/document.yml`: the document's other sections; None when the file is absent."""
    municipalities: tuple[MunicipalityEntry, ...] = ()
    """Every listed municipality with its measures; empty unless some measure names one, so a
    strategy whose measures name none has no municipality pages."""

    @property
    def as_of(self) -> dt.date | None:
        """The date the site reports on: given in data, else the newest report's date.

        Never the build machine's clock, so two builds of the same data are identical.
        """
        if self.strategy.as_of:
            return self.strategy.as_of
        return max((r.date for r in self.strategy.reports), default=None)

    @property
    def publication_date(self) -> dt.date | None:
        """The date the pages carry (the sitemap's `lastmod`): the data's, never the clock's."""
        return self.strategy.updated or self.as_of

    @property
    def reports(self) -> tuple[Report, ...]:
        """Reports oldest first."""
        return tuple(sorted(self.strategy.reports, key=lambda r: r.date))

    def report_before(self, date: dt.date) -> Report | None:
        earlier = [r for r in self.reports if r.date < date]
        return earlier[-1] if earlier else None

    @property
    def measures(self) -> tuple[MeasureEntry, ...]:
        return tuple(m for g in self.goals for m in g.measures)

    # What the data holds decides which pages exist: a strategy of policy statements has no
    # timeline and no progress page, rather than empty ones (status charts: goal_page.py).

    @property
    def has_schedules(self) -> bool:
        return any(g.has_schedules for g in self.goals)

    @property
    def has_progress(self) -> bool:
        """Dated progress updates or reports exist: the progress page has something to show."""
        return bool(self.strategy.reports) or any(m.measure.progress for m in self.measures)

    def level_terms(self, language: str) -> dict[str, dict[str, str]]:
        """The strategy's own words for its levels in `language` (the loader checked the
        forms), for the UI texts (`labels.Labels`)."""
        terms = self.strategy.terms
        if terms is None:
            return {}
        given = {level: getattr(terms, level) for level in LEVELS}
        return {
            level: words[language] for level, words in given.items() if words and language in words
        }

    @property
    def illustrative(self) -> bool:
        """Some value on the site is an example, not a fact: every page says so."""
        indicators = [i for g in self.goals for i in g.goal.indicators]
        indicators += [i for m in self.measures for i in m.measure.indicators]
        return any(m.measure.illustrative for m in self.measures) or any(
            i.illustrative for i in indicators
        )


def build_model(data: StrategyData) -> StrategyModel:
    """Resolve goal and theme ids (already checked by the loader) into objects."""
    goals = sorted(data.goals.goals, key=lambda g: g.number)
    entries = []
    for goal in goals:
        themes = {t.id: t for t in goal.themes}
        theme_order = {t.id: i for i, t in enumerate(goal.themes, start=1)}
        own = [item.measure for item in data.measures if item.measure.goal == goal.id]
        # Measures without a theme first, then theme by theme; the file's order within each,
        # so numbers read in order wherever a goal's measures are listed.
        own.sort(key=lambda m: theme_order.get(m.theme, 0) if m.theme else 0)
        measures = tuple(
            MeasureEntry(
                measure=m,
                goal=goal,
                theme=themes.get(m.theme) if m.theme else None,
                number=f"{goal.number}.{index}",
            )
            for index, m in enumerate(own, start=1)
        )
        entries.append(GoalEntry(goal=goal, measures=measures))
    goal_entries = tuple(entries)
    return StrategyModel(
        strategy=data.strategy,
        goals=goal_entries,
        accessibility=data.accessibility,
        document=data.document,
        municipalities=_municipalities(data, goal_entries),
    )


def _municipalities(
    data: StrategyData, goals: tuple[GoalEntry, ...]
) -> tuple[MunicipalityEntry, ...]:
    """Each municipality's measures (references already checked by the loader)."""
    listed = data.strategy.organisation.municipalities
    measures = [m for g in goals for m in g.measures]
    if not any(m.measure.municipalities for m in measures):
        return ()
    named: dict[int, list[MeasureEntry]] = {id(m): [] for m in listed}
    for entry in measures:
        # Two names of one municipality (fi and sv) list the measure once: by identity, as
        # comparing whole measures made this quadratic in a municipality's measures.
        found = (find(ref, listed, data.languages) for ref in entry.measure.municipalities)
        for municipality in {id(m): m for m in found if m is not None}.values():
            named[id(municipality)].append(entry)
    return tuple(
        MunicipalityEntry(municipality_id(m, data.languages), m, tuple(named[id(m)]))
        for m in listed
    )
