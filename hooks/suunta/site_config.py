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
from .labels import site_languages
from .theme_files import page_templates_dir
from .yaml_lines import YamlReadError, decode_utf8, syntax_problem


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


class SiteConfigError(Exception):
    """mkdocs.yml cannot give Suunta its settings; the message names the file in plain words."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe loading that ignores `!!python/...` tags, which only MkDocs itself may resolve."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(config_file: Path) -> dict[str, Any]:
    """The settings as written; a file that is no YAML mapping raises `SiteConfigError`."""
    try:
        text = decode_utf8(config_file, config_file.read_bytes())
    except YamlReadError as error:
        raise SiteConfigError(_told(config_file, error.message, error.line)) from None
    try:
        config = yaml.load(text, Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as error:
        line, problem = syntax_problem(error, text)
        raise SiteConfigError(_told(config_file, problem, line)) from None
    except yaml.YAMLError:
        problem = say("data_errors.yaml.file_not_valid")
        raise SiteConfigError(_told(config_file, problem)) from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise SiteConfigError(_told(config_file, say("common.config.not_mapping")))
    return config


def _told(config_file: Path, problem: str, line: int | None = None) -> str:
    if line is None:
        return say("common.bad_config", file=config_file, problem=problem)
    return say("common.bad_config_line", file=config_file, line=line, problem=problem)


def languages_from_i18n(languages: list[dict[str, Any]]) -> list[str]:
    """The built languages, the default one first (it is the fallback for missing texts)."""
    built = [lang for lang in languages if lang.get("build", True) and lang["locale"] != "null"]
    built.sort(key=lambda lang: not lang.get("default", False))
    return [lang["locale"] for lang in built]


def site_settings(config_file: Path) -> tuple[SitePaths, list[str]]:
    """The site's folders and languages; a setting Suunta cannot use raises `SiteConfigError`.

    MkDocs accepts more shapes than the usual ones (`theme: material`, `plugins` as fields),
    so those are read too; anything else is told before a command starts.
    """
    config = read_mkdocs_yml(config_file)
    root = config_file.resolve().parent
    theme = _setting(config_file, config, "theme", dict, str) or {}
    if isinstance(theme, str):  # `theme: material`, the theme's name only
        theme = {"name": theme}
    custom_dir = _setting(config_file, theme, "custom_dir", str, label="theme: custom_dir")
    paths = SitePaths(
        root=root,
        docs_dir=root / (_setting(config_file, config, "docs_dir", str) or "docs"),
        theme_dir=(root / custom_dir).resolve() if custom_dir else None,
    )
    i18n = _i18n_settings(config_file, config)
    if i18n is None:
        language = _setting(config_file, theme, "language", str, label="theme: language")
        languages = [language or "fi"]
    else:
        languages = _i18n_languages(config_file, i18n)
    problem = unsupported_languages(languages)
    if problem:
        raise SiteConfigError(_told(config_file, problem))
    return paths, languages


_KIND_WORDS: dict[type, str] = {str: "text", list: "list", dict: "fields"}
"""The words (`common.config.*`) for the kind of value a setting must be."""


def _setting(
    config_file: Path, settings: dict[str, Any], key: str, *kinds: type, label: str = ""
) -> Any:
    """`settings[key]` when it is missing or of one of `kinds`; else a plain error."""
    value = settings.get(key)
    if value is None or isinstance(value, kinds):
        return value
    kind = say(f"common.config.{_KIND_WORDS[kinds[0]]}")
    problem = say("common.config.wrong_kind", setting=label or key, kind=kind)
    raise SiteConfigError(_told(config_file, problem))


def _i18n_settings(config_file: Path, config: dict[str, Any]) -> dict[str, Any] | None:
    """The i18n plugin's settings; None without the plugin."""
    plugins = _setting(config_file, config, "plugins", list, dict) or []
    for name, settings in _plugin_entries(plugins):
        if name == "i18n":
            found = _setting(config_file, {"i18n": settings}, "i18n", dict, label="plugins: i18n")
            return found or {}
    return None


def _plugin_entries(plugins: list[Any] | dict[str, Any]) -> list[tuple[Any, Any]]:
    """(name, settings) of each plugin: MkDocs takes a list (`- i18n: {...}`) or fields."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [
        next(iter(entry.items())) if isinstance(entry, dict) and entry else (entry, None)
        for entry in plugins
    ]


def _i18n_languages(config_file: Path, i18n: dict[str, Any]) -> list[str]:
    """The languages the i18n plugin builds, checked so no command stops on a missing key."""
    languages = _setting(config_file, i18n, "languages", list, label="plugins: i18n: languages")
    for number, language in enumerate(languages or [], start=1):
        if not isinstance(language, dict) or not isinstance(language.get("locale"), str):
            problem = say("common.config.no_locale", number=number)
            raise SiteConfigError(_told(config_file, problem))
    built = languages_from_i18n(languages or [])
    if not built:
        raise SiteConfigError(_told(config_file, say("common.config.no_languages")))
    return built


def unsupported_languages(languages: list[str]) -> str:
    """What is wrong with a site's languages ("" when nothing): Suunta shows its pages only in
    languages it has texts for, and would stop half-way through a build in another."""
    unknown = [language for language in languages if language not in site_languages()]
    if not unknown:
        return ""
    return say(
        "common.config.unknown_language",
        languages=", ".join(unknown),
        supported=", ".join(site_languages()),
    )


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
