"""What a page's head tells search engines and link previews beyond its title.

Alternates (`hreflang`) must be absolute addresses to count, so they are built from the site's
address (`site_url`, which may carry a sub-path such as `https://org.github.io/repo/`); the
default language is also the `x-default`. A site in one language has no alternates. Open
Graph wants a locale with a territory (`sv_FI` for Swedish in Finland, `sv_SE` in Sweden).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

X_DEFAULT = "x-default"

DEFAULT_TERRITORY = {"fi": "FI", "sv": "SE", "en": "GB"}
"""A language's territory when the site's country does not say (a site with no statement)."""


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def absolute_url(site_url: str, path: str) -> str:
    """A site path (`sv/goals/`, `./`, `` for the root) as an address under `site_url`."""
    root = site_url if site_url.endswith("/") else site_url + "/"
    path = path.lstrip("/")
    return root if path in {"", "."} or path == "./" else root + path.removeprefix("./")


def alternates(site_url: str, paths: Mapping[str, str], languages: list[str]) -> list[Alternate]:
    """The page in every language (`paths`: language to site path), and `x-default` for the
    default (first) language's; nothing for a page in one language only."""
    if len(paths) < 2:
        return []
    ordered = [lang for lang in languages if lang in paths]
    links = [Alternate(lang, absolute_url(site_url, paths[lang])) for lang in ordered]
    default = languages[0]
    if default in paths:
        links.append(Alternate(X_DEFAULT, absolute_url(site_url, paths[default])))
    return links


def og_locale(language: str, country: str | None) -> str:
    """Open Graph's `language_TERRITORY`: the site's country, else the language's own."""
    territory = country or DEFAULT_TERRITORY.get(language, language.upper())
    return f"{language}_{territory}"
