"""Each member municipality's measures, for its own website: an HTML fragment per language
and one JSON file, at addresses that do not change (`embed/<id>.fi.html`, `embed/<id>.json`).

The fragment needs nothing from this site to work: no script, no style sheet (plain semantic
HTML that takes the including page's styles), absolute links, and a `lang` on its root, so a
screen reader on a page in another language reads it right. The JSON holds every language.
Written after the build, beside the language roots, as they address the site, not a language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import urls
from .model import MeasureEntry, MunicipalityEntry, StrategyModel
from .page_head import absolute_url
from .progress import status_at
from .render import RenderContext
from .site_address import language_root


def embed_files(
    model: StrategyModel, contexts: Mapping[str, RenderContext], site_url: str
) -> dict[str, str]:
    """Path from the site root to content, for every municipality; empty without any.
    `contexts`: the generator's, one per language, the default language first."""
    files: dict[str, str] = {}
    if not model.municipalities:
        return files
    languages = list(contexts)
    for language, ctx in contexts.items():
        root = absolute_url(site_url, language_root(language, languages))
        for entry in model.municipalities:
            measures = entry.measures
            files[urls.embed_fragment(entry.id, language)] = ctx.render(
                "embed.html",
                urls.municipality_page(entry.id),
                language=language,
                municipality_id=entry.id,
                name=ctx.text(entry.municipality.name),
                measures=measures,
                measure_urls={
                    m.id: root + urls.directory_url(urls.measure_page(m.id)) for m in measures
                },
                show_status=any(status_at(m, model.as_of) is not None for m in measures),
                as_of=model.as_of,
                strategy=ctx.text(model.strategy.title),
                home_url=root,
            )
    for entry in model.municipalities:
        data = municipality_json(model, entry, languages, site_url)
        files[urls.embed_json(entry.id)] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return files


def municipality_json(
    model: StrategyModel, entry: MunicipalityEntry, languages: list[str], site_url: str
) -> dict[str, Any]:
    """The municipality's measures with ids, titles per language, goal, status and addresses."""

    def pages(path: str) -> dict[str, str]:
        return {
            lang: absolute_url(site_url, language_root(lang, languages) + urls.directory_url(path))
            for lang in languages
        }

    def measure(m: MeasureEntry) -> dict[str, Any]:
        status = status_at(m, model.as_of)
        return {
            "id": m.id,
            "number": m.number,
            "title": m.measure.title.texts,
            "goal": {"id": m.goal.id, "number": m.goal.number, "title": m.goal.title.texts},
            "status": status.value if status is not None else None,
            "illustrative": m.measure.illustrative,
            "url": pages(urls.measure_page(m.id)),
        }

    return {
        "municipality": {"id": entry.id, "name": entry.municipality.name.texts},
        "strategy": {"title": model.strategy.title.texts, "url": pages(urls.HOME)},
        "as_of": model.as_of.isoformat() if model.as_of else None,
        "measures": [measure(m) for m in entry.measures],
    }


def write_embed_files(site_dir: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
