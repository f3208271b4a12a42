"""What the command line says to an editor, one table per language (`<lang>.yml` here).

Editors are not programmers and many read Finnish or Swedish first: every message the `suunta`
command prints comes from these tables (English, Finnish, Swedish), chosen with `--lang`,
else `SUUNTA_LANG`, else the site's default language. Keys are dotted (`import.summary`);
values are `str.format` templates.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal

TEXTS_DIR = Path(__file__).parent
LANGUAGES = ("en", "fi", "sv")
FALLBACK = "en"
ENV_VARIABLE = "SUUNTA_LANG"

_chosen: list[str] = [FALLBACK]


def choose_language(requested: str | None, site_default: str | None = None) -> str:
    """Set the language of messages: the editor's choice, else the environment, else the site's."""
    for given in (requested, os.environ.get(ENV_VARIABLE), site_default):
        candidate = _language_code(given)
        if candidate in LANGUAGES:
            _chosen[0] = candidate
            return candidate
    _chosen[0] = FALLBACK
    return FALLBACK


def _language_code(given: str | None) -> str:
    """`FI`, `sv-SE` and `fi_FI.UTF-8` (as a locale setting is written) name fi and sv too."""
    return (given or "").split(".")[0].replace("-", "_").split("_")[0].lower()


def current_language() -> str:
    return _chosen[0]


def say(key: str, **values: Any) -> str:
    """The message `key` in the chosen language, with `values` filled in."""
    template = _lookup(_chosen[0], key)
    if template is None:
        template = _lookup(FALLBACK, key)
    if template is None:
        raise KeyError(f"no command-line text '{key}'")
    return template.format(**values)


def number_text(value: int) -> str:
    """A large number as the chosen language groups its digits: 250,000 or 250 000."""
    return format_decimal(value, locale=_chosen[0])


def _lookup(language: str, key: str) -> str | None:
    node: Any = load_table(language)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, str) else None


@cache
def load_table(language: str) -> dict[str, Any]:
    with (TEXTS_DIR / f"{language}.yml").open(encoding="utf-8") as handle:
        table = yaml.safe_load(handle) or {}
    if not isinstance(table, dict):
        raise ValueError(f"{language}.yml: expected a mapping of message keys")
    return table
