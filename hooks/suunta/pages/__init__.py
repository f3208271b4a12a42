"""Page builders: one module per page kind, each turning the model into `GeneratedPage`s."""

from __future__ import annotations

from dataclasses import dataclass

from ..pagination import Pager


@dataclass(frozen=True)
class GeneratedPage:
    """One page in one language: where it goes, its plain-text title and its HTML body."""

    path: str
    """Path without language suffix, as in `urls.py` (`measures/open-data`)."""
    title: str
    body: str
    searchable: bool = True
    """False keeps the page out of the search index (the whole strategy repeats every page)."""


def list_page(pager: Pager, title: str, body: str) -> GeneratedPage:
    """A page of a list over numbered pages (`pagination.py`): only the first is in the search
    index, the later ones repeating its title and introduction."""
    return GeneratedPage(pager.path, title, body, searchable=pager.number == 1)
