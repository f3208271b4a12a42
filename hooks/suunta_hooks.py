"""MkDocs hooks of Suunta: translate MkDocs events into calls on the plain `suunta` package.

Nothing else in Suunta imports MkDocs; keep this file thin so another engine can take its place.
"""

from __future__ import annotations

import logging
import sys
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from pathspec import GitIgnoreSpec
from suunta import publish, urls
from suunta.accessibility_schema import AccessibilityFile
from suunta.accessibility_statement import review_problems
from suunta.alternate_sitemaps import stop_alternate_sitemap_fetches
from suunta.cli_texts import choose_language, say
from suunta.clock import ClockError, today
from suunta.csp import with_content_security_policy
from suunta.embed import write_embed_files
from suunta.errors import DataError
from suunta.fallback_page import mark_untranslated_page, markdown_outside, pages_without_default
from suunta.generation_cache import pages_path
from suunta.generation_result import GenerationResult
from suunta.generator import FIXED_PAGES, OWNED_DIRS, generate
from suunta.html_fixes import valid_theme_html
from suunta.markup import anchor_ids, heading_text, plain, removal_warnings, sanitize_page
from suunta.nav import NavEntry, prune_nav, unknown_entries, without_language
from suunta.page_head import page_head
from suunta.render import THEME_TEMPLATES
from suunta.render_memo import RenderMemo, served_pages
from suunta.search_split import point_search_to_language_root, split_search_index
from suunta.search_stemming import enable_stemmed_queries
from suunta.serve_settle import remember_server, withdraw_own_rebuild
from suunta.served_removals import remove_gone_pages
from suunta.served_search import complete_served_index, stop_theme_merge
from suunta.site_config import (
    SitePaths,
    SiteUrlError,
    languages_from_i18n,
    site_url_override,
    unsupported_languages,
)
from suunta.theme_files import (
    SCRIPTS,
    STYLESHEETS,
    missing_assets,
    with_suunta_theme,
    without_i18n_sitemap,
)
from suunta.validated_files import ValidatedFiles, served_files

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
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
    """Where this build writes: the staging folder beside the published one (see publish.py)."""
    published_dir: Path | None = None
    """The folder a passed `mkdocs build` replaces; None under `mkdocs serve`."""
    default_404: str | None = None
    generated: GenerationResult | None = None
    """The default build generates every language's pages; the other builds reuse the result."""
    generated_pages: frozenset[str] = frozenset()
    """Source paths of the generated pages: every other page is an editor's, and sanitised."""
    started_ns: int = 0
    """When this build began (file modification times are compared with it under serve)."""
    touched: list[Path] = field(default_factory=list)
    """The generated files, when the generator wrote or removed any in this build (and when)."""
    touched_at: float = 0.0
    html_bodies: dict[str, bytes] = field(default_factory=dict)
    """Generated pages' bodies (finished HTML), compressed, from `on_page_markdown` until each
    page is written (`lean_pages`) or until `on_page_content`: MkDocs would hold every page's
    body of a language until it writes them (4 MB at 1,000 measures); compressed they are a
    tenth of that."""
    anchor_ids: dict[str, set[str]] = field(default_factory=dict)
    """A generated page's ids, from `on_page_markdown` to `on_page_content`."""
    lean_pages: bool = False
    """Whether generated pages' bodies wait compressed until their page is written, and every
    page's body is let go once written: only with plugins known not to read `page.content`
    in between or after (`_LEAN_PLUGINS`); another plugin sees pages as MkDocs gives them."""
    page_urls: set[str] = field(default_factory=set)
    """Every page of every language (`sv/goals/`), and those rendered in this build: a dirty
    rebuild renders only pages whose files changed (served_search.py)."""
    rendered_urls: set[str] = field(default_factory=set)
    nav_warned: set[NavEntry] = field(default_factory=set)
    """`nav:` entries already told of in this build: mkdocs-static-i18n runs `on_pre_build`
    per language, and a language may have a `nav:` of its own."""


_build = _Build()
_command: dict[str, str] = {}

_LEAN_PLUGINS = frozenset({"search", "material/search", "i18n"})
"""Plugins that read a page's body only in `on_page_context` (the search index), or not at
all; Suunta's own hooks are known too."""


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command
    _command["dirty"] = "yes" if dirty and command == "serve" else ""


@event_priority(100)
def _configure(config: MkDocsConfig) -> MkDocsConfig:
    """Suunta's theme from the package; a publishing build writes beside the site folder.

    A site's `mkdocs.yml` need not name Suunta's templates, styles or scripts: they are added
    here. `on_post_build` moves a publishing build into place. Runs before
    mkdocs-static-i18n, which builds the other languages into the same folder. Under
    `mkdocs serve` MkDocs already builds into a folder of its own. SUUNTA_SITE_URL, when set,
    gives the address the site is published at (site_config.py).
    """
    try:
        override = site_url_override()
    except SiteUrlError as error:
        raise PluginError(str(error)) from None
    if override is not None:
        config.site_url = override
    config.theme.dirs[:] = with_suunta_theme(config.theme.dirs, config.theme.custom_dir)
    config.extra_css.extend(missing_assets(config.extra_css, STYLESHEETS))
    config.extra_javascript.extend(missing_assets(config.extra_javascript, SCRIPTS))
    # Generated pages are reached from their index pages and links, not the navigation: a
    # site need not list Suunta's folders (nor update its list when Suunta adds a page kind).
    generated = GitIgnoreSpec.from_lines(f"/{folder}/**/*.md" for folder in OWNED_DIRS)
    config.not_in_nav = generated if config.not_in_nav is None else config.not_in_nav + generated
    _build.lean_pages = _only_lean_plugins(config.plugins)
    if _command.get("name") not in {"build", "gh-deploy"} or _i18n_building(config):
        return config
    target = Path(config.site_dir)
    publish.discard(target)
    _build.published_dir = target
    config.site_dir = str(publish.staging_dir(target))
    return config


@event_priority(-200)
def _suunta_sitemap(config: MkDocsConfig) -> MkDocsConfig:
    """After mkdocs-static-i18n's `on_config` (-100, run again for each language it builds):
    Suunta's sitemap template, not the plugin's (theme_files.without_i18n_sitemap)."""
    config.theme.dirs[:] = without_i18n_sitemap(config.theme.dirs)
    return config


on_config = CombinedEvent(_configure, _suunta_sitemap)


def _only_lean_plugins(plugins: Mapping[str, object]) -> bool:
    """Whether every plugin of the site is one of `_LEAN_PLUGINS` or this hook file."""
    this_module = sys.modules[__name__]
    return all(name in _LEAN_PLUGINS or plugin is this_module for name, plugin in plugins.items())


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    remember_server(server)
    return server


def _warn_about_pages_without_default(docs_dir: Path, languages: list[str]) -> None:
    """An editor's page written only in another language than the default (fallback_page.py)."""
    editors = [p for p in markdown_outside(docs_dir, OWNED_DIRS) if p not in _build.generated_pages]
    for path, default_path in pages_without_default(editors, languages):
        message = say(
            "build.page_without_default",
            path=path,
            language=languages[0],
            default_path=default_path,
        )
        log.warning(message)


def _served(docs_dir: Path) -> tuple[RenderMemo | None, ValidatedFiles | None]:
    """Under `mkdocs serve`, the pages the last generation rendered (kept when serving stops)
    and the data files it validated; nothing for a one-off build."""
    if _command.get("name") != "serve":
        return None, None
    return served_pages(pages_path(docs_dir)), served_files()


def on_shutdown() -> None:
    """The next `mkdocs serve` starts from what this one rendered (render_memo.py)."""
    if _command.get("name") != "serve":
        return
    try:
        served_pages().keep()
    except OSError as error:  # a read-only folder: the next serve renders every page at first
        log.debug("The rendered pages were not kept: %s", error)


def on_build_error(error: Exception) -> None:
    if _build.published_dir is not None:
        publish.discard(_build.published_dir)


def on_pre_build(config: MkDocsConfig) -> None:
    """Generate the strategy's pages before MkDocs collects the docs tree.

    mkdocs-static-i18n runs the build once per language. The first (default-language) build
    generates the pages of every language, writing only changed files, and logs the warnings;
    the other languages' builds reuse its result.
    """
    if not config.use_directory_urls:
        raise PluginError(say("build.needs_directory_urls"))
    languages = _languages(config)
    problem = unsupported_languages(languages)  # once a build: `_languages` is asked per page
    if problem:
        raise PluginError(say("common.bad_config", file=config.config_file_path, problem=problem))
    # Messages in SUUNTA_LANG, else the site's default language (en, fi or sv; else English).
    choose_language(None, languages[0])
    root = Path(config.config_file_path).resolve().parent
    if config.theme["language"] == languages[0]:
        _build.site_dir, _build.default_404, _build.generated = Path(config.site_dir), None, None
        _build.started_ns, _build.touched = time.time_ns(), []
        _build.page_urls, _build.rendered_urls = set(), set()
        _build.html_bodies, _build.anchor_ids = {}, {}
        _build.nav_warned = set()
    _stop_theme_search_merge(config)
    custom_dir = config.theme.custom_dir
    paths = SitePaths(
        root=root,
        docs_dir=Path(config.docs_dir),
        theme_dir=Path(custom_dir) if custom_dir else None,
    )
    if _build.generated is None:
        memo, known = _served(paths.docs_dir)
        try:
            _build.generated = generate(
                paths.data_dir,
                paths.docs_dir,
                paths.templates_dir,
                languages,
                site_url=config.site_url or "",
                memo=memo,
                known=known,
            )
        except DataError as error:
            raise PluginError(error.report(root)) from None
        result = _build.generated
        if result.written or result.removed:  # changed folders are swapped in whole
            _build.touched = [*result.files, *result.removed]
        _build.touched_at = time.monotonic()
        _build.generated_pages = frozenset(
            path.relative_to(paths.docs_dir).as_posix() for path in _build.generated.pages
        )
        _warn_about_pages_without_default(paths.docs_dir, languages)
    if config.nav:
        _prune_nav(config)
    result = _build.generated
    # The site's name is the strategy's title in the language being built: data, not config.
    # Handed to the theme escaped (Markup): the theme prints it unescaped in several places.
    language = config.theme["language"]
    config.site_name = plain(result.site_names.get(language, config.site_name))
    config.extra.pop("suunta_statement", None)
    _link_published_files(config, result, language)
    config.extra["suunta_site_note"] = result.site_notes.get(language, "")
    config.extra["suunta_default_language"] = languages[0]
    # Editors' pages and the 404 page have no description of their own: the strategy's.
    config.site_description = plain(result.site_descriptions.get(language, ""))
    if language in result.statement_titles:
        # Theme templates resolve links from the site root; each language has its own root.
        config.extra["suunta_statement"] = {
            "url": _language_prefix(config, language) + urls.directory_url(urls.STATEMENT),
            "title": result.statement_titles[language],
        }
    if language == languages[0]:
        for problem in result.warnings:
            log.warning(problem.describe(root))
        _warn_about_statement(result.accessibility, paths.data_dir)


_FIXED_NAV_PATHS = frozenset(f"{page}.md" for page in FIXED_PAGES)
"""Suunta's fixed page addresses as `mkdocs.yml` names them (`timeline/index.md`)."""


def _prune_nav(config: MkDocsConfig) -> None:
    """Drop `nav:` entries for generated pages that were not generated this time; tell the
    editor of an entry naming a page Suunta never makes (a misspelt path), once a build."""
    generated = without_language(_build.generated_pages)
    for entry in unknown_entries(config.nav, generated, OWNED_DIRS, _FIXED_NAV_PATHS):
        if entry in _build.nav_warned:
            continue
        _build.nav_warned.add(entry)
        file = Path(config.config_file_path).name  # beside data/: named as an editor knows it
        folder = f"{entry.folder}/"
        if entry.title is None:
            log.warning(say("build.nav_no_page", file=file, path=entry.path, folder=folder))
        else:
            log.warning(
                say(
                    "build.nav_no_page_titled",
                    file=file,
                    title=entry.title,
                    path=entry.path,
                    folder=folder,
                )
            )
    config.nav = prune_nav(config.nav, generated, OWNED_DIRS)


def _link_published_files(config: MkDocsConfig, result: GenerationResult, language: str) -> None:
    """The open-data page in every footer, its catalog in its head, the feed in every head.

    Paths from the site root: the theme turns them into links relative to each page (`url`).
    """
    for key in ("suunta_open_data", "suunta_feed"):
        config.extra.pop(key, None)
    prefix = _language_prefix(config, language)
    if language in result.open_data_titles:
        config.extra["suunta_open_data"] = {
            "url": prefix + urls.directory_url(urls.OPEN_DATA),
            "title": result.open_data_titles[language],
            "catalog": result.catalog_path,
        }
    feed = result.feed_paths.get(language)
    if feed is not None:
        config.extra["suunta_feed"] = {"url": feed, "title": result.feed_titles[language]}


def _warn_about_statement(statement: AccessibilityFile | None, data_dir: Path) -> None:
    # The review's age is checked against today's date (SUUNTA_TODAY pins it): it only decides
    # whether to warn, it never reaches the site, so two builds of the same data stay identical.
    try:
        error, warning = review_problems(statement, today(), data_dir)
    except ClockError as clock:
        raise PluginError(str(clock)) from None
    if error:
        raise PluginError(error)
    if warning:
        log.warning(warning)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Pages carry the data's date (the sitemap's `lastmod`), not the day of the build."""
    date = _build.generated.publication_date if _build.generated else None
    if date is not None:
        page.update_date = date.isoformat()
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's body is finished HTML: it skips Markdown, which would only copy it.

    Parsing thousands of large HTML blocks again is most of what Markdown costs a big site.
    """
    if page.file.src_uri not in _build.generated_pages:
        return markdown
    _build.html_bodies[page.file.src_uri] = zlib.compress(markdown.encode("utf-8"), 1)
    _build.anchor_ids[page.file.src_uri] = anchor_ids(markdown)
    return ""


def _generated_body(page: Page, config: MkDocsConfig) -> str | None:
    """A generated page's body, taken from where it waits and marked if the i18n plugin fell
    back to it; None for any other page (or one already taken)."""
    body = _build.html_bodies.pop(page.file.src_uri, None)
    if body is None:
        return None
    return _marked_if_fallback(zlib.decompress(body).decode("utf-8"), page, config)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Sanitise an editor's page; mark a page that the i18n plugin fell back to, and warn.

    With `lean_pages`, a generated page's body waits, compressed, until the page is written
    (`_restore_generated_body`).
    """
    fallback = _fallback_language(page, config)
    if fallback is not None:
        log.warning(
            say(
                "build.untranslated_page",
                file=f"docs/{page.file.src_uri}",
                language=config.theme["language"],
                shown=fallback,
            )
        )
    if page.file.src_uri not in _build.generated_pages:
        return _marked_if_fallback(_sanitized_editor_page(html, page), page, config)
    # MkDocs checks links to `page.md#anchor` against the ids it saw in the Markdown it
    # rendered, which for a generated page is none: the body's own ids stand in.
    page.present_anchor_ids = _build.anchor_ids.pop(page.file.src_uri, set())
    return "" if _build.lean_pages else _generated_body(page, config) or ""


def _marked_if_fallback(html: str, page: Page, config: MkDocsConfig) -> str:
    fallback = _fallback_language(page, config)
    if fallback is None:
        return html
    return mark_untranslated_page(html, fallback, config.theme["language"])


def _fallback_language(page: Page, config: MkDocsConfig) -> str | None:
    """The language a page is shown in when the i18n plugin fell back to it, else None."""
    site_language = config.theme["language"]
    page_language = getattr(page.file, "locale", site_language)
    return None if page_language == site_language else str(page_language)


def _sanitized_editor_page(html: str, page: Page) -> str:
    """An editor's page passes the same kind of allow-list as data text; removals are told."""
    cleaned, removed = sanitize_page(html)
    if removed:
        source = Path(page.file.abs_src_path or "")
        text = source.read_text(encoding="utf-8") if source.is_file() else ""
        for warning in removal_warnings(f"docs/{page.file.src_uri}", text, removed):
            log.warning(warning)
    return cleaned


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every page's title and description go to the theme escaped, whoever wrote them.

    Runs after all pages are read, before any is written, so the navigation (which prints
    other pages' titles) is safe too. The theme's templates are compiled once per process.
    """
    if env.bytecode_cache is None:
        env.bytecode_cache = THEME_TEMPLATES
    for file in files.documentation_pages():
        _build.page_urls.add(file.url)
        page = file.page
        if page is None or page.meta is None:
            continue
        for key in ("title", "description", "author"):
            if key in page.meta and page.meta[key] is not None:
                page.meta[key] = plain(str(page.meta[key]))
        if "title" not in page.meta and page.title is not None:
            page.title = heading_text(page.title)  # type: ignore[misc]
    return env


@event_priority(100)
def _restore_generated_body(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """A generated page's body back in place just before it is written, ahead of the search
    plugin, which indexes it in this event; `on_post_page` lets it go again."""
    html = _generated_body(page, config)
    if html is not None:
        page.content = html
    return context


@event_priority(-100)
def _describe_page_head(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """What the head tells search engines and link previews (overrides/main.html prints it).

    Runs after mkdocs-static-i18n has found the page's other languages (`file.alternates`).
    """
    _build.rendered_urls.add(page.url)
    language = config.theme["language"]
    generated = _build.generated
    statement = generated.accessibility if generated else None
    context["suunta_head"] = page_head(
        site_url=config.site_url,
        page_path=page.url,
        paths={lang: f.url for lang, f in getattr(page.file, "alternates", {}).items()},
        language=language,
        languages=_languages(config),
        home_path=_language_prefix(config, language),
        structured_data=generated.structured_data.get(language) if generated else None,
        country=statement.country.value if statement else None,
    )
    return context


on_page_context = CombinedEvent(_restore_generated_body, _describe_page_head)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """With `lean_pages`, the written page's body is let go: MkDocs keeps every page (a
    language's pages are still held while mkdocs-static-i18n builds the next), and none of
    those plugins reads it after this."""
    if _build.lean_pages:
        page.content = None
    prefix = _language_prefix(config, config.theme["language"])
    html = point_search_to_language_root(valid_theme_html(output), prefix)
    return with_content_security_policy(html)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Static templates such as 404.html do not pass through `on_post_page`."""
    if not template_name.endswith(".html"):
        return output_content
    html = with_content_security_policy(valid_theme_html(output_content))
    if template_name == "404.html" and config.theme["language"] == _languages(config)[0]:
        _build.default_404 = html
    return html


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: /404.html in the default language, a search index per language.

    Runs after mkdocs-static-i18n's own post-build step (priority -100), in which it builds the
    other languages and writes the merged search index; inner builds only keep the theme's
    search plugin from merging that index with its previous one (served_search.py).
    """
    if _i18n_building(config):
        _stop_theme_search_merge(config)  # before mkdocs-static-i18n writes the merged index
        return
    if _build.site_dir is None:
        return
    if _command.get("dirty"):
        complete_served_index(_build.site_dir, _build.rendered_urls, _build.page_urls)
        remove_gone_pages(_build.site_dir, _build.page_urls)
    if _build.default_404 is not None:
        (_build.site_dir / "404.html").write_text(_build.default_404, encoding="utf-8")
    roots = {lang: _language_prefix(config, lang) for lang in _languages(config)}
    split_search_index(_build.site_dir, roots)
    if _build.generated is not None:
        write_embed_files(_build.site_dir, _build.generated.embeds)
    if not enable_stemmed_queries(_build.site_dir):
        log.warning(say("build.no_stemming"))
    if not stop_alternate_sitemap_fetches(_build.site_dir):
        log.warning(say("build.no_sitemap_change"))
    if _build.published_dir is not None and not (config.strict and _strict_warnings()):
        publish.publish(_build.published_dir)
        _build.published_dir = None
    # Under `mkdocs serve`: the pages just written must not trigger another whole rebuild.
    docs_dir = Path(config.docs_dir)
    withdraw_own_rebuild(
        _build.touched,
        _build.started_ns,
        _build.touched_at,
        [docs_dir / folder for folder in OWNED_DIRS],
    )


def _stop_theme_search_merge(config: MkDocsConfig) -> None:
    for name in ("material/search", "search"):
        if name in config.plugins:
            stop_theme_merge(config.plugins[name])


def _strict_warnings() -> bool:
    """Whether MkDocs will stop this strict build after `on_post_build` (its own counter)."""
    from mkdocs.utils import CountHandler

    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(h, CountHandler) and h.get_counts() for h in handlers)


def _i18n_building(config: MkDocsConfig) -> bool:
    """True during mkdocs-static-i18n's builds of the other languages, inside the first one."""
    return bool("i18n" in config.plugins and config.plugins["i18n"].building)


def _language_prefix(config: MkDocsConfig, language: str) -> str:
    """Where a language's pages start, relative to the site root: "" or "sv/"."""
    for entry in config.plugins["i18n"].config.languages:
        if entry["locale"] == language:
            return str(entry["link"]).lstrip("/")
    return ""


def _languages(config: MkDocsConfig) -> list[str]:
    if "i18n" not in config.plugins:
        raise PluginError(say("build.needs_i18n"))
    return languages_from_i18n([dict(lang) for lang in config.plugins["i18n"].config.languages])
