"""The kinds of values Suunta's data holds, each with the bounds the site needs: years a
timeline can draw, numbers a chart can scale, real calendar dates, addresses that cannot run
script, ids that cannot overwrite the site's own pages.

Part of the one schema: `schema.py` and the other `*_schema.py` modules build the data files
from these types, so a bound is written once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .errors import ValueProblem

FIRST_YEAR, LAST_YEAR = 1900, 2200
"""Years a strategy, a schedule period or an indicator value may name."""

MAX_NUMBER = 10**15
"""Indicator values stay below this in size: larger ones cannot be formatted or charted."""

MAX_TEXT = 10_000
"""Characters in one text of one language: a long description fits, a pasted file does not."""

MAX_SHORT_TEXT = 300
"""Characters in a unit, a reference, a phone number and the like."""

RESERVED_IDS = frozenset({"index"})
"""Ids a goal or a measure may not have: the site's own pages use them as their address."""

MAX_ID_LENGTH = 80
"""Characters in an id: it is a folder name in the site's addresses."""

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=MAX_ID_LENGTH),
]
"""A stable id: lower-case letters, digits and single hyphens. Ids are the stable part of URLs."""


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise PydanticCustomError("reserved_id", "reserved id", {"reserved": sorted(RESERVED_IDS)})
    return value


PageId = Annotated[Slug, AfterValidator(_not_reserved)]
"""The id of a goal or a measure, which names its page: not one of `RESERVED_IDS`."""

MAX_MARKDOWN_NESTING = 20
"""Most list or quote markers a line may start with: Markdown recurses once per level."""

_DEEP_MARKERS = re.compile(
    rf"^[ \t]*(?:(?:[-*+>]|\d{{1,9}}[.)])[ \t]+){{{MAX_MARKDOWN_NESTING + 1},}}", re.MULTILINE
)


def _not_too_nested(text: str) -> str:
    """Refuses a line like '- - - - …', hundreds of nested lists: Markdown would crash on it."""
    if _DEEP_MARKERS.search(text):
        raise ValueProblem("too_many_markers", limit=MAX_MARKDOWN_NESTING)
    return text


NonEmpty = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_not_too_nested),
]

ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT_TEXT)]


def _not_yes_no(kind: str) -> Callable[[Any], Any]:
    """Refuses `true`/`yes` where a number belongs (pydantic would read it as 1)."""

    def check(value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticCustomError(kind, "a yes/no value is not a number")
        return value

    return check


Year = Annotated[int, BeforeValidator(_not_yes_no("int_type")), Field(ge=FIRST_YEAR, le=LAST_YEAR)]

WholeNumber = Annotated[int, BeforeValidator(_not_yes_no("int_type"))]


def _finite_and_bounded(value: float) -> float:
    """Checked here, not with `Field`, so that NaN is called not a number, not too small."""
    if not math.isfinite(value):
        raise PydanticCustomError("finite_number", "not a finite number")
    if value >= MAX_NUMBER:
        raise PydanticCustomError("less_than", "too large", {"lt": MAX_NUMBER})
    if value <= -MAX_NUMBER:
        raise PydanticCustomError("greater_than", "too small", {"gt": -MAX_NUMBER})
    return value


Number = Annotated[
    float, BeforeValidator(_not_yes_no("float_type")), AfterValidator(_finite_and_bounded)
]
"""A finite number small enough to format and chart."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _real_date(value: Any) -> dt.date:
    """Only a date as written in YAML or as 'YYYY-MM-DD' text: not a year, a time or a number.

    Pydantic alone would read `0` as 1970-01-01 (Unix time).
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_not_real", "not a real date") from None
    raise PydanticCustomError("date_type", "not a date")


Date = Annotated[dt.date, BeforeValidator(_real_date)]
"""Every date of the data: a real calendar day, written YYYY-MM-DD."""

# A plain address: no quotes, angle brackets or spaces that could break a mailto: link.
EMAIL_PATTERN = r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$"

Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=254)]

_EMAIL = re.compile(EMAIL_PATTERN)

_NOT_IN_ADDRESSES = frozenset('<>"`\\{}|^')
"""Characters a web address never holds unescaped (RFC 3986); they hint at pasted markup."""


def _address(schemes: tuple[str, ...]) -> Callable[[str], str]:
    """A check that a link is an absolute address with one of `schemes`, nothing else."""

    def check(value: str) -> str:
        context = {"expected_schemes": ", ".join(f"{s}:" for s in schemes)}
        if any(c.isspace() or not c.isprintable() or c in _NOT_IN_ADDRESSES for c in value):
            raise PydanticCustomError("url_syntax_violation", "space in address", context)
        parts = urlsplit(value)
        scheme = parts.scheme.lower()
        if scheme not in schemes:
            raise PydanticCustomError("url_scheme", "scheme not allowed", context)
        if scheme == "mailto" and not _EMAIL.match(parts.path):
            raise PydanticCustomError("url_parsing", "not a complete address", context)
        if scheme != "mailto" and (not parts.netloc or value[len(scheme) :][:3] != "://"):
            raise PydanticCustomError("url_parsing", "not a complete address", context)
        return value

    return check


WebAddress = Annotated[
    str, StringConstraints(max_length=2000), AfterValidator(_address(("https", "http")))
]
"""A web page's address, https: or http:."""

LinkAddress = Annotated[
    str, StringConstraints(max_length=2000), AfterValidator(_address(("https", "http", "mailto")))
]
"""An address for a link where an e-mail link (mailto:) also makes sense."""


def _inside_docs(value: str) -> str:
    """Refuses a `file` that is not a path inside `docs/`: an address (`javascript:…`), a
    path from the root or with backslashes, or one that climbs out (`../`). A colon further
    on (`files/Liite: talous.pdf`) is a file name; `urls.file_url` keeps it from reading as
    an address when the folders before it drop out of a page's link."""
    parts = value.split("/")
    if (
        not value
        or value.startswith("/")
        or ":" in parts[0]
        or ".." in parts
        or any(not c.isprintable() or c in _NOT_IN_ADDRESSES for c in value)
    ):
        raise ValueProblem("not_a_docs_file", value=value)
    return value


DocsFile = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=MAX_SHORT_TEXT),
    AfterValidator(_inside_docs),
]
"""A file in the docs tree, written from `docs/` (`files/appendix-1.pdf`), linked from pages."""
