"""The UI texts of generated pages, one table per language (`ui_texts/<lang>.yml`)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup, escape

LABELS_DIR = Path(__file__).parent / "ui_texts"


class Labels:
    """Looks up dotted keys (`measure.metric`) and formats them; plurals and dates via Babel."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._table = _load_table(language)
        self._locale = Locale.parse(language)

    def __call__(self, key: str, **values: Any) -> str:
        text = self._lookup(key)
        if not isinstance(text, str):
            raise KeyError(f"label '{key}' in {self.language}.yml is not a text")
        return text.format(**values) if values else text

    def plural(self, key: str, count: int) -> str:
        """The plural form of `key` that the language uses for `count` (CLDR rules via Babel)."""
        forms = self._lookup(key)
        form = self._locale.plural_form(count)
        return str(forms.get(form, forms["other"])).format(count=count)

    def date(self, value: dt.date) -> str:
        return format_date(value, format="long", locale=self._locale)

    def number(self, value: float, unit: str = "") -> str:
        """A value with the language's decimal comma and the unit after a space."""
        text = format_decimal(value, locale=self._locale)
        return f"{text}\u00a0{unit}" if unit else text

    def _lookup(self, key: str) -> Any:
        node: Any = self._table
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"label '{key}' is missing from {self.language}.yml")
            node = node[part]
        return node


@cache
def _load_table(language: str) -> dict[str, Any]:
    path = LABELS_DIR / f"{language}.yml"
    if not path.is_file():
        raise FileNotFoundError(f"no UI texts for language '{language}': {path} is missing")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class TemplateLabels:
    """`Labels` for templates: the result is Markup, the UI text escaped and each value escaped
    unless it already is Markup (a data text from the `t` filter).

    With plain `str.format`, an escaped data text (`R&amp;D`) would be escaped once more by
    the template's autoescape and shown as `R&amp;D`.
    """

    def __init__(self, labels: Labels) -> None:
        self._labels = labels

    def __call__(self, key: str, **values: Any) -> Markup:
        return escape(self._labels(key)).format(**values) if values else escape(self._labels(key))

    def plural(self, key: str, count: int) -> Markup:
        return escape(self._labels.plural(key, count))

    def date(self, value: dt.date) -> str:
        return self._labels.date(value)

    def number(self, value: float, unit: str = "") -> str:
        return self._labels.number(value, unit)
