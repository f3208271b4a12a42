"""Turns pydantic's validation errors into sentences for people who edit YAML, not Python."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .yaml_lines import FieldPath

# Pydantic names the branch of a union it tried ("str", "dict[str,...]"); editors never wrote it.
_UNION_BRANCHES = ("str", "dict[str,constrained-str]", "constrained-str")

_FIELD_HINTS = {
    "period": (
        "write a half-year as 2025-spring or 2025-autumn, a whole year as 2026, "
        "a range as '2014 to 2016' or '2025-autumn to 2026-spring', or '2026 onwards'"
    ),
    "id": "use lower-case letters a-z, digits and single hyphens, such as 'open-data-portal'",
    "goal": "give the id of a goal in goals.yml, such as 'ict-foundation'",
    "theme": "give the id of a theme of the measure's goal",
    "email": "give an e-mail address such as 'name@example.fi'",
}


def field_path(loc: tuple[int | str, ...]) -> FieldPath:
    """The path as the editor wrote it, without pydantic's internal branch names."""
    return tuple(part for part in loc if part not in _UNION_BRANCHES)


def format_path(path: FieldPath) -> str:
    """`('measures', 2, 'title')` becomes `measures[3].title` (counting items from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def plain_message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """One sentence saying what is wrong and what was expected."""
    kind = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    given = error.get("input")
    path = field_path(error["loc"])
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return f"unknown field '{name}'; check its spelling ({_allowed_fields(model, path)})"
    if kind == "enum":
        return f"'{given}' is not allowed here; use one of: {ctx.get('expected', '')}"
    if kind == "string_pattern_mismatch":
        hint = _FIELD_HINTS.get(name, f"it must match {ctx.get('pattern')}")
        return f"'{given}' is not valid: {hint}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"'{given}' is not a whole number"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"'{given}' is not a date; write dates as YYYY-MM-DD, such as 2025-06-30"
    if kind in {"string_type"}:
        return f"expected a text, but found {_describe(given)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected fields (name: value lines), but found {_describe(given)}"
    if kind == "list_type":
        return f"expected a list (lines starting with '- '), but found {_describe(given)}"
    if kind == "too_short":
        return "the list is empty; give at least one item"
    if kind == "string_too_short":
        return "the text is empty"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"{given} is out of range ({error['msg'].lower()})"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


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
