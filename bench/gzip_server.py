"""A local HTTP server that compresses like a real host (GitHub Pages sends gzip)."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from pathlib import Path

from suunta import local_server
from suunta.local_server import QuietHandler

_COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", "/")


class _GzipHandler(QuietHandler):
    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if (
            not accepts
            or not path.is_file()
            or not str(self.path).split("?")[0].endswith(_COMPRESSIBLE)
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    with local_server.serve(site, "/", _GzipHandler) as url:
        yield url + "/"
