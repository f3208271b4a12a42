"""Loads and validates `data/`: the only place where YAML becomes schema objects.

Every problem in every file is collected before failing, so an editor fixes them in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from . import municipalities
from .accessibility_schema import AccessibilityFile
from .cli_texts import say
from .document_schema import DocumentFile
from .errors import DataError, DataProblem
from .labels import LEVELS, default_terms
from .schedule import Span
from .schema import GoalsFile, Indicator, Measure, MeasuresFile, StrategyFile
from .translation_gaps import translation_gaps
from .validated_files import ValidatedFiles
from .validation_messages import field_path, format_path, plain_message
from .yaml_lines import (
    FieldPath,
    LocatedYaml,
    YamlReadError,
    read_located_yaml,
    regular_file_bytes,
)

STRATEGY_FILE = "strategy.yml"
GOALS_FILE = "goals.yml"
MEASURES_DIR = "measures"
ACCESSIBILITY_FILE = "accessibility.yml"
DOCUMENT_FILE = "document.yml"

SCHEDULE_MARGIN_YEARS = 10
"""How far before its start and after its end a strategy's schedules may reach."""

LISTED_IDS = 10
"""How many ids a message lists at most (such as the goals an unknown goal id could be)."""

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class LocatedMeasure:
    """A measure and where it was written, for errors found after validation."""

    measure: Measure
    source: LocatedYaml
    index: int

    def problem(self, field: str | FieldPath, message: str) -> DataProblem:
        inner = (field,) if isinstance(field, str) else field
        path: FieldPath = ("measures", self.index, *inner)
        return DataProblem(self.source.file, self.source.line_of(path), format_path(path), message)


@dataclass(frozen=True)
class StrategyData:
    """Everything in `data/`, validated, before relations are resolved."""

    strategy: StrategyFile
    goals: GoalsFile
    measures: list[LocatedMeasure]
    accessibility: AccessibilityFile | None
    """None when `data/accessibility.yml` is missing: the site then has no statement."""
    document: DocumentFile | None
    """None when `data/document.yml` is missing: the site then has no document pages."""
    translation_gaps: list[DataProblem]
    """Texts missing a language: shown in another language, reported as warnings."""
    languages: tuple[str, ...] = ()
    """The site's languages, the default first (municipality ids are made from its names)."""


def _say(key: str, **values: object) -> str:
    """A data check's sentence in the chosen language (`cli_texts`, section `data_errors`)."""
    return say(f"data_errors.{key}", **values)


def load_data(
    data_dir: Path, languages: list[str], known: ValidatedFiles | None = None
) -> StrategyData:
    """Read and validate all data files; raise `DataError` listing every problem found.

    `known` (under `mkdocs serve`) gives back the files whose bytes did not change.
    """
    problems: list[DataProblem] = []
    context = {"languages": languages}

    def validate(file: Path, model: type[M]) -> tuple[M | None, LocatedYaml | None]:
        return _validate(file, model, context, problems, known, tuple(languages))

    strategy, strategy_source = validate(data_dir / STRATEGY_FILE, StrategyFile)
    goals, goals_source = validate(data_dir / GOALS_FILE, GoalsFile)
    accessibility, accessibility_source = None, None
    statement = data_dir / ACCESSIBILITY_FILE
    if statement.exists() or statement.is_symlink():  # a folder or a broken link is an error
        accessibility, accessibility_source = validate(statement, AccessibilityFile)
    document, document_source = None, None
    document_path = data_dir / DOCUMENT_FILE
    if document_path.exists() or document_path.is_symlink():
        document, document_source = validate(document_path, DocumentFile)
    measure_files = sorted((data_dir / MEASURES_DIR).glob("*.yml"))
    if not measure_files:
        problems.append(DataProblem(data_dir / MEASURES_DIR, None, "", _say("no_measure_files")))
    measures: list[LocatedMeasure] = []
    for file in measure_files:
        parsed, source = validate(file, MeasuresFile)
        if parsed and source:
            measures += [LocatedMeasure(m, source, i) for i, m in enumerate(parsed.measures)]
    if strategy is not None and strategy_source is not None:
        problems += _check_strategy(strategy_source, strategy)
        problems += _check_terms(strategy_source, strategy, languages)
        problems += _check_schedules(strategy, measures)
        problems += _check_municipalities(strategy_source, strategy, measures, languages)
    if goals is not None and goals_source is not None:
        problems += _check_goals(goals_source, goals)
        problems += _check_measures(goals, measures)
    for item in measures:
        problems += _check_measure_indicators(item, goals)
    if problems:
        raise DataError(problems)
    assert strategy and strategy_source and goals and goals_source
    gaps = translation_gaps(strategy, strategy_source, languages)
    gaps += translation_gaps(goals, goals_source, languages)
    for item in measures:
        gaps += translation_gaps(item.measure, item.source, languages, ("measures", item.index))
    if accessibility and accessibility_source:
        gaps += translation_gaps(accessibility, accessibility_source, languages)
    if document and document_source:
        gaps += translation_gaps(document, document_source, languages)
    return StrategyData(
        strategy=strategy,
        goals=goals,
        measures=measures,
        accessibility=accessibility,
        document=document,
        translation_gaps=gaps,
        languages=tuple(languages),
    )


def _forms_problem(level: str, language: str, forms: dict[str, str] | None) -> str:
    """What is wrong with a level's words in one language ("" when nothing)."""
    needed = default_terms(language)[level]
    if forms is None:
        return _say("terms_missing", level=level, language=language, forms=", ".join(needed))
    missing = [form for form in needed if form not in forms]
    unknown = [form for form in forms if form not in needed]
    parts = [_say("terms_forms_missing", forms=", ".join(missing))] if missing else []
    parts += [_say("terms_forms_unknown", forms=", ".join(unknown))] if unknown else []
    if not parts:
        return ""
    return "; ".join(parts) + _say("terms_forms_are", language=language, forms=", ".join(needed))


def _check_terms(
    source: LocatedYaml, strategy: StrategyFile, languages: list[str]
) -> list[DataProblem]:
    """The strategy's own level names: every form each site language's texts use, no other.

    A missing form would let the default word show through in the middle of the strategy's
    own ones ("painopistealue 1" beside "Tavoitteen 1 aikajana").
    """
    if strategy.terms is None:
        return []
    problems = []
    for level in LEVELS:
        given = getattr(strategy.terms, level)
        if given is None:
            continue
        for language in languages:
            path: FieldPath = ("terms", level, language)
            message = _forms_problem(level, language, given.get(language))
            if message:
                problems.append(
                    DataProblem(source.file, source.line_of(path), format_path(path), message)
                )
    for language in (strategy.terms.goal or {}) | (strategy.terms.measure or {}):
        if language not in languages:
            problems.append(
                DataProblem(
                    source.file,
                    source.line_of(("terms",)),
                    "terms",
                    _say("unknown_language", language=language, languages=", ".join(languages)),
                )
            )
    return problems


def load_goals(data_dir: Path) -> GoalsFile:
    """Only `goals.yml`, for the goals' ids (the Excel import); raises `DataError`.

    Languages are not checked: the import only needs the ids, and `suunta check` the rest.
    """
    problems: list[DataProblem] = []
    goals, source = _validate(data_dir / GOALS_FILE, GoalsFile, {}, problems)
    if goals is not None and source is not None:
        problems += _check_goals(source, goals)
    if problems or goals is None:
        raise DataError(problems)
    return goals


def _read(file: Path, problems: list[DataProblem], raw: bytes | None = None) -> LocatedYaml | None:
    try:
        return read_located_yaml(file, raw)
    except YamlReadError as error:
        problems.append(DataProblem(error.file, error.line, "", error.message))
        return None


def _validate(
    file: Path,
    model: type[M],
    context: Mapping[str, object],
    problems: list[DataProblem],
    known: ValidatedFiles | None = None,
    languages: tuple[str, ...] = (),
) -> tuple[M | None, LocatedYaml | None]:
    """`file` validated against `model`; `known` (with the `languages` of `context`) gives
    back a file whose bytes it has validated before."""
    raw = regular_file_bytes(file) if known is not None else None
    if known is not None and raw is not None:
        kept = known.get(file, model, languages, raw)
        if kept is not None:
            return kept
    located = _read(file, problems, raw)
    if located is None:
        return None, None
    parsed = _validate_located(located, model, context, problems)
    if known is not None and raw is not None and parsed is not None:
        known.keep(file, model, languages, raw, parsed, located)
    return parsed, located


def _validate_located(
    located: LocatedYaml, model: type[M], context: Mapping[str, object], problems: list[DataProblem]
) -> M | None:
    if located.data is None:
        problems.append(DataProblem(located.file, None, "", _say("file_empty")))
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
        problem(("goals", i, "id"), _say("goal_id_twice", id=g.id))
        for i, g in _repeats(goals.goals, lambda g: g.id)
    ]
    problems += [
        problem(("goals", i, "number"), _say("goal_number_twice", number=g.number))
        for i, g in _repeats(goals.goals, lambda g: g.number)
    ]
    for gi, goal in enumerate(goals.goals):
        problems += [
            problem(
                ("goals", gi, "themes", ti, "id"),
                _say("theme_id_twice", id=t.id),
            )
            for ti, t in _repeats(goal.themes, lambda t: t.id)
        ]
        problems += [
            problem(("goals", gi, *path), message)
            for path, message in _indicator_problems(goal.indicators)
        ]
    return problems


def _indicator_problems(indicators: list[Indicator]) -> Iterator[tuple[FieldPath, str]]:
    """Ids used twice on one page (the page's HTML ids repeat them) and years given twice."""
    for index, indicator in _repeats(indicators, lambda i: i.id):
        yield (
            ("indicators", index, "id"),
            _say("indicator_id_twice", id=indicator.id),
        )
    for index, indicator in enumerate(indicators):
        for vi, point in _repeats(indicator.values, lambda p: p.year):
            yield (
                ("indicators", index, "values", vi, "year"),
                _say("indicator_year_twice", year=point.year),
            )


def _check_strategy(source: LocatedYaml, strategy: StrategyFile) -> list[DataProblem]:
    """Two reports of one date would be written to one page."""
    return [
        DataProblem(
            source.file,
            source.line_of(("reports", i, "date")),
            format_path(("reports", i, "date")),
            _say("report_date_twice", date=report.date.isoformat()),
        )
        for i, report in _repeats(strategy.reports, lambda r: r.date)
    ]


def _check_municipalities(
    source: LocatedYaml,
    strategy: StrategyFile,
    measures: list[LocatedMeasure],
    languages: list[str],
) -> list[DataProblem]:
    """Each municipality has its own id; a measure names only the strategy's municipalities."""
    listed = strategy.organisation.municipalities
    problems = [
        DataProblem(source.file, source.line_of(path), format_path(path), message)
        for index, message in municipalities.id_problems(listed, languages)
        for path in [("organisation", "municipalities", index)]
    ]
    for item in measures:
        for index, reference in enumerate(item.measure.municipalities):
            message = municipalities.reference_problem(reference, listed, languages)
            if message:
                problems.append(item.problem(("municipalities", index), message))
    return problems


def _check_schedules(strategy: StrategyFile, measures: list[LocatedMeasure]) -> list[DataProblem]:
    """Periods stay near the strategy's own, so a typing slip cannot stretch every timeline."""
    period = strategy.period
    # An open-ended strategy ("from 2014 on") is taken to run as long as a council term
    # plan can reasonably look ahead.
    end = period.end if period.end is not None else period.start + SCHEDULE_MARGIN_YEARS
    first, last = period.start - SCHEDULE_MARGIN_YEARS, end + SCHEDULE_MARGIN_YEARS
    shown = f"{period.start}–{period.end}" if period.end is not None else f"{period.start}–"
    problems = []
    for item in measures:
        dated: list[tuple[str, int, str | None, Span | None]] = [
            ("schedule", i, e.period, e.span) for i, e in enumerate(item.measure.schedule)
        ]
        dated += [("tasks", i, t.period, t.span) for i, t in enumerate(item.measure.tasks)]
        for field, index, written, span in dated:
            if span is None:
                continue
            years = [span.start.year, *([span.end.year] if span.end else [])]
            if all(first <= year <= last for year in years):
                continue
            problems.append(
                item.problem(
                    (field, index, "period"),
                    _say("period_too_far", period=written, shown=shown, first=first, last=last),
                )
            )
    return problems


def _check_measure_indicators(item: LocatedMeasure, goals: GoalsFile | None) -> list[DataProblem]:
    problems = [
        item.problem(path, message)
        for path, message in _indicator_problems(item.measure.indicators)
    ]
    goal = next((g for g in goals.goals if g.id == item.measure.goal), None) if goals else None
    if goal is None:
        return problems
    # A goal's page may show its measures' indicators beside its own: their ids must differ.
    goal_ids = {indicator.id for indicator in goal.indicators}
    problems += [
        item.problem(
            ("indicators", index, "id"),
            _say("indicator_id_in_goal", goal=goal.id, id=indicator.id),
        )
        for index, indicator in enumerate(item.measure.indicators)
        if indicator.id in goal_ids
    ]
    return problems


def _repeats(items: list[T], key: Callable[[T], Hashable]) -> Iterator[tuple[int, T]]:
    """Each item (with its index) whose key an earlier item already had."""
    seen: set[Hashable] = set()
    for index, item in enumerate(items):
        if key(item) in seen:
            yield index, item
        seen.add(key(item))


def _as_editors_see(item: LocatedMeasure) -> str:
    """A measures file as messages name files: `data/measures/2-services.yml`."""
    return Path(*item.source.file.parts[-3:]).as_posix()


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
                    _say("measure_id_twice", id=m.id, file=_as_editors_see(other), line=line),
                )
            )
        first_seen.setdefault(m.id, item)
        if m.goal not in themes:
            problems.append(
                item.problem(
                    "goal",
                    _say("unknown_goal", goal=m.goal, goals=_listed(themes)),
                )
            )
        elif m.theme is not None and m.theme not in themes[m.goal]:
            known = _listed(sorted(themes[m.goal])) or _say("none")
            problems.append(
                item.problem(
                    "theme",
                    _say("unknown_theme", goal=m.goal, theme=m.theme, themes=known),
                )
            )
    return problems


def _listed(ids: Iterable[str]) -> str:
    """Ids for a message, at most `LISTED_IDS` of them, so the message stays one short line."""
    items = list(ids)
    shown = ", ".join(items[:LISTED_IDS])
    more = len(items) - LISTED_IDS
    return _say("and_more", shown=shown, more=more) if more > 0 else shown
