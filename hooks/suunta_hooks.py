"""MkDocs hooks of Suunta: translate MkDocs events into calls on the plain `suunta` package.

Nothing else in Suunta imports MkDocs; keep this file thin so another engine can take its place.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from suunta import urls
from suunta.accessibility_schema import AccessibilityFile
from suunta.accessibility_statement import review_overdue
from suunta.errors import DataError
from suunta.fallback_page import mark_untranslated_page
from suunta.generator import GenerationResult, generate
from suunta.html_fixes import valid_theme_html
from suunta.search_split import point_search_to_language_root, split_search_index
from suunta.search_stemming import enable_stemmed_queries
from suunta.site_config import SitePaths, languages_from_i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.plugins.suunta")


@dataclass
class _Build:
    """What one whole build (all languages) needs to finish; reset by each default build.

    The default language's 404 page is kept: mkdocs-static-i18n builds the other languages
    afterwards into the same root and the last one overwrites /404.html
    (ultrabug/mkdocs-static-i18n#284).
    """

    site_dir: Path | None = None
    default_404: str | None = None
    generated: GenerationResult | None = None
    """The default build generates every language's pages; the other builds reuse the result."""


_build = _Build()


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the strategy's pages before MkDocs collects the docs tree.

    mkdocs-static-i18n runs the build once per language. The first (default-language) build
    generates the pages of every language, writing only changed files, and logs the warnings;
    the other languages' builds reuse its result.
    """
    if not config.use_directory_urls:
        raise PluginError("Suunta needs 'use_directory_urls: true' in mkdocs.yml.")
    languages = _languages(config)
    root = Path(config.config_file_path).resolve().parent
    if config.theme["language"] == languages[0]:
        _build.site_dir, _build.default_404, _build.generated = Path(config.site_dir), None, None
    if _build.generated is None:
        paths = SitePaths(root=root, docs_dir=Path(config.docs_dir))
        try:
            _build.generated = generate(
                paths.data_dir, paths.docs_dir, paths.templates_dir, languages
            )
        except DataError as error:
            raise PluginError(error.report(root)) from None
    result = _build.generated
    # The site's name is the strategy's title in the language being built: data, not config.
    language = config.theme["language"]
    config.site_name = result.site_names.get(language, config.site_name)
    config.extra.pop("suunta_statement", None)
    if language in result.statement_titles:
        # Theme templates resolve links from the site root; each language has its own root.
        config.extra["suunta_statement"] = {
            "url": _language_prefix(config, language) + urls.directory_url(urls.STATEMENT),
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
            f"{statement.reviewed.isoformat()}, more than a year ago; "
            "review it and update 'reviewed'"
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
    prefix = _language_prefix(config, config.theme["language"])
    return point_search_to_language_root(valid_theme_html(output), prefix)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Static templates such as 404.html do not pass through `on_post_page`."""
    if not template_name.endswith(".html"):
        return output_content
    html = valid_theme_html(output_content)
    if template_name == "404.html" and config.theme["language"] == _languages(config)[0]:
        _build.default_404 = html
    return html


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: /404.html in the default language, a search index per language.

    Runs after mkdocs-static-i18n's own post-build step (priority -100), in which it builds the
    other languages and writes the merged search index; inner builds are skipped.
    """
    if config.plugins["i18n"].building or _build.site_dir is None:
        return
    if _build.default_404 is not None:
        (_build.site_dir / "404.html").write_text(_build.default_404, encoding="utf-8")
    roots = {lang: _language_prefix(config, lang) for lang in _languages(config)}
    split_search_index(_build.site_dir, roots)
    if not enable_stemmed_queries(_build.site_dir):
        log.warning(
            "The search worker of this Material version could not be changed to stem queries; "
            "Finnish and Swedish searches will miss inflected words (see suunta/search_stemming.py)"
        )


def _language_prefix(config: MkDocsConfig, language: str) -> str:
    """Where a language's pages start, relative to the site root: "" or "sv/"."""
    for entry in config.plugins["i18n"].config.languages:
        if entry["locale"] == language:
            return str(entry["link"]).lstrip("/")
    return ""


def _languages(config: MkDocsConfig) -> list[str]:
    if "i18n" not in config.plugins:
        raise PluginError("Suunta needs the i18n plugin (mkdocs-static-i18n) in mkdocs.yml.")
    return languages_from_i18n([dict(lang) for lang in config.plugins["i18n"].config.languages])
