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

from .cli_texts import number_text, say
from .errors import ValueProblem, echo
from .yaml_lines import FieldPath

# Pydantic names the branch of a union it tried after its schema ("str", "dict[str,...]",
# "function-after[...]"), and marks an error in a mapping's key with "[key]"; editors never
# wrote either.
_UNION_BRANCH = re.compile(r"^(str|constrained-str|\[key\]|(dict|list|function-\w+)\[.*\])$")

_HINTED_FIELDS = ("period", "id", "goal", "theme", "email", "criteria")
"""Fields whose pattern has its own hint (`data_errors.hint.<field>` in `cli_texts`)."""


def _say(key: str, **values: Any) -> str:
    return say(f"data_errors.{key}", **values)


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
    """One sentence saying what is wrong and what was expected, in the chosen language."""
    kind = error["type"]
    path = field_path(error["loc"])
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    details = _Error(error.get("input"), dict(error.get("ctx") or {}), name)
    if kind == "extra_forbidden":
        return _say(
            "unknown_field", name=echo(name, quote=True), allowed=_allowed_fields(model, path)
        )
    expected = _EXPECTED.get(kind)
    if expected is not None and isinstance(details.given, dict | list):
        return _say(
            "expected_but_found", expected=expected(details), found=_describe(details.given)
        )
    words = _WORDS.get(kind)
    if words is not None:
        return words(details)
    return _say("general", value=details.shown)


def _pattern(e: _Error) -> str:
    hint = _say(f"hint.{e.name}" if e.name in _HINTED_FIELDS else "hint.other")
    return _say("pattern", value=e.shown, hint=hint)


def _value_error(e: _Error) -> str:
    """A finding of the schema's own checks: a message key and values, told here."""
    error = e.ctx.get("error")
    if isinstance(error, ValueProblem):
        return _say(error.key, **error.values)
    # Any other check's words (pydantic's own, a library's) as they were raised.
    return str(error or "") or _say("value_invalid")


def _range(e: _Error) -> str:
    for key in ("ge", "gt", "le", "lt"):
        if key in e.ctx:
            return _say(f"range_{key}", value=e.shown, limit=_number_text(e.ctx[key]))
    return _say("out_of_range", value=e.shown)


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_text(value) if isinstance(value, int) and abs(value) >= 100_000 else str(value)


def _too_short(e: _Error) -> str:
    least = e.ctx.get("min_length", 1)
    if least <= 1:
        return _say("list_empty")
    return _say("list_too_short", count=least)


def _string_too_long(e: _Error) -> str:
    length = len(e.given) if isinstance(e.given, str) else "?"
    return _say("text_too_long", length=length, limit=_number_text(e.ctx.get("max_length")))


def _schemes(e: _Error) -> str:
    return str(e.ctx.get("expected_schemes", "https:"))


def _choices(e: _Error) -> str:
    """Pydantic's list of allowed values ("'a', 'b' or 'c'") with "or" in the chosen language."""
    return str(e.ctx.get("expected", "")).replace("' or '", f"' {_say('or')} '")


def _describe(value: Any) -> str:
    if value is None:
        return _say("found.nothing")
    if isinstance(value, dict):
        return _say("found.fields")
    if isinstance(value, list):
        return _say("found.list")
    if isinstance(value, bool):
        return _say("found.yes_no", value=echo(value))
    if isinstance(value, int | float):
        return _say("found.number", value=echo(value))
    if isinstance(value, dt.date):
        return _say("found.date", value=echo(value))
    return echo(value, quote=True)


def _shown(key: str) -> Callable[[_Error], str]:
    """A sentence that repeats the editor's value."""
    return lambda e: _say(key, value=e.shown)


def _found(key: str) -> Callable[[_Error], str]:
    """A sentence that says what kind of value was found instead."""
    return lambda e: _say(key, found=_describe(e.given))


_WORDS: dict[str, Callable[[_Error], str]] = {
    "missing": lambda e: _say("missing"),
    "enum": lambda e: _say("not_allowed_use", value=e.shown, expected=_choices(e)),
    "literal_error": lambda e: _say("not_allowed_use", value=e.shown, expected=_choices(e)),
    "string_pattern_mismatch": _pattern,
    "int_type": _shown("not_whole_number"),
    "int_parsing": _shown("not_whole_number"),
    "int_from_float": _shown("leave_out_decimals"),
    "int_parsing_size": _shown("number_too_long"),
    "float_type": _shown("not_a_number"),
    "float_parsing": _shown("not_a_number"),
    "finite_number": _shown("not_ordinary_number"),
    "multiple_of": lambda e: _say("multiple_of", value=e.shown, step=e.ctx.get("multiple_of")),
    "bool_type": _shown("not_yes_no"),
    "bool_parsing": _shown("not_yes_no"),
    "date_type": _shown("not_a_date"),
    "date_parsing": _shown("not_a_date"),
    "date_from_datetime_parsing": _shown("not_a_date"),
    "date_from_datetime_inexact": _shown("not_a_date"),
    "date_not_real": _shown("not_real_date"),
    "datetime_type": _shown("not_a_date"),
    "datetime_parsing": _shown("not_a_date"),
    "string_type": _found("expected_text"),
    "string_unicode": _found("expected_text"),
    "string_too_short": lambda e: _say("text_empty"),
    "string_too_long": _string_too_long,
    "dict_type": _found("expected_fields"),
    "mapping_type": _found("expected_fields"),
    "model_type": _found("expected_fields"),
    "model_attributes_type": _found("expected_fields"),
    "invalid_key": lambda e: _say("field_name_word"),
    "list_type": _found("expected_list"),
    "tuple_type": _found("expected_list"),
    "set_type": _found("expected_list"),
    "iterable_type": _found("expected_list"),
    "too_short": _too_short,
    "too_long": lambda e: _say("list_too_long", count=e.ctx.get("max_length")),
    "greater_than": _range,
    "greater_than_equal": _range,
    "less_than": _range,
    "less_than_equal": _range,
    "none_required": lambda e: _say("leave_empty"),
    "value_error": _value_error,
    "assertion_error": _value_error,
    "url_type": _found("expected_address"),
    "url_parsing": _shown("not_complete_address"),
    "url_syntax_violation": _shown("not_complete_address"),
    "url_too_long": lambda e: _say("address_too_long"),
    "url_scheme": lambda e: _say("not_a_link", value=e.shown, schemes=_schemes(e)),
    "reserved_id": lambda e: _say(
        "reserved_id", value=e.shown, reserved=", ".join(e.ctx.get("reserved", []))
    ),
    "recursion_loop": lambda e: _say("refers_to_itself"),
    "union_tag_invalid": _shown("not_allowed"),
    "union_tag_not_found": lambda e: _say("missing_kind_field"),
}


def _expected(key: str) -> Callable[[_Error], str]:
    return lambda e: _say(f"expected.{key}")


# What a field takes, for an error whose input is a list or fields: echoing those reads badly.
_EXPECTED: dict[str, Callable[[_Error], str]] = {
    **dict.fromkeys(
        ["int_type", "int_parsing", "int_from_float", "int_parsing_size"],
        _expected("whole_number"),
    ),
    **dict.fromkeys(["float_type", "float_parsing", "finite_number"], _expected("number")),
    **dict.fromkeys(["bool_type", "bool_parsing"], _expected("yes_no")),
    **dict.fromkeys(
        ["date_type", "date_parsing", "date_from_datetime_parsing", "date_not_real"],
        _expected("date"),
    ),
    **dict.fromkeys(
        ["url_type", "url_parsing", "url_syntax_violation", "url_scheme"],
        _expected("address"),
    ),
    "enum": lambda e: _say("expected.one_of", expected=_choices(e)),
    "literal_error": lambda e: _say("expected.one_of", expected=_choices(e)),
}


def _allowed_fields(model: type[BaseModel], path: FieldPath) -> str:
    """List the fields allowed where the unknown one stands, by walking the schema."""
    current: Any = model
    for part in path[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return _say("see_documentation")
        current = _model_in(field.annotation)
    names = ", ".join(getattr(current, "model_fields", {}))
    return _say("allowed_fields", names=names) if names else _say("no_fields_allowed")


def _model_in(annotation: Any) -> Any:
    """The model class inside `list[Model]`, `Model | None` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
