"""The plan's words: header, half-year, phase and heading words, and how loosely they match.

Real sheets are typed by hand: "Syky 2025", "käyttöön-otto", "selvitys,". Each comparison
here says how close is close enough, so the rest of the import asks one question per cell.
The words themselves are in `vocabulary.yml`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..schema import Phase

VOCABULARY_FILE = Path(__file__).parent / "vocabulary.yml"
COLUMN_ROLES = ("id", "title", "description", "responsible", "units", "metric", "notes")
HALF_CUTOFF = 0.75
"""How alike a misspelt half-year word must be to a known one ("syky" ~ "syksy")."""
PREFIX_SHARE = 0.7
"""Share of a legend word an inflected form must begin with ("selvityksessä" ~ "selvitys")."""


@dataclass(frozen=True)
class Vocabulary:
    columns: dict[str, tuple[str, ...]]
    halves: dict[str, str]
    phases: dict[str, Phase]
    unphased: tuple[str, ...]
    legend: tuple[str, ...]
    goal: tuple[str, ...]
    sheet: dict[str, dict[str, Any]]
    """Per language, the texts the export writes."""
    abbreviations: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        tables: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    abbreviations = tuple(tables.pop("abbreviations"))
    return Vocabulary(
        columns={
            role: tuple(w for t in tables.values() for w in t["columns"][role])
            for role in COLUMN_ROLES
        },
        halves={k: v for t in tables.values() for k, v in t["halves"].items()},
        phases={k: Phase(v) for t in tables.values() for k, v in t["phases"].items()},
        unphased=tuple(w for t in tables.values() for w in t["unphased"]),
        legend=tuple(w for t in tables.values() for w in t["legend"]),
        goal=tuple(sorted((w for t in tables.values() for w in t["goal"]), key=len, reverse=True)),
        sheet={language: t["sheet"] for language, t in tables.items()},
        abbreviations=abbreviations,
    )


def squeeze(text: str) -> str:
    """Lower case, soft hyphens gone, spaces squeezed: how header words are compared."""
    return " ".join(text.replace("\u00ad", "").lower().split())


def legend_form(text: str) -> str:
    """A legend word without hyphens or trailing punctuation: 'Käyttöön-otto,' -> 'käyttöönotto'."""
    plain = squeeze(text)
    plain = re.sub(r"(?<=\w)[-‐‑–](?=\w)", "", plain)
    return plain.strip(" .,;:!?-–*()[]\"'")


def column_role(text: str) -> str | None:
    """Which column a header cell names, or None."""
    words = vocabulary()
    plain = squeeze(text)
    if plain in ("id", "id:"):
        return "id"
    for role in COLUMN_ROLES:
        for word in words.columns[role]:
            if plain.startswith(word) or (role == "notes" and word in plain):
                return role
    return None


@dataclass(frozen=True)
class HalfYearHeader:
    key: str
    """Such as '2025-spring'; the year is None-free: headers without a year get it from above."""
    written: str
    misspelt_as: str | None = None
    """The word as written when it only resembles a known one."""
    year_above: bool = False
    """True when the year came from the cell above (a two-row header)."""


_WORD_YEAR = re.compile(r"^([^\W\d_]+)\.?\s*[-–/]?\s*'?(\d{4}|\d{2})?$")
_YEAR_WORD = re.compile(r"^(\d{4})\s*[-–/]?\s*([^\W\d_]+)\.?$")
_YEAR = re.compile(r"^(\d{4})$")


def half_year(text: str, year_above: str | None = None) -> HalfYearHeader | None:
    """A half-year header ("Kevät 2025", "HT 2026", "2025 K", "syky 2025"), or None.

    A header without a year ("Kevät") takes it from the cell above (a two-row header).
    """
    plain = squeeze(text)
    match = _WORD_YEAR.match(plain)
    word, year = (match[1], match[2]) if match else (None, None)
    if not match and (reversed_match := _YEAR_WORD.match(plain)):
        word, year = reversed_match[2], reversed_match[1]
    if word is None:
        return None
    from_above = year is None
    if year is None:
        above = _YEAR.match(squeeze(year_above or ""))
        if not above:
            return None
        year = above[1]
    if len(year) == 2:
        year = f"20{year}"
    halves = vocabulary().halves
    if word in halves:
        return HalfYearHeader(f"{year}-{halves[word]}", text, None, from_above)
    close = difflib.get_close_matches(
        word, [w for w in halves if len(w) >= 3], n=1, cutoff=HALF_CUTOFF
    )
    if close and len(word) >= 3:
        return HalfYearHeader(f"{year}-{halves[close[0]]}", text, word, from_above)
    return None


def looks_dated(text: str) -> bool:
    """A header that names a year: a half-year column the import could not read."""
    return bool(re.search(r"(?<!\d)(19|20)\d{2}(?!\d)|(?<![\w])'?\d{2}$", squeeze(text)))


UNPHASED = "unphased"


def phase_named(text: str, whole: bool = True) -> Phase | str | None:
    """The phase a legend word or a cell's text names, `UNPHASED`, or None.

    With `whole`, the text must be the phase's name (inflected, hyphenated, punctuated as
    people write it); otherwise it is enough that the text's words contain it.
    """
    plain = legend_form(text)
    words = vocabulary()
    names: dict[str, Phase | str] = {**words.phases, **dict.fromkeys(words.unphased, UNPHASED)}
    if plain in names:
        return names[plain]
    written = plain.split()
    if whole and not 1 <= len(written) <= 3:
        return None
    for name, meaning in names.items():
        known = name.split()
        if whole and len(known) != len(written):
            continue
        if _words_match(known, written, whole):
            return meaning
    return None


def _words_match(known: list[str], written: list[str], whole: bool) -> bool:
    if whole:
        return all(_same_word(k, w) for k, w in zip(known, written, strict=True))
    cleaned = [legend_form(w) for w in written]
    return any(
        all(_same_word(k, w) for k, w in zip(known, cleaned[i : i + len(known)], strict=True))
        for i in range(len(cleaned) - len(known) + 1)
    )


def _same_word(known: str, written: str) -> bool:
    """The same word, inflected or slightly misspelt: 'selvityksessä', 'selvittely' ~ 'selvitys'."""
    known, written = known.replace("-", ""), written.replace("-", "")
    if written == known:
        return True
    shared = len(_common_prefix(known, written))
    if shared >= max(4, PREFIX_SHARE * len(known)):
        return True
    return len(written) >= 5 and difflib.SequenceMatcher(None, known, written).ratio() >= 0.85


def _common_prefix(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:index]
    return a[: min(len(a), len(b))]


def legend_label(text: str) -> bool:
    return legend_form(text) in vocabulary().legend


@dataclass(frozen=True)
class GoalHeading:
    number: int | None
    title: str


def goal_heading(text: str) -> GoalHeading | None:
    """A goal heading ("<goal word> 1: <title> (<continued>)") -> number 1 and its title."""
    plain = " ".join(text.split())
    for word in vocabulary().goal:
        match = re.match(
            rf"^{re.escape(word)}\s*(\d+)\s*(?:[:.–—-]\s*|\s+|$)(.*)$", plain, re.IGNORECASE
        )
        if match:
            title = re.sub(r"\s*\((jatkuu|forts\.?|fortsätter)\)\s*$", "", match[2], flags=re.I)
            return GoalHeading(int(match[1]), title.strip())
    return None
