"""Loads and validates `data/`: the only place where YAML becomes schema objects.

Every problem in every file is collected before failing, so an editor fixes them in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from .accessibility_schema import AccessibilityFile
from .errors import DataError, DataProblem
from .schema import GoalsFile, Measure, MeasuresFile, StrategyFile
from .translation_gaps import translation_gaps
from .validation_messages import field_path, format_path, plain_message
from .yaml_lines import FieldPath, LocatedYaml, YamlSyntaxError, read_located_yaml

STRATEGY_FILE = "strategy.yml"
GOALS_FILE = "goals.yml"
MEASURES_DIR = "measures"
ACCESSIBILITY_FILE = "accessibility.yml"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class LocatedMeasure:
    """A measure and where it was written, for errors found after validation."""

    measure: Measure
    source: LocatedYaml
    index: int

    def problem(self, field: str, message: str) -> DataProblem:
        path: FieldPath = ("measures", self.index, field)
        return DataProblem(self.source.file, self.source.line_of(path), format_path(path), message)


@dataclass(frozen=True)
class StrategyData:
    """Everything in `data/`, validated, before relations are resolved."""

    strategy: StrategyFile
    goals: GoalsFile
    measures: list[LocatedMeasure]
    accessibility: AccessibilityFile | None
    """None when `data/accessibility.yml` is missing: the site then has no statement."""
    translation_gaps: list[DataProblem]
    """Texts missing a language: shown in another language, reported as warnings."""


def load_data(data_dir: Path, languages: list[str]) -> StrategyData:
    """Read and validate all data files; raise `DataError` listing every problem found."""
    problems: list[DataProblem] = []
    context = {"languages": languages}
    strategy, strategy_source = _validate(data_dir / STRATEGY_FILE, StrategyFile, context, problems)
    goals, goals_source = _validate(data_dir / GOALS_FILE, GoalsFile, context, problems)
    accessibility, accessibility_source = None, None
    if (data_dir / ACCESSIBILITY_FILE).is_file():
        accessibility, accessibility_source = _validate(
            data_dir / ACCESSIBILITY_FILE, AccessibilityFile, context, problems
        )
    measure_files = sorted((data_dir / MEASURES_DIR).glob("*.yml"))
    if not measure_files:
        problems.append(
            DataProblem(data_dir / MEASURES_DIR, None, "", "there are no measure files (*.yml)")
        )
    measures: list[LocatedMeasure] = []
    for file in measure_files:
        parsed, source = _validate(file, MeasuresFile, context, problems)
        if parsed and source:
            measures += [LocatedMeasure(m, source, i) for i, m in enumerate(parsed.measures)]
    if goals is not None and goals_source is not None:
        problems += _check_goals(goals_source, goals)
        problems += _check_measures(goals, measures)
    if problems:
        raise DataError(problems)
    assert strategy and strategy_source and goals and goals_source
    gaps = translation_gaps(strategy, strategy_source, languages)
    gaps += translation_gaps(goals, goals_source, languages)
    for item in measures:
        gaps += translation_gaps(item.measure, item.source, languages, ("measures", item.index))
    if accessibility and accessibility_source:
        gaps += translation_gaps(accessibility, accessibility_source, languages)
    return StrategyData(
        strategy=strategy,
        goals=goals,
        measures=measures,
        accessibility=accessibility,
        translation_gaps=gaps,
    )


def _read(file: Path, problems: list[DataProblem]) -> LocatedYaml | None:
    if not file.is_file():
        problems.append(DataProblem(file, None, "", "the file is missing"))
        return None
    try:
        return read_located_yaml(file)
    except YamlSyntaxError as error:
        problems.append(DataProblem(error.file, error.line, "", error.message))
        return None


def _validate(
    file: Path, model: type[M], context: Mapping[str, object], problems: list[DataProblem]
) -> tuple[M | None, LocatedYaml | None]:
    located = _read(file, problems)
    if located is None:
        return None, None
    return _validate_located(located, model, context, problems), located


def _validate_located(
    located: LocatedYaml, model: type[M], context: Mapping[str, object], problems: list[DataProblem]
) -> M | None:
    if located.data is None:
        problems.append(DataProblem(located.file, None, "", "the file is empty"))
        return None
    try:
        return model.model_validate(located.data, context=context)
    except ValidationError as error:
        reported: set[FieldPath] = set()
        for detail in error.errors():
            path = field_path(detail["loc"])
            if path in reported:  # a union's other branches: one message per field is enough
                continue
            reported.add(path)
            problems.append(
                DataProblem(
                    located.file,
                    located.line_of(path),
                    format_path(path),
                    plain_message(detail, model),
                )
            )
        return None


def _check_goals(source: LocatedYaml, goals: GoalsFile) -> list[DataProblem]:
    def problem(path: FieldPath, message: str) -> DataProblem:
        return DataProblem(source.file, source.line_of(path), format_path(path), message)

    problems = [
        problem(
            ("goals", i, "id"), f"the goal id '{g.id}' is used twice; every goal needs its own id"
        )
        for i, g in _repeats(goals.goals, lambda g: g.id)
    ]
    problems += [
        problem(("goals", i, "number"), f"the goal number {g.number} is used twice")
        for i, g in _repeats(goals.goals, lambda g: g.number)
    ]
    for gi, goal in enumerate(goals.goals):
        problems += [
            problem(
                ("goals", gi, "themes", ti, "id"),
                f"the theme id '{t.id}' is used twice in this goal",
            )
            for ti, t in _repeats(goal.themes, lambda t: t.id)
        ]
    return problems


def _repeats(items: list[T], key: Callable[[T], Hashable]) -> Iterator[tuple[int, T]]:
    """Each item (with its index) whose key an earlier item already had."""
    seen: set[Hashable] = set()
    for index, item in enumerate(items):
        if key(item) in seen:
            yield index, item
        seen.add(key(item))


def _check_measures(goals: GoalsFile, measures: list[LocatedMeasure]) -> list[DataProblem]:
    themes = {g.id: {t.id for t in g.themes} for g in goals.goals}
    problems: list[DataProblem] = []
    first_seen: dict[str, LocatedMeasure] = {}
    for item in measures:
        m = item.measure
        if m.id in first_seen:
            other = first_seen[m.id]
            line = other.source.line_of(("measures", other.index))
            problems.append(
                item.problem(
                    "id",
                    f"the measure id '{m.id}' is already used in {other.source.file}, "
                    f"line {line}; every measure needs its own id",
                )
            )
        first_seen.setdefault(m.id, item)
        if m.goal not in themes:
            problems.append(
                item.problem(
                    "goal",
                    f"there is no goal with the id '{m.goal}'; the goals are: {', '.join(themes)}",
                )
            )
        elif m.theme is not None and m.theme not in themes[m.goal]:
            known = ", ".join(sorted(themes[m.goal])) or "none"
            problems.append(
                item.problem(
                    "theme",
                    f"the goal '{m.goal}' has no theme '{m.theme}'; its themes are: {known}",
                )
            )
    return problems
