"""The schema of `data/document.yml`: the strategy document beyond goals and measures.

Part of the one schema (`schema.py` holds the strategy's own files). Every section is
optional: a real document has some of them, and the site shows only those it has, each with
its own page, never an empty heading.
"""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from .errors import ValueProblem
from .schema import Localized, StrictModel
from .value_types import Date, DocsFile, Number, ShortText, WebAddress, WholeNumber


class Definition(StrictModel):
    """A term of the document and what it means (shown as a description list)."""

    term: Localized
    explanation: Localized
    """Markdown."""


class Swot(StrictModel):
    strengths: list[Localized] = Field(default_factory=list)
    weaknesses: list[Localized] = Field(default_factory=list)
    opportunities: list[Localized] = Field(default_factory=list)
    threats: list[Localized] = Field(default_factory=list)


class SelfAssessment(StrictModel):
    """How well the previous strategy was reached, as the document scores it ("2,5 / 5")."""

    score: Number = Field(ge=0)
    scale: WholeNumber = Field(ge=1)
    text: Localized | None = None
    """Markdown: what the score means or how it was reached."""

    @model_validator(mode="after")
    def _within_scale(self) -> SelfAssessment:
        if self.score > self.scale:
            raise ValueProblem("score_above_scale", score=self.score, scale=self.scale)
        return self


class Finding(StrictModel):
    """A group of observations, such as the successes or the challenges of the last period."""

    title: Localized
    items: list[Localized] = Field(min_length=1)


class CurrentState(StrictModel):
    """Current-state analysis (nykytilan analyysi / nulägesanalys)."""

    text: Localized | None = None
    """Markdown."""
    self_assessment: SelfAssessment | None = None
    findings: list[Finding] = Field(default_factory=list)
    swot: Swot | None = None


class Influence(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


class StakeholderGroup(StrictModel):
    title: Localized
    influence: Influence | None = None
    role: Localized | None = None
    """What the group does for the strategy, such as deciding or supporting."""
    members: list[Localized] = Field(default_factory=list)
    engagement: list[Localized] = Field(default_factory=list)
    """How the group is engaged or informed."""


class Stakeholders(StrictModel):
    text: Localized | None = None
    """Markdown."""
    groups: list[StakeholderGroup] = Field(min_length=1)


class TitledText(StrictModel):
    """A short titled item: a content item of the communications plan, a way of engaging."""

    title: Localized
    text: Localized | None = None
    """Markdown."""


class Channel(StrictModel):
    audience: Localized
    channel: Localized


class Communications(StrictModel):
    """The communications plan (viestintäsuunnitelma / kommunikationsplan)."""

    text: Localized | None = None
    """Markdown."""
    aims: list[Localized] = Field(default_factory=list)
    content: list[TitledText] = Field(default_factory=list)
    responsibilities: list[TitledText] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    feedback: list[Localized] = Field(default_factory=list)
    """Feedback channels."""


class FollowUp(StrictModel):
    who: Localized | None = None
    frequency: Localized | None = None
    reports_to: Localized | None = None
    review: Localized | None = None
    """When and how the strategy itself is reviewed."""


class Role(StrictModel):
    """A role the document defines, such as system owner, with its duties."""

    title: Localized
    text: Localized | None = None
    """Markdown."""
    duties: list[Localized] = Field(default_factory=list)


class Governance(StrictModel):
    """Governance and follow-up: who follows up, how often, to whom; roles and duties."""

    text: Localized | None = None
    """Markdown."""
    follow_up: FollowUp | None = None
    roles: list[Role] = Field(default_factory=list)


class Guideline(StrictModel):
    """A numbered statement (riktlinje, periaate) with its explanation."""

    number: ShortText
    title: Localized
    text: Localized | None = None
    """Markdown."""


class DevelopmentTarget(StrictModel):
    """A prioritised development target with its tasks."""

    priority: WholeNumber = Field(ge=1)
    title: Localized
    description: Localized | None = None
    """Markdown."""
    tasks: list[Localized] = Field(default_factory=list)


class Appendix(StrictModel):
    """An appendix or a related document: a file in `docs/` or a web address."""

    title: Localized
    description: Localized | None = None
    """Markdown."""
    file: DocsFile | None = None
    """A path inside `docs/`, such as `files/appendix-1.pdf`."""
    url: WebAddress | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Appendix:
        if self.file and self.url:
            raise ValueProblem("file_and_url")
        return self


class Edition(StrictModel):
    """An earlier edition of the strategy, so residents can still find it."""

    title: Localized
    period: ShortText | None = None
    """Such as "2017–2022"."""
    url: WebAddress | None = None
    file: DocsFile | None = None


class Section(StrictModel):
    """A free section of the document (background, financing, co-operation ...)."""

    id: ShortText = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: Localized
    text: Localized
    """Markdown."""


class DocumentDates(StrictModel):
    drafted: Date | None = None
    valid_from: Date | None = None
    valid_to: Date | None = None


class DocumentFile(StrictModel):
    """`data/document.yml`: every part of the strategy document besides goals and measures."""

    introduction: Localized | None = None
    """Markdown: the purpose of the document."""
    summary: Localized | None = None
    """Markdown."""
    sections: list[Section] = Field(default_factory=list)
    definitions: list[Definition] = Field(default_factory=list)
    current_state: CurrentState | None = None
    stakeholders: Stakeholders | None = None
    communications: Communications | None = None
    governance: Governance | None = None
    guidelines: list[Guideline] = Field(default_factory=list)
    development_targets: list[DevelopmentTarget] = Field(default_factory=list)
    projects: list[TitledText] = Field(default_factory=list)
    """Major projects that shape the strategy's implementation."""
    appendices: list[Appendix] = Field(default_factory=list)
    dates: DocumentDates | None = None
    previous_editions: list[Edition] = Field(default_factory=list)
