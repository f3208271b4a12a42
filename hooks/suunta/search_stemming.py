"""Let Finnish and Swedish searches find inflected words ("palveluissa" finds "palvelu").

Material's search worker turns every query term into a prefix query (`term*`), and lunr does
not stem prefix queries, so the stemmers that ship with the theme never apply to what readers
type. The built worker is changed to search each term both as written (stemmed) and as a
prefix (for as-you-type matching). If a theme update changes the worker so that the change no
longer applies, the caller warns, and the strict build fails: nobody is left with a silently
weaker search.
"""

from __future__ import annotations

from pathlib import Path

from .theme_patch import replace_once

WORKERS = Path("assets") / "javascripts" / "workers"
PREFIX_ONLY = "r:`${r}*`)"
STEMMED_AND_PREFIX = "r:`${r} ${r}*`)"


def enable_stemmed_queries(site_dir: Path) -> bool:
    """Patch the built search worker; True when it now sends stemmed and prefix terms."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    return replace_once(workers, PREFIX_ONLY, STEMMED_AND_PREFIX)
