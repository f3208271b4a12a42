"""Writes one Markdown file per page and language into the docs tree, from `data/`.

The output is ordinary Markdown (front matter + HTML body), so any engine that reads the docs
tree can build it; MkDocs calls `generate()` from a hook, and `suunta generate` does the same
from the command line. Nothing is written when nothing changed, so `mkdocs serve` does not
rebuild in a loop; a changed folder is swapped in whole, its unchanged files kept as they
were (see `generate`).
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import lru_cache, partial
from pathlib import Path
from typing import Protocol

import yaml
from jinja2 import TemplateError

from . import urls
from .cli_texts import say
from .dcat_catalog import file_title
from .embed import embed_files
from .errors import DataError, DataProblem
from .generated_files import HEADER, written_by_suunta
from .generation_cache import cached_result, fingerprint, forget, store
from .generation_result import GenerationResult
from .labels import Labels
from .loader import load_data
from .localize import pick
from .model import StrategyModel, build_model
from .open_data import DATA_DIR, FEEDS_DIR, feed_of, published_files
from .page_description import PageDescriptions
from .page_head import absolute_url
from .pages import (
    GeneratedPage,
    document_pages,
    goal_page,
    goals_index,
    home,
    measure_page,
    measures_index,
    municipality_pages,
    open_data_page,
    progress_page,
    statement_page,
    timeline_page,
    whole_strategy,
)
from .published_file import PublishedFile
from .render import RenderContext, make_context, template_problem
from .render_memo import RenderMemo
from .site_address import SiteAddress, language_root
from .staged_pages import StagedPages
from .structured_data import strategy_json_ld
from .validated_files import ValidatedFiles


class PageBuilder(Protocol):
    """A page-kind module of `pages/`."""

    def build(self, model: StrategyModel, ctx: RenderContext) -> list[GeneratedPage]: ...


PAGE_BUILDERS: tuple[PageBuilder, ...] = (
    home,
    goals_index,
    goal_page,
    measures_index,
    measure_page,
    timeline_page,
    progress_page,
    document_pages,
    whole_strategy,
    open_data_page,
    municipality_pages,
    statement_page,
)
OWNED_DIRS = (
    "goals",
    "measures",
    "timeline",
    "progress",
    "reports",
    "strategy",
    "accessibility",
    "open-data",
    DATA_DIR,
    FEEDS_DIR,
    measures_index.ALL_ROWS_DIR,
    "municipalities",
)
"""Folders of the docs tree that belong to the generator; stale files in them are removed."""

FIXED_PAGES = frozenset(
    (*urls.FIXED_PAGES, *(urls.document_page(kind.slug) for kind in document_pages.SECTIONS))
)
"""Every page address Suunta gives a page kind whatever the strategy (`timeline/index`): one
the data gives nothing for is not generated, yet it is no mistake to name it in `mkdocs.yml`.
Pages named by an id (a goal's, a measure's, a report's) and a list's later pages exist only
as the data has them."""

GENERATED_FILE_DIRS = (DATA_DIR, FEEDS_DIR, measures_index.ALL_ROWS_DIR)
"""Owned folders whose every file is generated, not only the Markdown: none is an editor's."""

_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's emitter where PyYAML has it: the front matter of 2,000 pages in a tenth of the time."""


def generate(
    data_dir: Path,
    docs_dir: Path,
    templates_dir: Path,
    languages: list[str],
    site_url: str = "",
    memo: RenderMemo | None = None,
    known: ValidatedFiles | None = None,
) -> GenerationResult:
    """Validate the data and write every generated page, all or nothing.

    Raises `DataError` before anything is written (for a page template that fails too, naming
    the template and its line). Changed pages are written into a staging
    folder beside the docs tree as they are rendered; when all are, each changed folder is
    completed there and swapped in (staged_pages.py), so a failure (a template error, a full
    disk) never leaves `docs/` a mix of old and new pages. Nothing is touched when nothing
    changed, so `mkdocs serve` settles;
    when no input changed either, nothing is even read again (generation_cache.py).
    `site_url` (from `mkdocs.yml`) makes the addresses in feeds and data files whole.
    `memo` (under `mkdocs serve`) gives back the pages whose inputs did not change, `known`
    the data files whose bytes did not.
    """
    key = fingerprint(data_dir, templates_dir, languages, site_url)
    # A serving process's first generation runs even when the cache could answer: rendering
    # nothing that the last serving process kept, it fills the memo's digests and the
    # validated files, which the editor's first save would otherwise wait for; the server's
    # start takes that time instead.
    first_served = memo is not None and memo.generations == 0
    cached = None if first_served else cached_result(docs_dir, key, OWNED_DIRS, GENERATED_FILE_DIRS)
    if cached is not None:
        return cached
    forget(docs_dir)  # until this run has finished, nothing is known about the docs tree
    with _older_objects_left_alone(), memo.generation(templates_dir) if memo else nullcontext():
        try:
            return _generate(
                data_dir, docs_dir, templates_dir, languages, site_url, key, memo, known
            )
        except TemplateError as error:
            raise DataError([template_problem(error)]) from None


def _generate(
    data_dir: Path,
    docs_dir: Path,
    templates_dir: Path,
    languages: list[str],
    site_url: str,
    key: str,
    memo: RenderMemo | None,
    known: ValidatedFiles | None,
) -> GenerationResult:
    model, result = _read_data(data_dir, languages, known)
    site = SiteAddress(site_url, tuple(languages))
    contexts = {
        lang: page_context(model, templates_dir, lang, languages, site, memo) for lang in languages
    }
    result.embeds = embed_files(model, contexts, site_url or "/")
    files = published_files(model, contexts, site)
    ours = partial(written_by_suunta, docs_dir)
    with StagedPages(docs_dir, OWNED_DIRS, GENERATED_FILE_DIRS, ours) as pages:
        for file in files:
            pages.put(Path(file.docs_path), file.content)
        files = tuple(file.written() for file in files)  # their bytes are on disk
        for language in languages:
            _generate_language(model, contexts[language], files, site_url, result, pages)
        _apply(pages, result)
    store(docs_dir, key, result)
    return result


@contextmanager
def _older_objects_left_alone() -> Iterator[None]:
    """Python's cycle collector does not look through what existed before generation began.

    Under `mkdocs serve` the process holds MkDocs's pages and files and the memo of the last
    generation; each full collection during generation walked all of them again (about a
    tenth of generating after an edit at 1,000 measures). Objects made by generation are
    collected as usual; the older ones go back to the collector when generation ends.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _not_ours(docs_dir: Path, rel: Path) -> DataProblem:
    place = f"docs/{rel.parts[0]}/" if len(rel.parts) > 1 else f"docs/{rel.name}"
    return DataProblem(docs_dir / rel, None, "", say("data_errors.not_generated_file", place=place))


def _read_data(
    data_dir: Path, languages: list[str], known: ValidatedFiles | None = None
) -> tuple[StrategyModel, GenerationResult]:
    """The model, and the result begun with what the data says of itself.

    What the files were read into (every value's line, for messages) is let go here: at
    1,000 measures it is some 6 MiB that generation does not need.
    """
    data = load_data(data_dir, languages, known)
    model = build_model(data)
    result = GenerationResult(
        warnings=list(data.translation_gaps),
        accessibility=data.accessibility,
        publication_date=model.publication_date,
    )
    return model, result


def _generate_language(
    model: StrategyModel,
    context: RenderContext,
    files: tuple[PublishedFile, ...],
    site_url: str,
    result: GenerationResult,
    pages: StagedPages,
) -> None:
    language, languages = context.language, context.languages
    result.site_names[language] = pick(model.strategy.title, language, languages).text
    if model.illustrative:
        result.site_notes[language] = Labels(language)("illustrative.site")
    labels = Labels(language, model.level_terms(language))
    descriptions = PageDescriptions(model, labels, language, languages)
    result.site_descriptions[language] = descriptions.site()
    if site_url:
        home = absolute_url(site_url, language_root(language, languages))
        result.structured_data[language] = strategy_json_ld(model, language, languages, home)
    feed = feed_of(files, language)
    if feed is not None:
        result.feed_paths[language] = feed.site_path
        result.feed_titles[language] = file_title(feed, context.labels)
    ctx = dataclasses.replace(context, published=files)
    for page in _each_page(model, ctx):
        if page.path == urls.STATEMENT:
            result.statement_titles[language] = page.title
        if page.path == urls.OPEN_DATA:
            result.open_data_titles[language] = page.title
        description = descriptions.of(page.path, page.title)
        markdown = page_markdown(page, description)
        pages.put(Path(f"{page.path}.{language}.md"), markdown.encode("utf-8"))
    all_rows = measures_index.filter_rows(model, ctx)
    if all_rows is not None:
        pages.put(Path(f"{measures_index.ALL_ROWS_FILE}.{language}.json"), all_rows)


def render_pages(
    model: StrategyModel,
    templates_dir: Path,
    language: str,
    languages: list[str],
    builders: tuple[PageBuilder, ...] = PAGE_BUILDERS,
) -> list[GeneratedPage]:
    """The pages of `builders` (default: every page kind) in one language, without the
    published files' sizes (for listing pages)."""
    site = SiteAddress("", tuple(languages))
    ctx = page_context(model, templates_dir, language, languages, site)
    return list(_each_page(model, ctx, builders))


def page_context(
    model: StrategyModel,
    templates_dir: Path,
    language: str,
    languages: list[str],
    site: SiteAddress,
    memo: RenderMemo | None = None,
) -> RenderContext:
    terms = model.level_terms(language)
    ctx = make_context(templates_dir, language, languages, terms)
    ctx.env.globals["as_of"] = model.as_of
    if memo is None:
        return dataclasses.replace(ctx, site=site)
    scope = memo.digest((language, languages, terms, model.as_of, site))
    return dataclasses.replace(ctx, site=site, memo=memo, memo_scope=scope)


def _each_page(
    model: StrategyModel, ctx: RenderContext, builders: tuple[PageBuilder, ...] = PAGE_BUILDERS
) -> Iterator[GeneratedPage]:
    """Page kind by page kind, so a generation holds one kind's pages at a time."""
    for builder in builders:
        yield from builder.build(model, ctx)


def page_markdown(page: GeneratedPage, description: str = "") -> str:
    # The title and the description are stored as plain text; the hook escapes every page's
    # title and description on their way to the theme (markup.py), editors' pages and
    # generated ones alike.
    # Generated pages carry their own headings and tables: the table of contents is hidden
    # to give the tables the width.
    front = _front_matter(page.title, description, page.searchable)
    return f"---\n{HEADER}\n{front}---\n\n{page.body.strip()}\n"


@lru_cache(maxsize=16_384)
def _front_matter(title: str, description: str, searchable: bool) -> str:
    """A page's front matter; remembered, as under `mkdocs serve` nearly every page's is the
    same at the next edit (writing them was a twentieth of generating after an edit)."""
    meta: dict[str, object] = {"title": title}
    if description:
        meta["description"] = description
    meta["hide"] = ["toc"]
    if not searchable:
        meta["search"] = {"exclude": True}
    return yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


def _apply(pages: StagedPages, result: GenerationResult) -> None:
    """Bring the generated part of the docs tree to exactly the staged pages; raises
    `DataError`, changing nothing, when that would delete or replace an editor's file."""
    docs_dir = pages.docs_dir
    stale = pages.leftover()  # all Suunta's once no editor's file is among them
    foreign = pages.foreign | {rel for rel in stale if not pages.ours(rel)}
    if foreign:
        raise DataError([_not_ours(docs_dir, rel) for rel in sorted(foreign)])
    result.files = sorted(docs_dir / rel for rel in pages.paths)
    result.unchanged = len([rel for rel in pages.paths - pages.changed if rel.suffix == ".md"])
    result.written = sorted(docs_dir / rel for rel in pages.changed if rel.suffix == ".md")
    result.removed = sorted(docs_dir / rel for rel in stale)
    pages.swap_in(stale)
