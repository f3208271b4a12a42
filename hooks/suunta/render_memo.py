"""Under `mkdocs serve`, a page whose inputs have not changed is not rendered again.

An editor who changes one measure of 1,000 changes a handful of pages: the measure's own, the
list pages it appears on, the timelines. Every render is keyed by a digest of everything the
template can read (its name and source, the page's address, the values passed to it, and the
language's settings: `RenderContext.memo_scope`); a key the last generation rendered gives
back that body. Values are digested whole: a pydantic model by its JSON, a dataclass by its
fields, collections by their items; a value of any other kind makes the page render as usual.

Only a serving process keeps a memo (`served_pages`): a one-off build would only hold every
page in memory longer. When serving stops, the memo is kept in a file beside the docs tree
(`keep`), and the next `mkdocs serve` of the site takes it back on its first generation, which
runs at the server's start even when the generation cache could answer (generator.py): with
the file it renders nothing, and leaves the digests that make the first edit as quick as the
next; without it, the start would render every page again.
The file counts only for the same Suunta code and UI texts (`generation_cache.code_digest`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

from .generation_cache import code_digest, folder_digest

KEPT_FORMAT = 1


class _Opaque(Exception):
    """A value whose content cannot be digested: the page is rendered."""


class RenderMemo:
    """Bodies rendered by the last generation, by the digest of their inputs."""

    def __init__(self, kept: Path | None = None) -> None:
        self.kept = kept
        """The file the memo is kept in between serving processes (None: not kept)."""
        self._last: dict[bytes, str] = {}
        self._now: dict[bytes, str] = {}
        self._digests: dict[int, tuple[object, bytes]] = {}
        """Digests of the models, dataclasses, tuples and frozensets seen in this generation,
        by identity; each is kept with its object, so that no other object takes its id."""
        self._digested_before: dict[int, tuple[object, bytes]] = {}
        """The last generation's: the objects of data files that did not change are the same
        objects again (validated_files.py), and their digests are not worked out again."""
        self._templates = b""
        self.calls = 0
        """Renders asked for in this generation, and how many of them were given back."""
        self.reused = 0
        self.generations = 0
        """Generations run with this memo (in this process)."""

    @contextmanager
    def generation(self, templates_dir: Path) -> Iterator[None]:
        """One generation: it may reuse what the last one rendered; its values are let go
        at the end (the bodies are kept for the next)."""
        if self._now:
            self._last = self._now
        elif not self._last and self.kept is not None:
            self._last = _read_kept(self.kept)
        self._now, self._digests, self.calls, self.reused = {}, {}, 0, 0
        self.generations += 1
        # The templates may change while serving (the UI texts and the code cannot).
        self._templates = folder_digest(templates_dir)
        try:
            yield
        finally:
            # What this generation digested is kept for the next; the last one's let go.
            self._digested_before, self._digests = self._digests, {}

    def render(
        self,
        scope: bytes,
        template: str,
        page: str,
        values: Mapping[str, object],
        produce: Callable[[], str],
    ) -> str:
        self.calls += 1
        try:
            key = self.digest((self._templates, scope, template, page, dict(values)))
        except _Opaque:
            return produce()
        body = self._last.get(key)
        if body is None:
            body = produce()
        else:
            self.reused += 1
        self._now[key] = body
        return body

    def keep(self) -> None:
        """Write what the last generation rendered into `kept`, for the next serving process.

        Nothing is written when nothing was rendered in this process: the file already holds
        what the pages were last made from, or there is nothing to keep.
        """
        bodies = self._now or self._last
        if self.kept is None or not bodies:
            return
        kept = {
            "format": KEPT_FORMAT,
            "code": code_digest(),
            "bodies": {key.hex(): body for key, body in bodies.items()},
        }
        staged = self.kept.with_name(f"{self.kept.name}.partial")
        staged.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        staged.replace(self.kept)  # a reader never sees half a file

    def digest(self, value: object) -> bytes:
        """A digest of `value`'s content; raises `_Opaque` for a kind it cannot see into.

        A single value (a text, a number, a date) is its own digest, written out with its
        kind: it enters the digest of what holds it unhashed. Most of what pages are given is
        such values, and hashing each alone was half the time of digesting after an edit.
        """
        if value is None or isinstance(value, str | int | float | bool | enum.Enum):
            return _written(type(value).__name__, repr(value))
        if isinstance(value, dt.date | Path):
            return _written(type(value).__name__, str(value))
        if isinstance(value, bytes):
            return _hash("bytes", value)
        if isinstance(value, Mapping):  # dicts and lists may change: never remembered
            pairs = ((self.digest(k), self.digest(v)) for k, v in value.items())
            return _hash("map", *(part for pair in pairs for part in pair))
        if isinstance(value, list):
            return _hash("seq", *map(self.digest, value))
        if isinstance(value, set):
            return _hash("set", *sorted(map(self.digest, value)))
        known = self._digests.get(id(value)) or self._digested_before.get(id(value))
        if known is not None and known[0] is value:
            self._digests[id(value)] = known
            return known[1]
        digest = self._digest_object(value)
        self._digests[id(value)] = (value, digest)
        return digest

    def _digest_object(self, value: object) -> bytes:
        if isinstance(value, tuple):
            return _hash("seq", *map(self.digest, value))
        if isinstance(value, frozenset):
            return _hash("set", *sorted(map(self.digest, value)))
        name = type(value).__qualname__
        if isinstance(value, BaseModel):
            try:
                return _hash(name, value.model_dump_json().encode())
            except PydanticSerializationError:
                raise _Opaque(name) from None
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            fields = (getattr(value, f.name) for f in dataclasses.fields(value))
            return _hash(name, *map(self.digest, fields))
        raise _Opaque(name)


def _read_kept(path: Path) -> dict[bytes, str]:
    """The bodies kept by an earlier serving process; nothing if in doubt (no file, another
    format, other code or UI texts, a damaged file): the pages are then rendered."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("format") != KEPT_FORMAT or kept.get("code") != code_digest():
            return {}
        return {bytes.fromhex(key): body for key, body in kept["bodies"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _written(kind: str, text: str) -> bytes:
    """A single value as its digest; a part's length goes into its holder's digest first, so
    two values never run together (a hash of a holder is 32 bytes of SHA-256 instead)."""
    return f"{kind}={text}".encode()


def _hash(kind: str, *parts: bytes) -> bytes:
    digest = hashlib.sha256(kind.encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.digest()


_SERVED = RenderMemo()


def served_pages(kept: Path | None = None) -> RenderMemo:
    """The memo of this serving process, for every rebuild after the first; `kept`, the file
    it is kept in when serving stops (the first call of a process names it)."""
    if _SERVED.kept is None:
        _SERVED.kept = kept
    return _SERVED
