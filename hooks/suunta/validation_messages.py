"""Turns pydantic's validation errors into sentences for people who edit YAML, not Python.

Every error type the schema can produce has its own sentence here; an unexpected one gets a
plain general sentence, never pydantic's own wording ("Input should be ...").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .errors import echo
from .yaml_lines import FieldPath

# Pydantic names the branch of a union it tried after its schema ("str", "dict[str,...]",
# "function-after[...]"), and marks an error in a mapping's key with "[key]"; editors never
# wrote either.
_UNION_BRANCH = re.compile(r"^(str|constrained-str|\[key\]|(dict|list|function-\w+)\[.*\])$")

_FIELD_HINTS = {
    "period": (
        "write a half-year as 2025-spring or 2025-autumn, a whole year as 2026, "
        "a range as '2014 to 2016' or '2025-autumn to 2026-spring', or '2026 onwards'"
    ),
    "id": "use lower-case letters a-z, digits and single hyphens, such as 'open-data-portal'",
    "goal": "give the id of a goal in goals.yml, such as 'ict-foundation'",
    "theme": "give the id of a theme of the measure's goal",
    "email": "give a plain e-mail address such as 'name@example.fi', with no spaces or quotes",
    "criteria": "give a WCAG success criterion such as '1.4.3'",
}

_DATE = "write dates as YYYY-MM-DD, such as 2025-06-30"
_NUMBER = "write a number such as 42 or 3.5"
_ADDRESS = "write the full address, such as https://www.example.fi/feedback, with no spaces"


@dataclass(frozen=True)
class _Error:
    """What a sentence needs from one pydantic error."""

    given: Any
    ctx: dict[str, Any]
    name: str
    """The field's name (the last name in its path)."""

    @property
    def shown(self) -> str:
        return echo(self.given, quote=True)


def field_path(loc: tuple[int | str, ...]) -> FieldPath:
    """The path as the editor wrote it, without pydantic's internal branch names."""
    return tuple(part for part in loc if isinstance(part, int) or not _UNION_BRANCH.match(part))


def format_path(path: FieldPath) -> str:
    """`('measures', 2, 'title')` becomes `measures[3].title` (counting items from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            name = echo(part)
            text += f".{name}" if text else name
    return text


def plain_message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One sentence saying what is wrong and what was expected."""
    kind = error["type"]
    path = field_path(error["loc"])
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    details = _Error(error.get("input"), dict(error.get("ctx") or {}), name)
    if kind == "extra_forbidden":
        return (
            f"unknown field {echo(name, quote=True)}; check its spelling "
            f"({_allowed_fields(model, path)})"
        )
    expected = _EXPECTED.get(kind)
    if expected is not None and isinstance(details.given, dict | list):
        return f"expected {expected(details)}, but found {_describe(details.given)}"
    words = _WORDS.get(kind)
    if words is not None:
        return words(details)
    return (
        f"{details.shown} cannot be used here; see 'For editors' in README.md for what this "
        "field takes"
    )


def _pattern(e: _Error) -> str:
    hint = _FIELD_HINTS.get(e.name, "check how this field is written in the other entries")
    return f"{e.shown} is not valid: {hint}"


def _value_error(e: _Error) -> str:
    # Raised by the schema's own checks, which word their messages for editors.
    return str(e.ctx.get("error", "")) or "this value is not valid here"


def _range(e: _Error) -> str:
    for key, words in (
        ("ge", "at least"),
        ("gt", "more than"),
        ("le", "at most"),
        ("lt", "less than"),
    ):
        if key in e.ctx:
            limit = _number_text(e.ctx[key])
            size = "small" if key in ("ge", "gt") else "large"
            return f"{e.shown} is too {size}; it must be {words} {limit}"
    return f"{e.shown} is out of range"


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) and abs(value) >= 100_000 else str(value)


def _too_short(e: _Error) -> str:
    least = e.ctx.get("min_length", 1)
    if least <= 1:
        return "the list is empty; give at least one item"
    return f"the list is too short; give at least {least} items"


def _too_long(e: _Error) -> str:
    return f"the list is too long; give at most {e.ctx.get('max_length')} items"


def _string_too_long(e: _Error) -> str:
    length = len(e.given) if isinstance(e.given, str) else "too many"
    return (
        f"the text is too long ({length} characters); at most "
        f"{_number_text(e.ctx.get('max_length'))} characters are allowed here"
    )


def _schemes(e: _Error) -> str:
    return str(e.ctx.get("expected_schemes", "https:"))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the yes/no value {echo(value)}; put it in quotes to use it as text"
    if isinstance(value, int | float):
        return f"the number {echo(value)}; put it in quotes to use it as text"
    if isinstance(value, dt.date):
        return f"the date {echo(value)}; put it in quotes to use it as text"
    return echo(value, quote=True)


_WORDS: dict[str, Callable[[_Error], str]] = {
    "missing": lambda e: "this field is required but missing",
    "enum": lambda e: f"{e.shown} is not allowed here; use one of: {e.ctx.get('expected', '')}",
    "literal_error": lambda e: (
        f"{e.shown} is not allowed here; use one of: {e.ctx.get('expected', '')}"
    ),
    "string_pattern_mismatch": _pattern,
    "int_type": lambda e: f"{e.shown} is not a whole number; write digits only, such as 2026",
    "int_parsing": lambda e: f"{e.shown} is not a whole number; write digits only, such as 2026",
    "int_from_float": lambda e: f"{e.shown} is not a whole number; leave out the decimals",
    "int_parsing_size": lambda e: f"{e.shown} is far too long to be a number here",
    "float_type": lambda e: f"{e.shown} is not a number; {_NUMBER}",
    "float_parsing": lambda e: f"{e.shown} is not a number; {_NUMBER}",
    "finite_number": lambda e: f"{e.shown} is not an ordinary number; {_NUMBER}",
    "multiple_of": lambda e: f"{e.shown} must be a multiple of {e.ctx.get('multiple_of')}",
    "bool_type": lambda e: f"{e.shown} is not a yes/no value; write true or false",
    "bool_parsing": lambda e: f"{e.shown} is not a yes/no value; write true or false",
    "date_type": lambda e: f"{e.shown} is not a date; {_DATE}",
    "date_parsing": lambda e: f"{e.shown} is not a date; {_DATE}",
    "date_from_datetime_parsing": lambda e: f"{e.shown} is not a date; {_DATE}",
    "date_from_datetime_inexact": lambda e: f"{e.shown} is not a date; {_DATE}",
    "date_not_real": lambda e: f"{e.shown} is not a real date; check the day and the month",
    "datetime_type": lambda e: f"{e.shown} is not a date; {_DATE}",
    "datetime_parsing": lambda e: f"{e.shown} is not a date; {_DATE}",
    "string_type": lambda e: f"expected a text, but found {_describe(e.given)}",
    "string_unicode": lambda e: f"expected a text, but found {_describe(e.given)}",
    "string_too_short": lambda e: "the text is empty",
    "string_too_long": _string_too_long,
    "dict_type": lambda e: f"expected fields (name: value lines), but found {_describe(e.given)}",
    "mapping_type": lambda e: (
        f"expected fields (name: value lines), but found {_describe(e.given)}"
    ),
    "model_type": lambda e: f"expected fields (name: value lines), but found {_describe(e.given)}",
    "model_attributes_type": lambda e: (
        f"expected fields (name: value lines), but found {_describe(e.given)}"
    ),
    "invalid_key": lambda e: "a field name must be a word",
    "list_type": lambda e: (
        f"expected a list (lines starting with '- '), but found {_describe(e.given)}"
    ),
    "tuple_type": lambda e: (
        f"expected a list (lines starting with '- '), but found {_describe(e.given)}"
    ),
    "set_type": lambda e: (
        f"expected a list (lines starting with '- '), but found {_describe(e.given)}"
    ),
    "iterable_type": lambda e: (
        f"expected a list (lines starting with '- '), but found {_describe(e.given)}"
    ),
    "too_short": _too_short,
    "too_long": _too_long,
    "greater_than": _range,
    "greater_than_equal": _range,
    "less_than": _range,
    "less_than_equal": _range,
    "none_required": lambda e: "leave this field empty",
    "value_error": _value_error,
    "assertion_error": _value_error,
    "url_type": lambda e: f"expected a web address, but found {_describe(e.given)}",
    "url_parsing": lambda e: f"{e.shown} is not a complete web address; {_ADDRESS}",
    "url_syntax_violation": lambda e: f"{e.shown} is not a complete web address; {_ADDRESS}",
    "url_too_long": lambda e: "the web address is too long; give a shorter address",
    "url_scheme": lambda e: (
        f"{e.shown} cannot be a link here; write a full address starting with {_schemes(e)}, "
        "such as https://www.example.fi/"
    ),
    "reserved_id": lambda e: (
        f"{e.shown} cannot be an id: the site's own pages use it; choose another id "
        f"(not {', '.join(e.ctx.get('reserved', []))})"
    ),
    "recursion_loop": lambda e: "this value refers to itself; write it out in full",
    "union_tag_invalid": lambda e: f"{e.shown} is not allowed here",
    "union_tag_not_found": lambda e: "this value is missing a field that tells its kind",
}


def _one_of(e: _Error) -> str:
    return f"one of: {e.ctx.get('expected', '')}"


# What a field takes, for an error whose input is a list or fields: echoing those reads badly.
_EXPECTED: dict[str, Callable[[_Error], str]] = {
    **dict.fromkeys(
        ["int_type", "int_parsing", "int_from_float", "int_parsing_size"],
        lambda e: "a whole number",
    ),
    **dict.fromkeys(["float_type", "float_parsing", "finite_number"], lambda e: "a number"),
    **dict.fromkeys(["bool_type", "bool_parsing"], lambda e: "a yes/no value (true or false)"),
    **dict.fromkeys(
        ["date_type", "date_parsing", "date_from_datetime_parsing", "date_not_real"],
        lambda e: "a date (YYYY-MM-DD)",
    ),
    **dict.fromkeys(
        ["url_type", "url_parsing", "url_syntax_violation", "url_scheme"],
        lambda e: "a web address",
    ),
    "enum": _one_of,
    "literal_error": _one_of,
}


def _allowed_fields(model: type[BaseModel], path: FieldPath) -> str:
    """List the fields allowed where the unknown one stands, by walking the schema."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return "see the documentation for the allowed fields"
        current = _model_in(field.annotation)
    names = ", ".join(getattr(current, "model_fields", {}))
    return f"allowed fields here: {names}" if names else "no fields are allowed here"


def _model_in(annotation: Any) -> Any:
    """The model class inside `list[Model]`, `Model | None` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
