"""The open data described in DCAT-AP (JSON-LD), so national open-data portals can harvest it.

One `dcat:Catalog` holding one `dcat:Dataset` (the strategy), whose `dcat:Distribution`s are
the published files, with their sizes, formats, licence and the data's own date. Titles and
descriptions are given in every language of the site. Addresses are whole when `site_url`
is set; otherwise relative to the catalog file, which JSON-LD resolves against its address.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from babel import Locale

from .labels import Labels
from .localize import pick
from .model import StrategyModel
from .published_file import PublishedFile
from .site_address import SiteAddress

CATALOG_PATH = "data/catalog.jsonld"
MEDIA_TYPE = "application/ld+json"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU_AUTHORITY = "http://publications.europa.eu/resource/authority"
LANGUAGE_CODES = {"fi": "FIN", "sv": "SWE", "en": "ENG", "et": "EST", "se": "SME", "de": "DEU"}
"""ISO 639-1 to the EU's language authority (ISO 639-3 based) for the site's languages."""
FILE_TYPES = {"CSV": "CSV", "JSON": "JSON", "JSON-LD": "JSON_LD", "Atom": "ATOM", "XLSX": "XLSX"}
"""Our format names to the EU's file-type authority."""


def catalog_jsonld(
    model: StrategyModel,
    files: Sequence[PublishedFile],
    site: SiteAddress,
    labels: Mapping[str, Labels],
    landing_pages: Mapping[str, str],
    licence_url: str,
) -> bytes:
    """`labels` and `landing_pages` (the open-data page's path) per language, default first."""
    languages = list(labels)

    def ref(site_path: str) -> dict[str, str]:
        return {"@id": site.link(site_path, CATALOG_PATH)}

    def texts(key: str, **values: str) -> list[dict[str, str]]:
        return [{"@value": labels[lang](key, **values), "@language": lang} for lang in languages]

    def data_texts(value: Mapping[str, str]) -> list[dict[str, str]]:
        return [{"@value": value[lang], "@language": lang} for lang in languages if lang in value]

    title = model.strategy.title.texts
    modified = _date(model.publication_date)
    licence = {"@id": licence_url}
    language_refs = [
        {"@id": f"{EU_AUTHORITY}/language/{LANGUAGE_CODES[lang]}"}
        for lang in languages
        if lang in LANGUAGE_CODES
    ]
    publisher: dict[str, Any] = {
        "@id": site.link(CATALOG_PATH, CATALOG_PATH) + "#publisher",
        "@type": "foaf:Agent",
        "foaf:name": data_texts(model.strategy.organisation.name.texts),
    }
    distributions = [
        {
            "@id": site.link(f.site_path, CATALOG_PATH),
            "@type": "dcat:Distribution",
            "dct:title": [
                {"@value": file_title(f, labels[lang]), "@language": lang} for lang in languages
            ],
            "dct:description": texts(f"open_data.files.{f.kind}.description"),
            "dcat:accessURL": ref(f.site_path),
            "dcat:downloadURL": ref(f.site_path),
            "dcat:mediaType": {
                "@id": f"http://www.iana.org/assignments/media-types/{f.media_type}"
            },
            "dct:format": {"@id": f"{EU_AUTHORITY}/file-type/{FILE_TYPES[f.format]}"},
            "dcat:byteSize": {"@value": str(f.size), "@type": "xsd:nonNegativeInteger"},
            "dct:license": licence,
            **({"dct:modified": modified} if modified else {}),
            **(
                {"dct:language": {"@id": f"{EU_AUTHORITY}/language/{LANGUAGE_CODES[f.language]}"}}
                if f.language in LANGUAGE_CODES
                else {}
            ),
        }
        for f in files
    ]
    dataset: dict[str, Any] = {
        "@id": site.link(CATALOG_PATH, CATALOG_PATH) + "#dataset",
        "@type": "dcat:Dataset",
        "dct:title": data_texts(title),
        "dct:description": [
            {
                "@value": labels[lang](
                    "open_data.dataset_description",
                    site=pick(model.strategy.title, lang, languages).text,
                ),
                "@language": lang,
            }
            for lang in languages
        ],
        "dct:identifier": site.link(CATALOG_PATH, CATALOG_PATH) + "#dataset",
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:license": licence,
        "dct:language": language_refs,
        "dcat:keyword": texts("open_data.keyword"),
        "dcat:landingPage": [ref(landing_pages[lang]) for lang in languages],
        "dct:temporal": _temporal(model),
        "dcat:distribution": [{"@id": d["@id"]} for d in distributions],
        **({"dct:modified": modified} if modified else {}),
        **({"dct:issued": _date(model.strategy.adoption.date)} if model.strategy.adoption else {}),
    }
    catalog: dict[str, Any] = {
        "@id": site.link(CATALOG_PATH, CATALOG_PATH) + "#catalog",
        "@type": "dcat:Catalog",
        "dct:title": data_texts(title),
        "dct:description": dataset["dct:description"],
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:language": language_refs,
        "dct:license": licence,
        "foaf:homepage": ref(""),
        "dcat:dataset": {"@id": dataset["@id"]},
        **({"dct:modified": modified} if modified else {}),
    }
    document = {"@context": CONTEXT, "@graph": [catalog, dataset, *distributions, publisher]}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def file_title(file: PublishedFile, labels: Labels) -> str:
    """A file's title in `labels`' language, naming the file's own language when it has one."""
    title = labels(f"open_data.files.{file.kind}.title")
    if file.language is None:
        return title
    name = Locale.parse(file.language).get_display_name(labels.language) or file.language
    return labels("open_data.in_language", title=title, language=name)


def _date(value: dt.date | None) -> dict[str, str] | None:
    return {"@value": value.isoformat(), "@type": "xsd:date"} if value else None


def _temporal(model: StrategyModel) -> dict[str, Any]:
    period = model.strategy.period
    temporal: dict[str, Any] = {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": {"@value": f"{period.start}-01-01", "@type": "xsd:date"},
    }
    if period.end is not None:
        temporal["dcat:endDate"] = {"@value": f"{period.end}-12-31", "@type": "xsd:date"}
    return temporal
