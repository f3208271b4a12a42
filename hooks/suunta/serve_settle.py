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

import os
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


def withdraw_own_rebuild(
    touched: Iterable[Path],
    since_ns: int,
    touched_at: float,
    generated_dirs: Iterable[Path] = (),
) -> bool:
    """Withdraw the rebuild our writes asked for; True if it was withdrawn.

    `generated_dirs` hold only the generator's files (an editor's file there is refused at
    the next generation): they are not looked through. At 1,000 measures that is 4,000
    files, and this check is the last step before the browser sees the rebuilt site.

    Also when nothing was written: a file the watcher sees twice (the repository's theme is
    watched as `overrides/` and through the `hooks/suunta/theme` link to it) asks twice for
    the rebuild this build already made; the second request is withdrawn as long as no file
    changed after the build began.
    """
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
    skipped = {path.resolve() for path in generated_dirs}
    if changed_since([Path(p) for p in watched], since_ns, touched, skipped):
        return False
    with condition:
        server._want_rebuild = False
    return True


def changed_since(
    roots: Iterable[Path],
    since_ns: int,
    ignore: Iterable[Path],
    skip: frozenset[Path] | set[Path] = frozenset(),
) -> bool:
    """Whether any file under `roots`, other than `ignore` and those under `skip`, was
    modified after `since_ns`."""
    ignored: set[Path] | None = None  # resolved only if a file was modified: rarely needed

    def counts(path: Path) -> bool:
        nonlocal ignored
        if not _modified_after(path, since_ns):
            return False
        if ignored is None:
            ignored = {p.resolve() for p in ignore}
        return path.resolve() not in ignored

    for root in roots:
        if root.is_file():
            if counts(root):
                return True
            continue
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            subfolders[:] = [name for name in subfolders if (here / name).resolve() not in skip]
            if any(counts(here / name) for name in files):
                return True
    return False


def _modified_after(path: Path, since_ns: int) -> bool:
    try:
        return path.stat().st_mtime_ns > since_ns
    except OSError:
        return False
