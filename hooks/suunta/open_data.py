"""Every file the site publishes beside its pages: the open data and the progress feeds.

Made in memory from the model before any page is rendered, so the open-data page can give
each file's exact size. Files for everyone (the JSON, its schema, the CSV files, the catalog)
are written under `data/` in the docs tree without a language suffix: mkdocs-static-i18n
copies such a file once, to the same address in the site root (`/data/strategy.json`). A name
like `measures.fi.csv` would be taken as the Finnish version of `measures.csv` and moved to
`/measures.csv` and `/sv/measures.csv`, hence `measures-fi.csv`. The feeds are per language
and carry the suffix on purpose: `feeds/progress.sv.xml` is served at `/sv/feeds/progress.xml`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from . import urls
from .atom_feed import MEDIA_TYPE as ATOM_MEDIA_TYPE
from .atom_feed import atom_feed, feed_docs_path, feed_site_path
from .dcat_catalog import CATALOG_PATH, catalog_jsonld
from .dcat_catalog import MEDIA_TYPE as JSONLD_MEDIA_TYPE
from .measures_csv import measures_csv
from .model import StrategyModel
from .plan_import.words import vocabulary
from .published_file import PublishedFile
from .render import RenderContext
from .repeatable_zip import repeatable_zip
from .site_address import SiteAddress
from .strategy_json import strategy_json, strategy_schema

DATA_DIR = "data"
"""The docs tree's folder (and the site's) for the open data files; all of it is generated."""
FEEDS_DIR = "feeds"

DEFAULT_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
"""Creative Commons Attribution 4.0 International, when `open_data.licence` is not given."""


def licence_url(model: StrategyModel) -> str:
    given = model.strategy.open_data.licence if model.strategy.open_data else None
    return given.url if given else DEFAULT_LICENCE_URL


def licence_name(model: StrategyModel, ctx: RenderContext) -> str:
    given = model.strategy.open_data.licence if model.strategy.open_data else None
    return ctx.text(given.name) if given else ctx.labels("open_data.default_licence")


def published_files(
    model: StrategyModel, contexts: Mapping[str, RenderContext], site: SiteAddress
) -> tuple[PublishedFile, ...]:
    """Every published file; `contexts` per language, the default language first."""
    languages = list(contexts)
    files = [
        _data_file(
            "strategy.json", "strategy_json", "JSON", "application/json", strategy_json(model)
        ),
        _data_file(
            "strategy.schema.json",
            "schema",
            "JSON",
            "application/schema+json",
            strategy_schema(),
        ),
    ]
    for language, ctx in contexts.items():
        files.append(
            _data_file(
                f"measures-{language}.csv",
                "measures_csv",
                "CSV",
                "text/csv",
                measures_csv(model, ctx.labels, languages, site),
                language,
            )
        )
        workbook = measures_workbook(model, ctx)
        if workbook is not None:
            files.append(
                _data_file(
                    f"measures-{language}.xlsx",
                    "measures_xlsx",
                    "XLSX",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    workbook,
                    language,
                )
            )
    for language, ctx in contexts.items():
        feed = atom_feed(model, ctx, site)
        if feed is not None:
            files.append(
                PublishedFile(
                    feed_docs_path(language),
                    feed_site_path(site, language),
                    "feed",
                    "Atom",
                    ATOM_MEDIA_TYPE,
                    feed,
                    language,
                )
            )
    catalog = catalog_jsonld(
        model,
        files,
        site,
        {language: ctx.labels for language, ctx in contexts.items()},
        {language: site.page_path(urls.OPEN_DATA, language) for language in languages},
        licence_url(model),
    )
    files.append(
        PublishedFile(CATALOG_PATH, CATALOG_PATH, "catalog", "JSON-LD", JSONLD_MEDIA_TYPE, catalog)
    )
    return tuple(files)


def measures_workbook(model: StrategyModel, ctx: RenderContext) -> bytes | None:
    """The measures as `.xlsx` in the editors' import shape (`/data/measures-<lang>.xlsx`).

    The same workbook `suunta export-xlsx` writes, so a downloaded plan can be edited and
    imported back. Only in the languages the import's vocabulary knows (fi, sv).
    """
    if ctx.language not in vocabulary().sheet:
        return None
    # openpyxl (and lxml, which it takes) is 15 MiB a build that reads its pages from the
    # generation cache never needs: imported here, when a workbook is made.
    from .plan_export import write_plan_workbook

    buffer = io.BytesIO()
    write_plan_workbook(
        [entry.goal for entry in model.goals],
        [entry.measure for entry in model.measures],
        ctx.language,
        buffer,
        [language for language in ctx.languages if language != ctx.language],
    )
    return repeatable_zip(buffer.getvalue(), model.publication_date)


def feed_of(files: tuple[PublishedFile, ...], language: str) -> PublishedFile | None:
    """The progress feed in `language`, if the site has one."""
    return next((f for f in files if f.kind == "feed" and f.language == language), None)


def _data_file(
    name: str, kind: str, format: str, media_type: str, content: bytes, language: str | None = None
) -> PublishedFile:
    path = f"{DATA_DIR}/{name}"
    return PublishedFile(path, path, kind, format, media_type, content, language)
