"""Where each generated page lives, and relative links between pages.

Pages are addressed by a path without language or suffix (`measures/open-data`). The site
uses directory URLs, and every language has the same tree under its own root (`/`, `/sv/`),
so a relative link is the same in every language.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

HOME = "index"
GOALS_INDEX = "goals/index"
MEASURES_INDEX = "measures/index"
TIMELINE = "timeline/index"
PROGRESS = "progress/index"
STATEMENT = "accessibility/index"
OPEN_DATA = "open-data/index"
"""The open data files: what each holds, its format, size, licence and date."""
DOCUMENT = "strategy/index"
"""About the strategy: introduction, summary, dates, and links to the document's sections."""
WHOLE_STRATEGY = "strategy/whole"
"""The whole strategy on one page, in reading order: to print, or to attach to an agenda."""
MUNICIPALITIES = "municipalities/index"
"""The member municipalities, each with the measures that name it."""
EMBED_DIR = "embed"
"""Beside the language roots, at the site's root: one address per municipality for all."""

FIXED_PAGES = (
    HOME,
    GOALS_INDEX,
    MEASURES_INDEX,
    TIMELINE,
    PROGRESS,
    STATEMENT,
    OPEN_DATA,
    DOCUMENT,
    WHOLE_STRATEGY,
    MUNICIPALITIES,
)
"""The pages above: each at its address whatever the data, where the data gives it at all
(no schedules, no timeline). The document's sections have fixed addresses too
(`generator.FIXED_PAGES`); a goal's or measure's page is named by its id."""


def document_page(section: str) -> str:
    """A section of the strategy document, such as `strategy/current-state`."""
    return f"strategy/{section}"


def file_url(from_page: str, path: str) -> str:
    """A link to a file in the docs tree (an appendix) that works under any language root.

    A link whose first part has a colon would read as an address (`javascript:…`): such a
    link starts with `./`.
    """
    here = directory_url(from_page) or "."
    link = relative_path(path, here)
    return f"./{link}" if ":" in link.split("/")[0] else link


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath` for two paths of the same tree, worked out from their parts alone.

    relpath asks for the working folder at every call to make both paths absolute (a site's
    pages make tens of thousands of links), and its answer for a path written from "/" then
    depends on that folder: here such a path is taken from the tree's root.
    """
    parts = _parts(path)
    base = _parts(start)
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def _parts(path: str) -> list[str]:
    return [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]


def goal_page(goal_id: str) -> str:
    return f"goals/{goal_id}"


def measure_page(measure_id: str) -> str:
    return f"measures/{measure_id}"


def goal_timeline_page(goal_id: str) -> str:
    return f"timeline/{goal_id}"


def report_page(date_iso: str) -> str:
    return f"reports/{date_iso}"


def directory_url(page: str) -> str:
    """`goals/index` -> `goals/`, `measures/x` -> `measures/x/`, `index` -> `` (the root)."""
    if page == HOME:
        return ""
    if page.endswith("/index"):
        return page[: -len("index")]
    return page + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """A link from one page to another that works under any language root."""
    here = directory_url(from_page) or "."
    there = directory_url(to_page) or "."
    link = relative_path(there, here)
    return "./" if link == "." else link + "/"


def pdf_file_name(title: str, language: str) -> str:
    """The PDF of a page, beside it: its title in ASCII words, then the language
    (`tampereen-seudun-ict-strategia.fi.pdf`), so a downloaded file says what it is."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-")
    return f"{words or 'strategy'}.{language}.pdf"


def municipality_page(municipality_id: str) -> str:
    return f"municipalities/{municipality_id}"


def embed_fragment(municipality_id: str, language: str) -> str:
    """The embeddable list of a municipality's measures in `language`, from the site root."""
    return f"{EMBED_DIR}/{municipality_id}.{language}.html"


def embed_json(municipality_id: str) -> str:
    """The same measures as JSON, every language in one file, from the site root."""
    return f"{EMBED_DIR}/{municipality_id}.json"


def root_file_url(from_page: str, path: str, language_root: str) -> str:
    """A link to a file at the site root (`embed/x.json`) from a page of the language whose
    pages start at `language_root` (`""` for the default language, `"sv/"`)."""
    here = language_root + directory_url(from_page) or "."
    return relative_path(path, here)


def numbered_page(page: str, number: int) -> str:
    """Page `number` of a list that starts on `page`: `measures/index` -> `measures/pages/2`,
    `timeline/goal-1` -> `timeline/goal-1/pages/2`. A measure or goal id cannot collide: the
    numbered pages lie one folder deeper than any page an id names."""
    if number == 1:
        return page
    base = page[: -len("/index")] if page.endswith("/index") else page
    return f"{base}/pages/{number}"
