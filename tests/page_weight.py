"""What a reader's browser loads when a page opens: the HTML and the CSS and scripts it names.

Read from the built files, gzip-compressed as a web server sends them; the search index is
not counted because the page does not ask for it until the reader searches.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse


@dataclass(frozen=True)
class Weight:
    requests: int
    bytes: int
    gzip_bytes: int


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.found.append(str(values["src"]))
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.found.append(str(values["href"]))
        if tag == "img" and values.get("src") and values.get("loading") != "lazy":
            self.found.append(str(values["src"]))


def page_weight(site: Path, page: str) -> Weight:
    """`page` is a directory URL relative to the site root (`measures/`, `` for home)."""
    html_path = site / page / "index.html"
    html = html_path.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    files = [html_path]
    for src in parser.found:
        if urlparse(src).netloc:
            raise ValueError(f"{page}: loads {src} from another host")
        path = urlparse(urljoin(f"http://site/{page}", src)).path.lstrip("/")
        files.append(site / path)
    raw = sum(len(f.read_bytes()) for f in files)
    packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return Weight(len(files), raw, packed)
