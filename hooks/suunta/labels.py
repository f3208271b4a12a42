"""The UI texts of generated pages, one table per language (`ui_texts/<lang>.yml`).

The names of the strategy's levels (goal, measure) are the strategy's own words: a UI text
writes `{goal.short}` or `{Measure.many}` (capitalised), and the forms come from the data's
`terms`, or from the language's defaults under `terms:` in its table. Each language declares
the grammatical forms its texts need (Finnish cases, Swedish definite forms).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal
from markupsafe import Markup, escape

LABELS_DIR = Path(__file__).parent / "ui_texts"
TERMS_KEY = "terms"
LEVELS = ("goal", "measure")
"""The levels whose names a strategy may choose."""

TermOverrides = Mapping[str, Mapping[str, str]]
"""Per level (`goal`), the word in each form (`{"short": "painopistealue", ...}`)."""


class TermForms:
    """A level's name in the forms a language's UI texts use, for `str.format`: `{goal.short}`."""

    def __init__(self, level: str, forms: Mapping[str, str], capital: bool = False) -> None:
        self._level, self._forms, self._capital = level, forms, capital

    def __getattr__(self, form: str) -> str:
        if form.startswith("_") or form not in self._forms:
            raise KeyError(f"no form '{form}' of the term '{self._level}'")
        word = self._forms[form]
        return word[:1].upper() + word[1:] if self._capital else word


@cache
def site_languages() -> tuple[str, ...]:
    """The languages a site can have: those Suunta has UI texts for (`ui_texts/<code>.yml`)."""
    return tuple(sorted(path.stem for path in LABELS_DIR.glob("*.yml")))


def default_terms(language: str) -> dict[str, dict[str, str]]:
    """The language's own words for the levels, with every form its texts use."""
    return {level: dict(forms) for level, forms in _load_table(language)[TERMS_KEY].items()}


class Labels:
    """Looks up dotted keys (`measure.metric`) and formats them; plurals and dates via Babel."""

    def __init__(self, language: str, terms: TermOverrides | None = None) -> None:
        self.language = language
        self._table = _load_table(language)
        self._locale = Locale.parse(language)
        words = default_terms(language)
        for level, forms in (terms or {}).items():
            words[level] = {**words[level], **forms}
        self.terms: dict[str, TermForms] = {}
        for level, forms in words.items():
            self.terms[level] = TermForms(level, forms)
            self.terms[level.capitalize()] = TermForms(level, forms, capital=True)

    def template(self, key: str) -> str:
        """The text of `key` before formatting (placeholders still in it)."""
        text = self._lookup(key)
        if not isinstance(text, str):
            raise KeyError(f"label '{key}' in {self.language}.yml is not a text")
        return text

    def __call__(self, key: str, **values: Any) -> str:
        return self.template(key).format_map(self.placeholders(values))

    def placeholders(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The level names and `values`; a placeholder given neither stays as written (a text
        the page's script fills in, such as `{shown}`)."""
        return _KeepMissing({**self.terms, **values})

    def plural_template(self, key: str, count: int) -> str:
        """The plural form of `key` that the language uses for `count` (CLDR rules via Babel)."""
        forms = self._lookup(key)
        form = self._locale.plural_form(count)
        return str(forms.get(form, forms["other"]))

    def plural(self, key: str, count: int) -> str:
        return self.plural_template(key, count).format_map(self.placeholders({"count": count}))

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


class _KeepMissing(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


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
        self._fixed: dict[str, Markup] = {}
        """Texts without values, formatted once: a big site asks for the same ones thousands
        of times (a table's column headers on every page)."""

    def __call__(self, key: str, **values: Any) -> Markup:
        if not values and key in self._fixed:
            return self._fixed[key]
        template = escape(self._labels.template(key))
        text = template.format_map(self._labels.placeholders(values))
        if not values:
            self._fixed[key] = text
        return text

    def plural(self, key: str, count: int) -> Markup:
        template = escape(self._labels.plural_template(key, count))
        return template.format_map(self._labels.placeholders({"count": count}))

    def date(self, value: dt.date) -> str:
        return self._labels.date(value)

    def number(self, value: float, unit: str = "") -> str:
        return self._labels.number(value, unit)
