"""A built site served on 127.0.0.1, for `suunta pdf`, the tests and the benchmark.

Only under `mount` (`/` or a project site's sub-path such as `/repo/`): a request outside it
is a 404, as on a host that publishes the site under that path.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Files of the site's folder under the mount path; no request log on the console."""

    mount = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.mount):
            return str(Path(self.directory) / ".outside-the-mount-path")
        return super().translate_path("/" + path[len(self.mount) :])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(
    site_dir: Path, mount: str = "/", handler: type[QuietHandler] = QuietHandler
) -> Iterator[str]:
    """Serve `site_dir` on a free port; yields its address without a final slash."""
    mounted = type(handler.__name__, (handler,), {"mount": mount})
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(mounted, directory=str(site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
