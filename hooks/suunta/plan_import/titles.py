"""A measure's title from the text a sheet gives it: short texts are the title; a long
description keeps its whole text and is titled by its first sentence, or a shortened form."""

from __future__ import annotations

import re

from .words import vocabulary

TITLE_LIMIT = 120
"""Characters a measure title may have before it counts as a description."""
SHORT_TITLE = 100
"""Characters of a shortened title, the ellipsis included."""

_SENTENCE_END = re.compile(r"([.!?])\s+(?=[A-ZÅÄÖ0-9\"'(])")


def title_and_description(text: str) -> tuple[str, str | None]:
    """(title, description): description is None when the text is short enough to be a title."""
    if len(text) <= TITLE_LIMIT:
        return text, None
    first = first_sentence(text)
    if first and len(first) <= TITLE_LIMIT:
        return first, text
    return shorten(text), text


def first_sentence(text: str) -> str | None:
    abbreviations = vocabulary().abbreviations
    for match in _SENTENCE_END.finditer(text):
        words = text[: match.start()].split()
        last = words[-1].lower() if words else ""
        if last in abbreviations or len(last) <= 1:
            continue
        sentence = text[: match.start()] + ("" if match[1] == "." else match[1])
        return sentence if len(sentence) >= 10 else None
    return None


def shorten(text: str, limit: int = SHORT_TITLE) -> str:
    result = ""
    for word in text.split():
        if len(result) + len(word) + 2 > limit:
            break
        result = f"{result} {word}" if result else word
    return result.rstrip(",;:–-") + "…"
