"""Brings the generated part of the docs tree to a new set of pages, all or nothing.

Each page is compared with its file as it is rendered: a changed one is written at once into a
staging folder beside the docs tree, an unchanged one only remembered. Nothing is held until
the end (every page of a 1,000-measure strategy, kept in memory, was some 20 MiB of the
build's peak). When every page is rendered, each changed folder is completed in the staging
folder (unchanged pages by hard link, an editor's own files copied) and swapped in whole by
renames, so a failure (a template error, a full disk) never leaves `docs/` a mix of old and
new pages, and unchanged pages keep their files (`mkdocs serve --dirty` rebuilds only those
that changed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

STAGING_DIR = ".suunta-staging"
"""Beside the docs tree (never inside it, where MkDocs would read it)."""


class StagedPages:
    """The pages of one generation; use as a context manager so staging is always cleared."""

    def __init__(
        self,
        docs_dir: Path,
        owned_dirs: tuple[str, ...],
        generated_file_dirs: tuple[str, ...],
        ours: Callable[[Path], bool],
    ) -> None:
        self.docs_dir = docs_dir
        self.staging = docs_dir.parent / STAGING_DIR
        self.owned_dirs = owned_dirs
        self.generated_file_dirs = generated_file_dirs
        self.ours = ours
        """Whether a file now in the docs tree is one the generator wrote (not an editor's)."""
        self.paths: set[Path] = set()
        self.changed: set[Path] = set()
        self.foreign: set[Path] = set()
        """Editors' files a page would replace: never written over (generation stops)."""

    def __enter__(self) -> StagedPages:
        if self.staging.exists():  # left by a run that was killed: never reuse it
            shutil.rmtree(self.staging)
        self.docs_dir.mkdir(parents=True, exist_ok=True)  # a new site may have none yet
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def put(self, rel: Path, content: bytes) -> None:
        """One page (or data file) at `rel` in the docs tree: staged if it differs from its file."""
        self.paths.add(rel)
        current = _read(self.docs_dir / rel)
        if current == content:
            self.changed.discard(rel)
            return
        if current is not None and not self.ours(rel):
            self.foreign.add(rel)
        target = self.staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        self.changed.add(rel)

    def leftover(self) -> set[Path]:
        """Files in the generator's folders that this generation does not make: its own from
        an earlier generation (stale), or an editor's (`ours` tells which)."""
        return {
            path.relative_to(self.docs_dir)
            for folder in self.owned_dirs
            for path in (self.docs_dir / folder).glob(
                "**/*" if folder in self.generated_file_dirs else "**/*.md"
            )
            if path.is_file() and path.relative_to(self.docs_dir) not in self.paths
        }

    def swap_in(self, stale: set[Path]) -> None:
        """Swap every folder with a changed or stale page for its staged version."""
        touched = {_top(rel) for rel in self.changed | stale}
        for top in touched - set(self.generated_file_dirs):
            _keep_other_files(self.docs_dir / top, self.staging / top)
        for rel in self.paths - self.changed:
            if _top(rel) in touched:
                target = self.staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                _keep_file(self.docs_dir / rel, target)
        swapped: list[str] = []
        try:
            for top in sorted(touched):
                _swap(self.staging / top, self.docs_dir / top, self.staging / f"{top}.old")
                swapped.append(top)
        except OSError:  # a folder locked by another program, say: put back those swapped
            for top in reversed(swapped):
                _unswap(self.staging / top, self.docs_dir / top, self.staging / f"{top}.old")
            raise


def _keep_other_files(folder: Path, staged: Path) -> None:
    """Anything but Markdown in an owned folder is an editor's (an image, say): keep it."""
    if not folder.is_dir():
        return
    for path in folder.glob("**/*"):
        if path.is_file() and path.suffix != ".md":
            target = staged / path.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def _keep_file(current: Path, staged: Path) -> None:
    """An unchanged page keeps its file, modification time included: `mkdocs serve --dirty`
    then rebuilds only the pages that changed, not every page of a folder that did."""
    try:
        os.link(current, staged)
    except OSError:  # a file system without hard links
        shutil.copy2(current, staged)


def _top(rel: Path) -> str:
    """The owned folder a generated page lies in, or the file itself at the docs root."""
    return rel.parts[0]


def _swap(new: Path, target: Path, old: Path) -> None:
    """Put `new` (a folder or a file, possibly absent) where `target` is, by renames only;
    `target` is kept as `old` until the generation ends, so that it can be put back."""
    if target.exists():
        target.rename(old)
    try:
        if new.exists():
            new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise


def _unswap(new: Path, target: Path, old: Path) -> None:
    """Undo `_swap`, as far as the file system lets: the docs tree is left as it was."""
    with contextlib.suppress(OSError):
        if not new.exists() and target.exists():
            target.rename(new)
        if old.exists():
            old.rename(target)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
