"""Under `mkdocs serve --dirty`, a page whose source is gone is gone from the served site too.

MkDocs's dirty rebuild never cleans its output folder: a measure deleted from the data kept
its page, in every language, online until the server was restarted. The pages of each build
are remembered; after the next, the output of those no longer among them is removed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

_previous: set[str] = set()
"""The pages (their URLs) of the last build of this serving process."""


def remove_gone_pages(site_dir: Path, pages: set[str]) -> list[Path]:
    """Remove the written page of every URL the last build had and this one has not."""
    gone = _previous - pages
    _previous.clear()
    _previous.update(pages)
    removed = []
    for url in sorted(gone):
        output = site_dir / (url if url.endswith(".html") else f"{url}index.html")
        if output.is_file():
            output.unlink()
            removed.append(output)
            if output.parent != site_dir:
                with contextlib.suppress(OSError):  # still holds other pages or files
                    output.parent.rmdir()
    return removed
