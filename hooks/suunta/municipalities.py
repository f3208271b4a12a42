"""Which member municipalities a measure concerns, and each municipality's stable id.

A regional strategy lists its municipalities in `strategy.yml`; a measure may name the ones
it concerns, by id or by name in any language ("Tampere", "Tammerfors"), so editors write
what they know. The id names the municipality's page and embeddable list; when the data
gives none, it is made from the name in the default language (Hämeenkyrö: `hameenkyro`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .cli_texts import say
from .schema import Municipality
from .value_types import MAX_ID_LENGTH, RESERVED_IDS

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """`Hämeenkyrö` -> `hameenkyro`, `Uusi Kaarlepyy` -> `uusi-kaarlepyy`."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_SLUG.sub("-", ascii_only).strip("-")


def municipality_id(municipality: Municipality, languages: Sequence[str]) -> str:
    """The given id, else the slug of the name in the first language that has one."""
    if municipality.id:
        return municipality.id
    texts = municipality.name.texts
    name = next((texts[lang] for lang in languages if lang in texts), next(iter(texts.values())))
    return slug(name)


def find(
    reference: str, municipalities: Sequence[Municipality], languages: Sequence[str]
) -> Municipality | None:
    """The municipality `reference` names: its id, or its name in any language (any case)."""
    wanted = " ".join(reference.split()).casefold()
    for municipality in municipalities:
        names = {" ".join(n.split()).casefold() for n in municipality.name.texts.values()}
        if wanted == municipality_id(municipality, languages) or wanted in names:
            return municipality
    return None


def id_problems(
    municipalities: Sequence[Municipality], languages: Sequence[str]
) -> list[tuple[int, str]]:
    """(index, message) for each municipality whose id is missing, taken by another, or (made
    from the name) one that cannot name a page: reserved for the list's own page, too long."""
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for index, municipality in enumerate(municipalities):
        own = municipality_id(municipality, languages)
        if not own:
            problems.append((index, _say("municipality_id_missing")))
        elif own in seen:
            problems.append((index, _say("municipality_id_taken", id=own, other=seen[own] + 1)))
        elif own in RESERVED_IDS or len(own) > MAX_ID_LENGTH:
            problems.append((index, _say("municipality_id_unusable", id=own[:40])))
        seen.setdefault(own, index)
    return problems


def reference_problem(
    reference: str, municipalities: Sequence[Municipality], languages: Sequence[str]
) -> str | None:
    """Why `reference` names no municipality of the strategy; None when it does."""
    if find(reference, municipalities, languages) is not None:
        return None
    if not municipalities:
        return _say("municipality_none_listed", reference=reference)
    known = ", ".join(municipality_id(m, languages) for m in municipalities)
    return _say("municipality_unknown", reference=reference, known=known)


def _say(key: str, **values: object) -> str:
    return say(f"data_errors.{key}", **values)
