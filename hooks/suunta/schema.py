"""The one schema of Suunta's data files: every field name lives here and nowhere else.

Texts a reader sees are `Localized`: a mapping from language code to text. Which language
codes are allowed is not known here; it comes from the site configuration and is passed in
the validation context (`{"languages": [...]}`), so adding a language needs no code change.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .schedule import PERIOD_PATTERN, Span, parse_period

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
]
"""A stable id: lower-case letters, digits and single hyphens. Ids are the stable part of URLs."""

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _check_languages(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages")
    if languages:
        unknown = [code for code in value if code not in languages]
        if unknown:
            raise ValueError(
                f"unknown language {', '.join(map(repr, unknown))}; "
                f"this site's languages are {', '.join(languages)}"
            )
    if not value:
        raise ValueError("give the text in at least one language")
    return value


class Localized(RootModel[dict[str, NonEmpty]]):
    """A text per language; a missing language falls back to another one, with a visible note."""

    model_config = ConfigDict(frozen=True)

    @field_validator("root")
    @classmethod
    def _languages(cls, value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        return _check_languages(value, info)

    @property
    def texts(self) -> dict[str, str]:
        return self.root


ANY_LANGUAGE = "*"
"""Key of a `Name` written as a plain string: the same text in every language."""


class Name(RootModel[NonEmpty | dict[str, NonEmpty]]):
    """A name that may be the same in every language (a person), written as a plain string."""

    model_config = ConfigDict(frozen=True)

    @field_validator("root")
    @classmethod
    def _languages(cls, value: str | dict[str, str], info: ValidationInfo) -> str | dict[str, str]:
        return value if isinstance(value, str) else _check_languages(value, info)

    @property
    def texts(self) -> dict[str, str]:
        return {ANY_LANGUAGE: self.root} if isinstance(self.root, str) else self.root


class StrictModel(BaseModel):
    """A data object: unknown fields are errors (a misspelt field must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class StrategyStatus(str, Enum):
    draft = "draft"
    adopted = "adopted"


class Phase(str, Enum):
    investigation = "investigation"
    deployment = "deployment"
    continuous = "continuous"


class MeasureStatus(str, Enum):
    not_started = "not_started"
    in_progress = "in_progress"
    delayed = "delayed"
    completed = "completed"
    continuous = "continuous"
    cancelled = "cancelled"


class Municipality(StrictModel):
    name: Localized


class Organisation(StrictModel):
    name: Localized
    municipalities: list[Municipality] = Field(default_factory=list)


class Period(StrictModel):
    start: int = Field(ge=1900, le=2200)
    end: int = Field(ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class Adoption(StrictModel):
    body: Localized
    date: dt.date
    reference: str | None = None
    """The decision's reference, such as "§ 13"."""


class Contact(StrictModel):
    name: Name
    title: Localized | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    phone: str | None = None


class Vision(StrictModel):
    text: Localized
    year: int = Field(ge=1900, le=2200)


class Value(StrictModel):
    title: Localized
    text: Localized


class Report(StrictModel):
    """A dated progress report, such as the annual report to the council: a snapshot in time."""

    date: dt.date
    title: Localized
    summary: Localized | None = None
    """Markdown."""


class StrategyFile(StrictModel):
    """`data/strategy.yml`: the strategy as a whole."""

    title: Localized
    short_title: Localized
    organisation: Organisation
    period: Period
    status: StrategyStatus | None = None
    """Left out when the source does not say; the site then shows no status."""
    adoption: Adoption | None = None
    updated: dt.date
    owner: Localized
    contact: Contact | None = None
    vision: Vision
    values: list[Value] = Field(default_factory=list)
    as_of: dt.date | None = None
    """The date the site reports on ("now" on timelines); the newest report's date if left out."""
    reports: list[Report] = Field(default_factory=list)


class Theme(StrictModel):
    id: Slug
    title: Localized


class Goal(StrictModel):
    id: Slug
    number: int = Field(ge=1)
    title: Localized
    description: Localized | None = None
    """Markdown."""
    themes: list[Theme] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)


class GoalsFile(StrictModel):
    """`data/goals.yml`: the strategic goals in order."""

    goals: list[Goal] = Field(min_length=1)


class ScheduleEntry(StrictModel):
    period: Annotated[str, StringConstraints(pattern=PERIOD_PATTERN)]
    """`2025-spring`, `2026`, `2014 to 2016`, `2025-autumn to 2026-spring` or `2026 onwards`."""
    phase: Phase
    note: Localized | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _year_as_text(cls, value: Any) -> Any:
        # YAML reads `period: 2026` as a number; a whole year is a valid period.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _ordered(self) -> ScheduleEntry:
        span = self.span
        if span.end is not None and span.end.last < span.start.first:
            raise ValueError(f"the period '{self.period}' ends before it starts")
        return self

    @cached_property
    def span(self) -> Span:
        """The parsed period, computed once: timelines ask for it for every cell."""
        return parse_period(self.period)


class ProgressUpdate(StrictModel):
    """A dated note on how a measure is doing; the newest one up to a date gives its status."""

    date: dt.date
    status: MeasureStatus
    text: Localized | None = None


class DataPoint(StrictModel):
    year: int = Field(ge=1900, le=2200)
    value: float


class Direction(str, Enum):
    """Which way is better. Upper-case names: `lower` would shadow `str.lower`."""

    HIGHER = "higher"
    LOWER = "lower"


class Indicator(StrictModel):
    """A measured value followed over the years, with a baseline and a target."""

    id: Slug
    name: Localized
    unit: str = ""
    """Written after the value, such as "%" or "kpl"; may be empty."""
    direction: Direction
    baseline: DataPoint | None = None
    target: DataPoint | None = None
    values: list[DataPoint] = Field(default_factory=list)
    source: Localized | None = None
    illustrative: bool = False
    """True for demo values that the source document does not give (shown with a note)."""


class Measure(StrictModel):
    id: Slug
    goal: Slug
    theme: Slug | None = None
    title: Localized
    description: Localized | None = None
    """Markdown."""
    responsible: list[Name] = Field(default_factory=list)
    units: list[Localized] = Field(default_factory=list)
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    metric: Localized | None = None
    notes: Localized | None = None
    status: MeasureStatus | None = None
    """The status when no progress updates are given."""
    progress: list[ProgressUpdate] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    illustrative: bool = False
    """True when the schedule, status and progress are demo values the source does not give."""


class MeasuresFile(StrictModel):
    """`data/measures/*.yml`: measures, usually one file per goal."""

    measures: list[Measure] = Field(min_length=1)
