"""The Jinja environment in which page builders render `overrides/suunta/*.html` for a language.

Autoescape is on, and data text reaches HTML only through the filters below, which go through
`markup.py`: so there is one escaping and sanitising path for all data text.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    select_autoescape,
)
from jinja2.bccache import Bucket
from markupsafe import Markup

from . import urls
from .charts import indicator_chart, status_bars
from .errors import DataProblem
from .labels import Labels, TemplateLabels, TermOverrides
from .localize import LocalText, pick
from .markup import markdown_html, plain
from .progress import history, status_at
from .published_file import PublishedFile
from .render_memo import RenderMemo
from .schedule_words import half_year_short, period_short, schedule_sentence
from .schema import Localized, Name
from .site_address import SiteAddress
from .table_columns import optional_columns


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process, shared by every language's environment: each
    language has its own filters and globals, but the same compiled code. Keyed by Jinja on
    the template's name and file, and checked against its source, so an edited template
    (under `mkdocs serve`) is compiled anew. One cache per kind of environment: the code
    also depends on the environment's settings (`trim_blocks` …)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()

THEME_TEMPLATES = CompiledTemplates()
"""For the theme's environment, which MkDocs makes anew for each build and each language and
would compile every theme template in again (the hook hands it this cache)."""


@dataclass(frozen=True)
class RenderContext:
    """What every page builder needs to render one language."""

    language: str
    languages: list[str]
    labels: Labels
    env: Environment
    site: SiteAddress | None = None
    """Whole addresses of the site (feeds, data files); None where a builder needs none."""
    published: tuple[PublishedFile, ...] = ()
    """The files published beside the pages (open data, feeds), for the pages that list them."""
    memo: RenderMemo | None = None
    """Bodies of the last generation to reuse when a page's inputs are unchanged (serving)."""
    memo_scope: bytes = b""
    """A digest of what every template of this language reads besides its values."""

    def text(self, value: Localized | Name) -> str:
        """Plain text for places that take no markup (page titles)."""
        return pick(value, self.language, self.languages).text

    def render(self, template: str, page: str, **values: object) -> str:
        def produce() -> str:
            return self.env.get_template(template).render(page=page, **values)

        return self.remembered(template, page, values, produce)

    def remembered(
        self, name: str, page: str, values: Mapping[str, object], produce: Callable[[], str]
    ) -> str:
        """`produce()`, which renders `name` on `page` from `values`; while serving, the text
        the last generation produced from the same inputs (render_memo.py)."""
        if self.memo is None:
            return produce()
        return self.memo.render(self.memo_scope, name, page, values, produce)


def make_context(
    templates_dir: Path,
    language: str,
    languages: list[str],
    terms: TermOverrides | None = None,
) -> RenderContext:
    """The environment for one language; `terms` are the strategy's own level names in it.

    A new environment per generation, so templates are not checked for edits on every
    `get_template` (a page includes and imports a dozen: tens of thousands of file checks).
    """
    env = Environment(
        auto_reload=False,
        loader=FileSystemLoader(templates_dir),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_COMPILED,
    )
    labels = Labels(language, terms)
    context = RenderContext(language, languages, labels, env)
    env.filters["t"] = lambda value: _inline(pick(value, language, languages), labels)
    env.filters["md"] = lambda value: _block(pick(value, language, languages), labels)
    env.globals["label"] = TemplateLabels(labels)
    env.globals["period_short"] = lambda span: period_short(span, labels)
    env.globals["schedule_sentence"] = lambda entries: schedule_sentence(entries, labels)
    env.globals["half_year"] = lambda hy: half_year_short(hy, labels)
    env.globals["status_at"] = status_at
    env.globals["optional_columns"] = optional_columns
    env.globals["history"] = history
    env.globals["indicator_chart"] = indicator_chart
    env.globals["status_chart"] = status_bars
    env.globals["link"] = urls.relative_url
    env.globals["file_link"] = urls.file_url
    env.globals["urls"] = urls
    env.globals["language"] = language
    return context


def template_problem(error: TemplateError) -> DataProblem:
    """Where a page template fails, for the site's web team: the template, its line and
    Jinja's own words (a syntax error knows its line; any other, its traceback does)."""
    if isinstance(error, TemplateSyntaxError) and error.filename:
        return DataProblem(Path(error.filename), error.lineno, "", error.message or str(error))
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".html")]
    if frames:
        return DataProblem(Path(frames[-1].filename), frames[-1].lineno, "", str(error))
    return DataProblem(Path(error.__class__.__name__), None, "", str(error))


def _inline(text: LocalText, labels: Labels) -> Markup:
    if not text.fallback:
        return plain(text.text)
    return Markup('<span lang="{}">{}</span> <span class="suunta-untranslated">({})</span>').format(
        text.lang, text.text, labels("untranslated_marker")
    )


def _block(text: LocalText, labels: Labels) -> Markup:
    html = markdown_html(text.text)
    if not text.fallback:
        return html
    return Markup('<div lang="{}">{}</div>\n<p class="suunta-untranslated">{}</p>').format(
        text.lang, html, labels("untranslated")
    )
