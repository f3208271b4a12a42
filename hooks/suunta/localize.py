"""Chooses the text of a `Localized` value for a page's language, falling back visibly."""

from __future__ import annotations

from dataclasses import dataclass

from .schema import ANY_LANGUAGE, Localized, Name


@dataclass(frozen=True)
class LocalText:
    text: str
    lang: str | None
    """The language the text is in; None for a name that is the same in every language."""
    fallback: bool
    """True when the page's language was missing and another language's text is shown."""


def pick(value: Localized | Name, language: str, order: list[str]) -> LocalText:
    """The text in `language`, else the first language in `order` that has one."""
    texts = value.texts
    if ANY_LANGUAGE in texts:
        return LocalText(texts[ANY_LANGUAGE], None, False)
    if language in texts:
        return LocalText(texts[language], language, False)
    for other in order:
        if other in texts:
            return LocalText(texts[other], other, True)
    other, text = next(iter(texts.items()))
    return LocalText(text, other, True)
