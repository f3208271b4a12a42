"""Ids from titles: ASCII, stable, unique. Ids are the stable part of page addresses."""

from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_LIMIT = 60


def slug(text: str, limit: int = ID_LIMIT) -> str:
    """A stable id from a title: "Yhteiset koulutukset" -> "yhteiset-koulutukset"."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result or "measure"


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... whichever is not taken yet."""
    candidate, number = base, 2
    while candidate in taken or candidate == "index":
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def valid_id(text: str | None) -> bool:
    return bool(text) and bool(SLUG.match(text or "")) and len(text or "") <= 80
