"""The one schema of Suunta's data files: every field name lives here and nowhere else.

Texts a reader sees are `Localized`: a mapping from language code to text. Which language
codes are allowed is not known here; it comes from the site configuration and is passed in
the validation context (`{"languages": [...]}`), so adding a language needs no code change.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cached_property
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .errors import ValueProblem, echo
from .schedule import PERIOD_PATTERN, Span, parse_period
from .value_types import (
    FIRST_YEAR,
    LAST_YEAR,
    Date,
    Email,
    NonEmpty,
    Number,
    PageId,
    ShortText,
    Slug,
    WebAddress,
    WholeNumber,
    Year,
)


def _check_languages(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    languages = (info.context or {}).get("languages")
    if languages:
        unknown = [code for code in value if code not in languages]
        if unknown:
            raise ValueProblem(
                "unknown_languages",
                codes=", ".join(echo(code, quote=True) for code in unknown[:5]),
                languages=", ".join(languages),
            )
    if not value:
        raise ValueProblem("no_language")
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
    id: PageId | None = None
    """Names the municipality's page and embeddable list (`/embed/<id>.fi.html`); made from its
    name in the default language when left out (Hämeenkyrö: `hameenkyro`)."""


class Organisation(StrictModel):
    name: Localized
    municipalities: list[Municipality] = Field(default_factory=list)


class Period(StrictModel):
    start: Year
    end: Year | None = None
    """Left out for an open-ended strategy (a programme "from 2014 on")."""

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end is not None and self.end < self.start:
            raise ValueProblem("period_ends_first", start=self.start, end=self.end)
        return self


class Adoption(StrictModel):
    body: Localized
    date: Date
    reference: ShortText | None = None
    """The decision's reference, such as "§ 13"."""


class Contact(StrictModel):
    name: Name
    title: Localized | None = None
    email: Email | None = None
    phone: ShortText | None = None


class Vision(StrictModel):
    text: Localized
    """Markdown."""
    year: Year | None = None
    """The year the vision looks to ("visio 2040"), when the document names one."""


class Value(StrictModel):
    title: Localized
    text: Localized


class Report(StrictModel):
    """A dated progress report, such as the annual report to the council: a snapshot in time."""

    date: Date
    title: Localized
    summary: Localized | None = None
    """Markdown."""


TermWords = dict[
    str, Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
]
"""A level's name in one language: form (`short`, `genitive` ...) to word."""


class Terms(StrictModel):
    """The strategy's own words for its two levels, per language and grammatical form.

    Which forms a language needs is set by its UI texts (`ui_texts/<lang>.yml`, `terms:`);
    the loader checks that every form is given.
    """

    goal: dict[str, TermWords] | None = None
    measure: dict[str, TermWords] | None = None


class Licence(StrictModel):
    name: Name
    """Such as "CC BY 4.0"; the same in every language when written as plain text."""
    url: WebAddress


class OpenData(StrictModel):
    """How the site's open data files are published; CC BY 4.0 when no licence is given."""

    licence: Licence | None = None


class StrategyFile(StrictModel):
    """`data/strategy.yml`: the strategy as a whole."""

    title: Localized
    short_title: Localized | None = None
    """For breadcrumbs; the title when left out."""
    organisation: Organisation
    period: Period
    status: StrategyStatus | None = None
    """Left out when the source does not say; the site then shows no status."""
    adoption: Adoption | None = None
    updated: Date | None = None
    """The date the data was last checked; the pages' date (sitemap) when given."""
    owner: Localized | None = None
    contact: Contact | None = None
    vision: Vision | None = None
    values: list[Value] = Field(default_factory=list)
    values_title: Localized | None = None
    """What the document calls its values ("Arvolupaukset"); "Arvot" / "Värderingar" if left out."""
    terms: Terms | None = None
    """The strategy's own words for its levels (painopistealue, delstrategi, riktlinje ...)."""
    as_of: Date | None = None
    """The date the site reports on ("now" on timelines); the newest report's date if left out."""
    reports: list[Report] = Field(default_factory=list)
    open_data: OpenData | None = None


class Theme(StrictModel):
    id: Slug
    title: Localized


class Goal(StrictModel):
    id: PageId
    number: WholeNumber = Field(ge=1)
    title: Localized
    description: Localized | None = None
    """Markdown."""
    themes: list[Theme] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)


class GoalsFile(StrictModel):
    """`data/goals.yml`: the strategic goals in order."""

    goals: list[Goal] = Field(min_length=1)


def _period_as_text(value: Any) -> Any:
    # YAML reads `period: 2026` as a number; a whole year is a valid period.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _period_valid(value: str) -> str:
    span = parse_period(value)
    years = [span.start.year, *([span.end.year] if span.end else [])]
    if any(not FIRST_YEAR <= year <= LAST_YEAR for year in years):
        raise ValueProblem("period_year_outside", period=value, first=FIRST_YEAR, last=LAST_YEAR)
    if span.end is not None and span.end.last < span.start.first:
        raise ValueProblem("period_reversed", period=value)
    return value


_PERIOD_JSON_SCHEMA = {
    # What editors' tools (VS Code via `suunta schema`) check; the pattern without Python's
    # group names, which JSON Schema's regular expressions do not know.
    "anyOf": [
        {"type": "string", "pattern": re.sub(r"\?P<\w+>", "", PERIOD_PATTERN)},
        {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
    ]
}

PeriodText = Annotated[
    str,
    BeforeValidator(_period_as_text),
    StringConstraints(pattern=PERIOD_PATTERN),
    AfterValidator(_period_valid),
    WithJsonSchema(_PERIOD_JSON_SCHEMA),
]
"""`2025-spring`, `2026`, `2014 to 2016`, `2025-autumn to 2026-spring` or `2026 onwards`."""


class ScheduleEntry(StrictModel):
    period: PeriodText
    phase: Phase | None = None
    """Left out when the document gives only the period."""
    note: Localized | None = None

    @cached_property
    def span(self) -> Span:
        """The parsed period, computed once: timelines ask for it for every cell."""
        return parse_period(self.period)


class ProgressUpdate(StrictModel):
    """A dated note on how a measure is doing; the newest one up to a date gives its status."""

    date: Date
    status: MeasureStatus
    text: Localized | None = None


class DataPoint(StrictModel):
    year: Year
    value: Number


class Direction(str, Enum):
    """Which way is better. Upper-case names: `lower` would shadow `str.lower`."""

    HIGHER = "higher"
    LOWER = "lower"


class Indicator(StrictModel):
    """A measured value followed over the years, with a baseline and a target."""

    id: Slug
    name: Localized
    unit: ShortText = ""
    """Written after the value, such as "%" or "kpl"; may be empty."""
    direction: Direction
    baseline: DataPoint | None = None
    target: DataPoint | None = None
    values: list[DataPoint] = Field(default_factory=list)
    source: Localized | None = None
    illustrative: bool = False
    """True for demo values that the source document does not give (shown with a note)."""

    @model_validator(mode="after")
    def _has_data(self) -> Indicator:
        if not (self.values or self.baseline or self.target):
            raise ValueProblem("indicator_no_numbers")
        return self


class Task(StrictModel):
    """A sub-item of a measure (a project under an e-services item, a task of a target)."""

    title: Localized
    period: PeriodText | None = None
    status: MeasureStatus | None = None

    @cached_property
    def span(self) -> Span | None:
        return parse_period(self.period) if self.period else None


class Measure(StrictModel):
    id: PageId
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
    tasks: list[Task] = Field(default_factory=list)
    """Sub-items of the measure, each with an optional period and status."""
    municipalities: list[NonEmpty] = Field(default_factory=list)
    """The member municipalities the measure concerns, by id or name as in `strategy.yml`'s
    `organisation.municipalities`; left out when it concerns the whole region."""
    illustrative: bool = False
    """True when the schedule, status, progress and municipalities are demo values the source
    does not give."""


class MeasuresFile(StrictModel):
    """`data/measures/*.yml`: measures, usually one file per goal."""

    measures: list[Measure] = Field(min_length=1)
