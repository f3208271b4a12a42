"""Every internal link of a built static site resolves: to a file, and to an id for a #fragment.

Reusable for any built site (the demo, other example sites): `broken_links(site_dir)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Which attributes of which elements hold a URL to check.
LINK_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
}

# Stands in for the site's address when it is not known: links are resolved against it.
UNKNOWN_SITE = "http://site.link-check.invalid/"


class _Page(HTMLParser):
    """The ids (and `<a name>`s) a page defines and the URLs it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []
        self.base: str | None = None
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "base" and "href" in values and self.base is None:
            self.base = values["href"]
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href")
        for attribute in LINK_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                self.refs += [c.split()[0] for c in value.split(",") if c.strip()]
            else:
                self.refs.append(value)


def _parse(file: Path) -> _Page:
    page = _Page()
    page.feed(file.read_text("utf-8", errors="replace"))
    page.close()
    return page


def site_url_of(site_dir: Path) -> str | None:
    """The site's own address, from the home page's canonical link (MkDocs writes one)."""
    home = site_dir / "index.html"
    return _parse(home).canonical if home.is_file() else None


def broken_links(site_dir: Path, site_url: str | None = None) -> tuple[int, list[str]]:
    """(internal links checked, broken ones as `page -> href (reason)`).

    Each distinct URL of a page counts once (srcset candidates one by one).

    Internal: relative URLs, root-relative ones and absolute ones on `site_url`'s host (taken
    from the home page's canonical link when not given). Query strings are ignored, paths
    percent-decoded, and a directory URL means its index.html. A #fragment must name an `id`
    (or an `<a name>`) of the target page; an empty one, and "top", need nothing. External
    URLs (other hosts, mailto:, tel:, javascript: and other schemes) are not checked.
    """
    site_dir = site_dir.resolve()
    root = site_url or site_url_of(site_dir) or UNKNOWN_SITE
    if not root.endswith("/"):
        root += "/"
    own = urlsplit(root)
    pages: dict[Path, _Page] = {}

    def page(file: Path) -> _Page:
        if file not in pages:
            pages[file] = _parse(file)
        return pages[file]

    checked = 0
    broken: list[str] = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        shown = "/" + re.sub(r"(^|/)index\.html$", r"\1", relative)
        here = page(file)
        base = urljoin(root + relative, here.base) if here.base else root + relative
        for ref in dict.fromkeys(here.refs):
            target = urlsplit(urljoin(base, ref.strip()))
            if target.scheme not in {"http", "https"} or target.netloc != own.netloc:
                continue
            checked += 1
            problem = _problem(site_dir, own.path, target.path, target.fragment, page)
            if problem:
                broken.append(f"{shown} -> {ref} ({problem})")
    return checked, broken


def _problem(
    site_dir: Path, root_path: str, path: str, fragment: str, page: Callable[[Path], _Page]
) -> str | None:
    if not path.startswith(root_path):
        return f"outside the site's address {root_path}"
    relative = unquote(path[len(root_path) :])
    file = (site_dir / relative).resolve()
    if file != site_dir and site_dir not in file.parents:
        return "outside the site folder"
    if relative == "" or relative.endswith("/") or file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"no file {file.relative_to(site_dir).as_posix()}"
    name = unquote(fragment)
    if not name or name.lower() == "top" or file.suffix != ".html":
        return None
    if name not in page(file).ids:
        return f"no id {name!r} in {file.relative_to(site_dir).as_posix()}"
    return None
