"""Skips a generation whose inputs and outputs are as the last one left them.

Under `mkdocs serve` every rebuild calls the generator, and a large strategy takes seconds to
validate and render. When the data, the page templates, the UI texts and Suunta's own code are
byte for byte those of the last run, and every generated page is still the file that run
wrote, the result is read back from `.suunta-cache.json` beside the docs tree (outside it, so
MkDocs does not watch it). Any doubt (a missing, unreadable or older cache) means generating.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .accessibility_schema import AccessibilityFile
from .cli_texts import current_language
from .errors import DataProblem
from .generation_result import GenerationResult

CACHE_FILE = ".suunta-cache.json"
PAGES_FILE = ".suunta-cache-pages.json"
"""What the last serving process rendered (render_memo.py), beside the cache."""
FORMAT = 4
_PACKAGE = Path(__file__).parent
_CODE_SUFFIXES = (".py", ".yml")
_NOT_CODE = ("theme", "site_starter", "__pycache__")


def cache_path(docs_dir: Path) -> Path:
    return docs_dir.parent / CACHE_FILE


def pages_path(docs_dir: Path) -> Path:
    return docs_dir.parent / PAGES_FILE


def fingerprint(data_dir: Path, templates_dir: Path, languages: list[str], site_url: str) -> str:
    """A digest of everything a generation reads: data, templates, UI texts, code, settings,
    and the language of messages (the warnings are kept as text)."""
    settings = [FORMAT, languages, site_url, current_language()]
    digest = hashlib.sha256(json.dumps(settings).encode())
    for root, files in (
        (data_dir, _files(data_dir)),
        (templates_dir, _files(templates_dir)),
        (_PACKAGE, _code_files()),
    ):
        _add_files(digest, root, files)
    return digest.hexdigest()


def code_digest() -> str:
    """A digest of Suunta's own code and UI texts, whose changes no data digest can see."""
    digest = hashlib.sha256(str(FORMAT).encode())
    _add_files(digest, _PACKAGE, _code_files())
    return digest.hexdigest()


def folder_digest(root: Path) -> bytes:
    """A digest of every file under `root`, names and contents (the render memo's templates)."""
    digest = hashlib.sha256()
    _add_files(digest, root, _files(root))
    return digest.digest()


def _add_files(digest: Any, root: Path, files: Iterable[Path]) -> None:
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def cached_result(
    docs_dir: Path, key: str, owned_dirs: Iterable[str], generated_dirs: Iterable[str]
) -> GenerationResult | None:
    """The last result, if it was made from the same inputs and its files are untouched.

    In `owned_dirs` every Markdown file is the generator's; in `generated_dirs` every file.
    """
    try:
        stored = json.loads(cache_path(docs_dir).read_text(encoding="utf-8"))
        if stored.get("format") != FORMAT or stored.get("fingerprint") != key:
            return None
        files = {docs_dir / rel: stamp for rel, stamp in stored["files"].items()}
        if any(_stamp(path) != stamp for path, stamp in files.items()):
            return None
        present = {p for folder in owned_dirs for p in (docs_dir / folder).glob("**/*.md")}
        present |= {
            p for folder in generated_dirs for p in (docs_dir / folder).glob("**/*") if p.is_file()
        }
        if not present <= files.keys():
            return None  # a stale file someone put back: let the generator remove it
        return _result(stored["result"], sorted(files))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(docs_dir: Path, key: str, result: GenerationResult) -> None:
    """Remember this generation; a cache that cannot be written only costs time later."""
    payload = {
        "format": FORMAT,
        "fingerprint": key,
        "files": {p.relative_to(docs_dir).as_posix(): _stamp(p) for p in result.files},
        "result": {
            "warnings": [[str(w.file), w.line, w.field, w.message] for w in result.warnings],
            "site_names": result.site_names,
            "statement_titles": result.statement_titles,
            "site_notes": result.site_notes,
            "accessibility": (
                result.accessibility.model_dump(mode="json") if result.accessibility else None
            ),
            "publication_date": (
                result.publication_date.isoformat() if result.publication_date else None
            ),
            "open_data_titles": result.open_data_titles,
            "feed_paths": result.feed_paths,
            "feed_titles": result.feed_titles,
            "catalog_path": result.catalog_path,
            "site_descriptions": result.site_descriptions,
            "structured_data": result.structured_data,
            "embeds": result.embeds,
        },
    }
    try:
        cache_path(docs_dir).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass


def forget(docs_dir: Path) -> None:
    cache_path(docs_dir).unlink(missing_ok=True)


def _result(stored: dict[str, Any], files: list[Path]) -> GenerationResult:
    date = stored["publication_date"]
    statement = stored["accessibility"]
    return GenerationResult(
        files=files,
        unchanged=sum(1 for path in files if path.suffix == ".md"),
        warnings=[DataProblem(Path(f), line, fld, msg) for f, line, fld, msg in stored["warnings"]],
        site_names=stored["site_names"],
        statement_titles=stored["statement_titles"],
        site_notes=stored["site_notes"],
        accessibility=AccessibilityFile.model_validate(statement) if statement else None,
        publication_date=dt.date.fromisoformat(date) if date else None,
        open_data_titles=stored["open_data_titles"],
        feed_paths=stored["feed_paths"],
        feed_titles=stored["feed_titles"],
        catalog_path=stored["catalog_path"],
        site_descriptions=stored["site_descriptions"],
        structured_data=stored["structured_data"],
        embeds=stored["embeds"],
    )


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def _code_files() -> list[Path]:
    return sorted(
        p
        for p in _PACKAGE.rglob("*")
        if p.suffix in _CODE_SUFFIXES
        and p.is_file()
        and not set(p.relative_to(_PACKAGE).parts) & set(_NOT_CODE)
    )
