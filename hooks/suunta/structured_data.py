"""The strategy as schema.org structured data (JSON-LD) for the home page.

A strategy is a document, so it is a `CreativeWork`; the organisation behind it a
`GovernmentOrganization`, the municipalities it covers its `spatialCoverage`. Only what the
data says is written: no field is filled with a guess (a strategy without an end year has an
open-ended `temporalCoverage`, one without an update date no `dateModified`).
"""

from __future__ import annotations

from typing import Any

from . import urls
from .localize import pick
from .markup import markdown_text
from .model import StrategyModel
from .page_description import shorten
from .schema import Localized


def strategy_json_ld(
    model: StrategyModel, language: str, languages: list[str], home_url: str
) -> dict[str, Any]:
    """The strategy in `language`; `home_url` is the absolute address of that language's home."""
    strategy = model.strategy

    def text(value: Localized) -> str:
        return pick(value, language, languages).text

    organisation = {"@type": "GovernmentOrganization", "name": text(strategy.organisation.name)}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": text(strategy.title),
        "url": home_url,
        "inLanguage": language,
        "publisher": organisation,
    }
    if strategy.short_title is not None:
        data["alternateName"] = text(strategy.short_title)
    if strategy.vision is not None:
        data["abstract"] = shorten(markdown_text(text(strategy.vision.text)), 500)
    end = strategy.period.end
    data["temporalCoverage"] = f"{strategy.period.start}/{end if end is not None else '..'}"
    if strategy.organisation.municipalities:
        data["spatialCoverage"] = [
            {"@type": "AdministrativeArea", "name": text(m.name)}
            for m in strategy.organisation.municipalities
        ]
    if strategy.updated is not None:
        data["dateModified"] = strategy.updated.isoformat()
    data["hasPart"] = [
        {
            "@type": "CreativeWork",
            "name": text(entry.goal.title),
            "url": home_url + urls.directory_url(urls.goal_page(entry.id)),
        }
        for entry in model.goals
    ]
    return data
