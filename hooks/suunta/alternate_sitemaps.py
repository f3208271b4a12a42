"""Stop Material's script from fetching a `sitemap.xml` beside every alternate link.

For each `<link rel="alternate">` in a page's head, Material's bundle requests
`<that address>/sitemap.xml`, to keep the reader on the same page when switching language.
Suunta's pages already link each language's version of the same page (the switcher and the
`hreflang` links), so the fetches only fail: a 404 for every page's alternates and, as the
alternates are absolute (search engines need them so), requests to the published host from
a copy served elsewhere. The built bundle is changed to find no such links; if a theme update
changes the bundle so that the change no longer applies, the caller warns (and `--strict`
fails), so the change is never lost silently.
"""

from __future__ import annotations

from pathlib import Path

from .theme_patch import replace_once

BUNDLES = Path("assets") / "javascripts"
LOOKUP = 'M("link[rel=alternate]")'
NO_LOOKUP = 'M("link[rel=alternate][data-suunta-sitemap]")'
"""No element has this attribute: the language links work as plain links."""


def stop_alternate_sitemap_fetches(site_dir: Path) -> bool:
    """Patch the built bundle; True when it no longer looks up sitemaps for alternates."""
    return replace_once(sorted((site_dir / BUNDLES).glob("bundle.*.min.js")), LOOKUP, NO_LOOKUP)
