"""What a page's head tells search engines and link previews beyond its title.

Alternates (`hreflang`) must be absolute addresses to count, so they are built from the site's
address (`site_url`, which may carry a sub-path such as `https://org.github.io/repo/`); the
default language is also the `x-default`. A site in one language has no alternates. Open
Graph wants a locale with a territory (`sv_FI` for Swedish in Finland, `sv_SE` in Sweden).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .markup import json_ld

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


@dataclass(frozen=True)
class PageHead:
    """What overrides/main.html prints in a page's head besides Material's own tags."""

    alternates: list[Alternate]
    url: str | None
    """None, like the alternates, for a site without `site_url`: no address is known."""
    locale: str
    other_locales: list[str]
    is_home: bool
    json_ld: Markup | None
    """The strategy as structured data, on the home page of each language only."""


def page_head(
    site_url: str | None,
    page_path: str,
    paths: Mapping[str, str],
    language: str,
    languages: list[str],
    home_path: str,
    structured_data: dict[str, Any] | None,
    country: str | None,
) -> PageHead:
    """The head of the page at `page_path` (`sv/goals/`), whose languages are at `paths`;
    `home_path` is where `language`'s pages start (`""`, `"sv/"`)."""
    is_home = page_path == home_path
    structured = None
    if is_home and structured_data:
        structured = json_ld(structured_data)
    return PageHead(
        alternates=alternates(site_url, paths, languages) if site_url else [],
        url=absolute_url(site_url, page_path) if site_url else None,
        locale=og_locale(language, country),
        other_locales=[og_locale(lang, country) for lang in paths if lang != language],
        is_home=is_home,
        json_ld=structured,
    )
