"""MkDocs hooks of Suunta: translate MkDocs events into calls on the plain `suunta` package.

Nothing else in Suunta imports MkDocs; keep this file thin so another engine can take its place.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from suunta import urls
from suunta.accessibility_statement import review_overdue
from suunta.errors import DataError
from suunta.fallback_page import mark_untranslated_page
from suunta.generator import generate
from suunta.html_fixes import valid_theme_html
from suunta.schema import AccessibilityFile
from suunta.site_config import SitePaths, languages_from_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.suunta")

# The default language's 404 page, kept from its build: mkdocs-static-i18n builds the other
# languages afterwards into the same root and the last one overwrites /404.html
# (ultrabug/mkdocs-static-i18n#284). Reset at every default-language build.
_default_404: dict[str, bytes] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the strategy's pages before MkDocs collects the docs tree.

    mkdocs-static-i18n runs the build once per language; generating is idempotent and writes
    only changed files, and the warnings are logged in the first (default-language) build only.
    """
    if not config.use_directory_urls:
        raise PluginError("Suunta needs 'use_directory_urls: true' in mkdocs.yml.")
    languages = _languages(config)
    root = Path(config.config_file_path).resolve().parent
    paths = SitePaths(root=root, docs_dir=Path(config.docs_dir))
    try:
        result = generate(paths.data_dir, paths.docs_dir, paths.templates_dir, languages)
    except DataError as error:
        raise PluginError(error.report(root)) from None
    # The site's name is the strategy's title in the language being built: data, not config.
    language = config.theme["language"]
    config.site_name = result.site_names.get(language, config.site_name)
    config.extra.pop("suunta_statement", None)
    if language in result.statement_titles:
        # Theme templates resolve links from the site root; each language has its own root.
        root_link = _language_link(config, language).lstrip("/")
        config.extra["suunta_statement"] = {
            "url": root_link + urls.directory_url(urls.STATEMENT),
            "title": result.statement_titles[language],
        }
    if language == languages[0]:
        for problem in result.warnings:
            log.warning(problem.describe(root))
        _warn_about_statement(result.accessibility)


def _warn_about_statement(statement: AccessibilityFile | None) -> None:
    # The review's age is checked against today's date: it only decides whether to warn,
    # it never reaches the site, so two builds of the same data stay identical.
    if statement is None:
        log.warning("data/accessibility.yml is missing: the site has no accessibility statement")
    elif review_overdue(statement, dt.date.today()):
        log.warning(
            f"data/accessibility.yml: the accessibility statement was last reviewed on "
            f"{statement.reviewed.isoformat()}, more than a year ago; review it and update 'reviewed'"
        )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Mark a page that mkdocs-static-i18n fell back to from another language, and warn."""
    site_language = config.theme["language"]
    page_language = getattr(page.file, "locale", site_language)
    if page_language == site_language:
        return html
    log.warning(
        f"docs/{page.file.src_uri}: there is no {site_language} version of this page; "
        f"the {page_language} page is shown, marked as untranslated"
    )
    return mark_untranslated_page(html, page_language, site_language)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_theme_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Static templates such as 404.html do not pass through `on_post_page`."""
    return valid_theme_html(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    """Keep /404.html in the default language, whatever language mkdocs-static-i18n built last."""
    default = _languages(config)[0]
    if config.theme["language"] == default:
        _default_404.clear()
        page = Path(config.site_dir) / "404.html"
        if page.is_file():
            _default_404[str(page)] = page.read_bytes()
        return
    for path, content in _default_404.items():
        Path(path).write_bytes(content)


def _language_link(config: MkDocsConfig, language: str) -> str:
    """The root of a language's pages, such as "/" or "/sv/"."""
    for entry in config.plugins["i18n"].config.languages:
        if entry["locale"] == language:
            return str(entry["link"])
    return "/"


def _languages(config: MkDocsConfig) -> list[str]:
    return languages_from_i18n([dict(lang) for lang in config.plugins["i18n"].config.languages])
