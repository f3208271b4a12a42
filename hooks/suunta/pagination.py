"""Long lists of measures split over numbered pages, so no page grows with the strategy.

A region's portal may hold thousands of measures; a phone should not have to load them all to
show the first screen. The first page keeps its address (`measures/`), the others follow
it (`measures/pages/2/`); every page links to its neighbours, the first and the last. A list
that fits one page is not split: the page is the same as without paging. Only the first page
is in the search index (`pages.list_page`): the later ones repeat its title and introduction,
and their rows (other pages' titles) are kept out of the index on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from . import urls
from .labels import Labels

PAGE_SIZE = 50
"""Rows per page: a table a phone lays out at once (Lighthouse on a mobile profile scores a
100-row page 89–96, a 50-row one 95 and more), and 40 pages at 2,000 measures."""

NEAR = 2
"""Pages linked on each side of the current one (besides the first and the last)."""

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page stands among the pages of a list (1-based, inclusive row numbers)."""

    number: int
    paths: tuple[str, ...]
    """Every page of the list, in order, as in `urls.py`."""
    first: int
    last: int
    total: int
    size: int
    """Rows per page."""

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def ranges(self) -> tuple[tuple[int, str, int, int], ...]:
        """(number, path, first row, last row) of every page."""
        return tuple(
            (n, path, (n - 1) * self.size + 1, min(n * self.size, self.total))
            for n, path in enumerate(self.paths, start=1)
        )

    @property
    def links(self) -> tuple[tuple[int, str, int, int] | None, ...]:
        """The pages to link to from this one: the first, the last and those within
        `NEAR` of this one, None where pages are left out between them. Forty links at
        2,000 measures would be a wall on a phone and forty tab stops; every page is still
        reached through its neighbours."""
        ends = (1, self.count)
        shown = [r for r in self.ranges if r[0] in ends or abs(r[0] - self.number) <= NEAR]
        links: list[tuple[int, str, int, int] | None] = []
        for item in shown:
            if links and links[-1] is not None and item[0] - links[-1][0] > 1:
                links.append(None)
            links.append(item)
        return tuple(links)


@dataclass(frozen=True)
class PageOfList(Generic[T]):
    pager: Pager
    items: Sequence[T]


def paginate(items: Sequence[T], first_page: str, size: int = PAGE_SIZE) -> list[PageOfList[T]]:
    """`items` in pages of `size`; an empty list is one empty page (the page still exists)."""
    count = max(1, -(-len(items) // size))
    paths = tuple(urls.numbered_page(first_page, n) for n in range(1, count + 1))
    pages = []
    for n in range(1, count + 1):
        chunk = items[(n - 1) * size : n * size]
        first = (n - 1) * size + 1
        pager = Pager(n, paths, first, first + len(chunk) - 1, len(items), size)
        pages.append(PageOfList(pager, chunk))
    return pages


def page_title(title: str, pager: Pager, labels: Labels) -> str:
    """`title` with the page's number on the second page on, so that every page's title is its
    own (WCAG 2.4.2); the first page keeps the title the navigation shows."""
    if pager.number == 1:
        return title
    return title + labels("pagination.title_suffix", number=pager.number, count=pager.count)
