"""Where a page or file of the built site is, for files read outside the site (CSV, feeds,
the data catalog), which need whole addresses rather than links relative to a page.

Each language's pages live under its root: the default language at the site root, the others
under their code (`sv/`), as mkdocs-static-i18n builds them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from . import urls


def language_root(language: str, languages: tuple[str, ...] | list[str]) -> str:
    """Where a language's pages start, from the site root: "" for the default one, else "sv/"."""
    return "" if language == languages[0] else f"{language}/"


@dataclass(frozen=True)
class SiteAddress:
    site_url: str
    """`site_url` of `mkdocs.yml`, such as `https://example.org/strategy/`; "" when not set."""
    languages: tuple[str, ...]
    """The site's languages, the default one first."""

    def root(self, language: str) -> str:
        """Where a language's pages start, from the site root: "" or "sv/"."""
        return language_root(language, self.languages)

    def page_path(self, page: str, language: str) -> str:
        """A generated page's path from the site root: `sv/measures/x/`."""
        return self.root(language) + urls.directory_url(page)

    def absolute(self, site_path: str) -> str | None:
        """The whole address of a path from the site root; None when no `site_url` is set."""
        if not self.site_url:
            return None
        return urljoin(self.site_url.rstrip("/") + "/", site_path)

    def relative(self, site_path: str, from_path: str) -> str:
        """A link from the file or folder at `from_path` (both from the site root)."""
        here = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
        link = urls.relative_path(site_path or ".", here.rstrip("/") or ".")
        return link + "/" if site_path.endswith("/") and link != "." else link

    def link(self, site_path: str, from_path: str) -> str:
        """The whole address when `site_url` is set, else a relative link."""
        return self.absolute(site_path) or self.relative(site_path, from_path)

    @property
    def authority(self) -> str:
        """The site's host name, for `tag:` identifiers; a reserved name when none is set."""
        return urlsplit(self.site_url).hostname or "suunta.invalid"
