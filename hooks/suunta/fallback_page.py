"""An editor's page shown in another language than the site's: marked, never passed off; and
one written only in another language than the default: named, as no language can stand in."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from markupsafe import Markup

from .labels import Labels


def mark_untranslated_page(html: str, page_language: str, site_language: str) -> str:
    """Wrap the page body in its own `lang`, after a visible note in the site's language."""
    note = Labels(site_language)("untranslated_page")
    return Markup(
        '<p class="suunta-untranslated suunta-untranslated-page" role="note">{}</p>\n'
        '<div lang="{}">\n{}\n</div>'
    ).format(note, page_language, Markup(html))


def pages_without_default(paths: Iterable[str], languages: Sequence[str]) -> list[tuple[str, str]]:
    """Editors' pages written only in a language other than the default: each such file
    (`ainoa.sv.md`) with the default-language file it lacks (`ainoa.fi.md`).

    mkdocs-static-i18n shows the default language's page where another language has none,
    never the other way round: the default-language site has no such page, and MkDocs only
    says that a `nav` entry names no file. `paths` are the docs tree's Markdown files
    (posix, relative); a page without a language suffix is the default language's.
    """
    default = languages[0]
    present = set(paths)
    missing = []
    for path in sorted(present):
        for language in languages[1:]:
            suffix = f".{language}.md"
            if not path.endswith(suffix):
                continue
            base = path[: -len(suffix)]
            if f"{base}.{default}.md" not in present and f"{base}.md" not in present:
                missing.append((path, f"{base}.{default}.md"))
    return missing


def markdown_outside(docs_dir: Path, owned: Collection[str]) -> list[str]:
    """The docs tree's Markdown files outside the generator's folders (posix, relative):
    editors' pages, and the generated home page. The owned folders hold thousands of files
    a large strategy's build need not list again."""
    found: list[str] = []
    for child in sorted(docs_dir.iterdir()) if docs_dir.is_dir() else []:
        if child.is_dir() and child.name not in owned:
            found += [p.relative_to(docs_dir).as_posix() for p in sorted(child.rglob("*.md"))]
        elif child.is_file() and child.suffix == ".md":
            found.append(child.name)
    return found
