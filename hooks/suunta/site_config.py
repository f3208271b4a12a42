"""Reads the few site settings Suunta needs from `mkdocs.yml`, without importing MkDocs.

The command line uses this; inside a MkDocs build the hook reads the same settings from the
validated MkDocs config instead. The languages come from the i18n plugin's configuration.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .cli_texts import say
from .theme_files import page_templates_dir


@dataclass(frozen=True)
class SitePaths:
    """Where the data, the docs tree and the page templates are, relative to `mkdocs.yml`."""

    root: Path
    docs_dir: Path
    theme_dir: Path | None = None
    """The site's own `custom_dir`, if it sets one; Suunta's theme comes from the package."""

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def templates_dir(self) -> Path:
        return page_templates_dir(self.theme_dir)


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that ignores `!!python/...` tags, which only MkDocs itself may resolve."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(config_file: Path) -> dict[str, Any]:
    with config_file.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_TolerantLoader) or {}


def languages_from_i18n(languages: list[dict[str, Any]]) -> list[str]:
    """The built languages, the default one first (it is the fallback for missing texts)."""
    built = [lang for lang in languages if lang.get("build", True) and lang["locale"] != "null"]
    built.sort(key=lambda lang: not lang.get("default", False))
    return [lang["locale"] for lang in built]


def site_settings(config_file: Path) -> tuple[SitePaths, list[str]]:
    config = read_mkdocs_yml(config_file)
    root = config_file.resolve().parent
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    paths = SitePaths(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        theme_dir=(root / custom_dir).resolve() if custom_dir else None,
    )
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return paths, languages_from_i18n(plugin["i18n"]["languages"])
    return paths, [config.get("theme", {}).get("language", "fi")]


SITE_URL_VARIABLE = "SUUNTA_SITE_URL"
"""Overrides `site_url` of `mkdocs.yml` for one build: a Pages workflow sets it to the address
the site is deployed at (`https://org.github.io/repo/`), the tests to a sub-path."""


class SiteUrlError(ValueError):
    """SUUNTA_SITE_URL is not an absolute http(s) address."""


def site_url_override() -> str | None:
    """The site address SUUNTA_SITE_URL gives, ending in "/"; None when it is not set."""
    value = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SiteUrlError(say("build.bad_site_url", variable=SITE_URL_VARIABLE, value=value))
    return value if value.endswith("/") else value + "/"
