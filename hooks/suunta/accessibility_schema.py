"""The schema of `data/accessibility.yml`: the facts of the accessibility statement.

Part of the one schema (`schema.py` holds the strategy's own files); split out because the
statement follows the law of a country rather than the strategy's structure.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .errors import ValueProblem
from .schema import Localized, StrictModel
from .value_types import Date, Email, LinkAddress, ShortText, WebAddress


class Country(str, Enum):
    """The country whose law the accessibility statement follows (not the page's language)."""

    FI = "FI"
    SE = "SE"


class Conformance(str, Enum):
    full = "full"
    partial = "partial"
    none = "none"


class IssueReason(str, Enum):
    """Why content is not accessible, as the EU model statement distinguishes."""

    non_compliance = "non_compliance"
    disproportionate_burden = "disproportionate_burden"
    out_of_scope = "out_of_scope"


class KnownIssue(StrictModel):
    description: Localized
    criteria: list[Annotated[str, StringConstraints(pattern=r"^\d\.\d{1,2}\.\d{1,2}$")]] = Field(
        default_factory=list
    )
    """WCAG success criteria, such as "1.4.3"."""
    reason: IssueReason = IssueReason.non_compliance
    fix: Localized | None = None
    """What is done about it and when."""


class Enforcement(StrictModel):
    """The supervising authority; the country's default is used when this is left out."""

    name: Localized
    url: WebAddress
    report_url: WebAddress | None = None
    """The authority's own form for reporting a site (Digg asks statements to link to it)."""
    email: Email | None = None
    phone: ShortText | None = None


class Feedback(StrictModel):
    name: Localized
    """Who receives feedback, such as the communications unit."""
    email: Email | None = None
    url: LinkAddress | None = None
    phone: ShortText | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Feedback:
        if not (self.email or self.url or self.phone):
            raise ValueProblem("feedback_unreachable")
        return self


class AccessibilityFile(StrictModel):
    """`data/accessibility.yml`: the facts of the accessibility statement."""

    country: Country
    conformance: Conformance
    standard: ShortText = "WCAG 2.1 AA"
    prepared: Date
    reviewed: Date
    method: Localized
    """How the site was assessed (self-assessment, a third party, tools)."""
    feedback: Feedback
    known_issues: list[KnownIssue] = Field(default_factory=list)
    enforcement: Enforcement | None = None

    @model_validator(mode="after")
    def _ordered(self) -> AccessibilityFile:
        if self.reviewed < self.prepared:
            raise ValueProblem("reviewed_before_prepared")
        return self
