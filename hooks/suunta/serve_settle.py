"""Under `mkdocs serve`, the generator's own writes must not cost a second full rebuild.

MkDocs watches `docs/`, where the generator writes the pages it renders from `data/`: an edit
of the data rebuilds the site, the rebuild writes pages, the watcher sees them and asks for
another rebuild of everything, which changes nothing. After a build, the request is
withdrawn, unless a watched file other than those pages changed since the build began (the
editor saved again): then the rebuild is wanted and stays.

This reaches into MkDocs's LiveReloadServer (`_rebuild_cond`, `_want_rebuild`,
`_watched_paths`; mkdocs is pinned). Without them nothing is withdrawn: a second rebuild,
never a missed one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.6
"""A little more than the watcher's polling interval (0.5 s): by then it has seen our writes."""

_server: list[Any] = []


def remember_server(server: Any) -> None:
    """Kept here, not in the hook module: MkDocs loads the hook file anew for every rebuild."""
    _server[:] = [server]


def withdraw_own_rebuild(touched: Iterable[Path], since_ns: int, touched_at: float) -> bool:
    """Withdraw the rebuild our writes asked for; True if it was withdrawn.

    Also when nothing was written: a file the watcher sees twice (the repository's theme is
    watched as `overrides/` and through the `hooks/suunta/theme` link to it) asks twice for
    the rebuild this build already made; the second request is withdrawn as long as no file
    changed after the build began.
    """
    ours = {path.resolve() for path in touched}
    if not _server:
        return False
    server = _server[0]
    condition = getattr(server, "_rebuild_cond", None)
    watched = getattr(server, "_watched_paths", None)
    if condition is None or watched is None or not hasattr(server, "_want_rebuild"):
        return False
    wait = touched_at + POLL_SECONDS - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    if changed_since([Path(p) for p in watched], since_ns, ours):
        return False
    with condition:
        server._want_rebuild = False
    return True


def changed_since(roots: Iterable[Path], since_ns: int, ignore: set[Path]) -> bool:
    """Whether any file under `roots`, other than `ignore`, was modified after `since_ns`."""
    for root in roots:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in files:
            try:
                modified = path.stat().st_mtime_ns
            except OSError:
                continue
            if modified > since_ns and path.resolve() not in ignore:
                return True
    return False
