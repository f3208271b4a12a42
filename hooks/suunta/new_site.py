"""`suunta new`: a new strategy site that builds at once with `mkdocs build --strict`.

The site holds only its own content and settings: data/, docs/, mkdocs.yml, a one-line hook
file, the Pages workflow and its requirements. Suunta's code and theme stay in the package.
The starter texts per language are in `site_starter/texts.yml` (its languages are the ones a
new site can have), the files' shapes in `site_starter/files/`.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .accessibility_schema import Country
from .generator import OWNED_DIRS
from .json_schema import SCHEMA_DIR, schema_comment, write_schemas

STARTER_DIR = Path(__file__).parent / "site_starter"
COUNTRIES = tuple(country.value for country in Country)
"""The countries whose accessibility law a statement can follow (the schema's)."""
DATA_FILES = {
    "strategy": "data/strategy.yml",
    "goals": "data/goals.yml",
    "measures": "data/measures/1.yml",
    "accessibility": "data/accessibility.yml",
}
"""Each data file of a new site by its kind (the kinds `suunta schema` names)."""


class NewSiteError(ValueError):
    """The request cannot make a site (an unknown language, a folder in use)."""


@dataclass(frozen=True)
class NewSite:
    """What `suunta new` is asked for."""

    target: Path
    languages: tuple[str, ...]
    country: str
    today: dt.date
    requirement: str = "suunta"
    organisation: str | None = None


def parse_languages(text: str) -> tuple[str, ...]:
    """`fi,sv` → ("fi", "sv"): the first is the site's default language."""
    languages = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [code for code in languages if code not in _starter_texts()]
    if not languages or unknown or len(set(languages)) != len(languages):
        raise NewSiteError(text)
    return languages


class OrganisationNameError(NewSiteError):
    """The organisation's name is not text that can be saved (bytes of another encoding)."""


def create_site(request: NewSite) -> list[Path]:
    """Write the new site's files; refuse a folder that already has files in it.

    The data files name their JSON Schemas (written into `schemas/`) on their first line, so
    an editor's YAML editor completes field names and marks mistakes as they type. All or
    nothing: the files are written into a folder beside the target and moved into place
    whole, so a failure leaves no half-made site that a second try would refuse.
    """
    if request.country not in COUNTRIES:
        raise NewSiteError(request.country)
    _check_organisation(request.organisation)
    if request.target.exists() and any(request.target.iterdir()):
        raise FileExistsError(request.target)
    schema_dir = request.target / SCHEMA_DIR

    def schema_line(kind: str, path: Path) -> str:
        return schema_comment(kind, schema_dir, request.target / path)

    files = {path: text.encode("utf-8") for path, text in _site_files(request, schema_line).items()}
    staging = _staging_folder(request.target)
    try:
        for relative, content in files.items():
            (staging / relative).parent.mkdir(parents=True, exist_ok=True)
            (staging / relative).write_bytes(content)
        schemas = write_schemas(staging / SCHEMA_DIR)
        if request.target.exists():
            request.target.rmdir()  # empty, as checked above: the staged folder takes its place
        staging.rename(request.target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [request.target / relative for relative in files] + [
        request.target / schema.relative_to(staging) for schema in schemas
    ]


def _check_organisation(name: str | None) -> None:
    """A name typed in a terminal of another encoding arrives with undecodable bytes."""
    if name is None:
        return
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise OrganisationNameError(shown_name(name)) from None


def shown_name(name: str) -> str:
    """The name as it was probably meant: each undecodable byte read as Windows-1252."""
    return "".join(
        bytes([ord(char) - 0xDC00]).decode("cp1252", errors="replace")
        if "\udc80" <= char <= "\udcff"
        else ("\ufffd" if "\ud800" <= char <= "\udfff" else char)
        for char in name
    )


def _staging_folder(target: Path) -> Path:
    """A new hidden folder beside `target`, on the same disk so the final rename is one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}.{secrets.token_hex(4)}.suunta-new"
    staging.mkdir()
    return staging


def _site_files(request: NewSite, schema_line: Callable[[str, Path], str]) -> dict[str, str]:
    texts = _starter_texts()
    env = _environment()
    first = texts[request.languages[0]]

    def organisation(language: str) -> str:
        return request.organisation or str(texts[language]["organisation"])

    def localized(key: str, indent: int = 2) -> str:
        pad = " " * indent
        return "\n".join(
            f"{pad}{lang}: {_quoted(str(texts[lang][key]))}" for lang in request.languages
        )

    def localized_organisation() -> str:
        return "\n".join(f"    {lang}: {_quoted(organisation(lang))}" for lang in request.languages)

    def palette(language: str, indent: int) -> str:
        text = env.get_template("palette.j2").render(t=texts[language])
        return "\n".join(" " * indent + line for line in text.splitlines())

    def schema_for(kind: str) -> str:
        line = schema_line(kind, Path(DATA_FILES[kind]))
        return f"{line}\n" if line else ""

    values: dict[str, Any] = {
        "languages": request.languages,
        "country": request.country,
        "today": request.today.isoformat(),
        "year": request.today.year,
        "texts": texts,
        "first": first,
        "requirement": request.requirement,
        "organisation": organisation,
        "localized": localized,
        "localized_organisation": localized_organisation,
        "palette": palette,
        "schema_line": schema_for,
        "generated_dirs": OWNED_DIRS,
    }
    files = {
        "mkdocs.yml": "mkdocs.yml.j2",
        "hooks.py": "hooks.py.j2",
        "requirements.txt": "requirements.txt.j2",
        ".gitignore": "gitignore.j2",
        ".github/workflows/pages.yml": "pages.yml.j2",
        **{path: f"{kind}.yml.j2" for kind, path in DATA_FILES.items()},
    }
    rendered = {path: env.get_template(name).render(values) for path, name in files.items()}
    for language in request.languages:
        page = f"docs/{first['page_file']}.{language}.md"
        rendered[page] = env.get_template("page.md.j2").render(t=texts[language])
    return {path: text.rstrip("\n") + "\n" for path, text in rendered.items()}


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as exactly `text` (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(STARTER_DIR / "files"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML and Markdown files; values are quoted with `q`
    )
    env.filters["q"] = _quoted
    return env


@cache
def _starter_texts() -> dict[str, dict[str, Any]]:
    with (STARTER_DIR / "texts.yml").open(encoding="utf-8") as handle:
        texts: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    return texts
