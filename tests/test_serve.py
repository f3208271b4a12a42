"""`mkdocs serve`: an edit of the data is rebuilt once, not once more for the pages it writes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import ROOT
from ports import free_port


def wait_for(lines: list[str], pattern: str, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(1 for line in lines if pattern in line) >= count:
            return
        time.sleep(0.2)
    raise AssertionError(f"'{pattern}' not seen {count}×:\n" + "".join(lines[-30:]))


@contextmanager
def serving(
    project: Path, *options: str, stop: int = signal.SIGTERM
) -> Iterator[tuple[int, list[str]]]:
    """`mkdocs serve` on `project`: its port and the lines it has logged so far; stopped with
    `stop` (SIGINT is an editor's Ctrl-C, after which MkDocs shuts its plugins down)."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}", *options],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stderr.readline, "")))  # type: ignore[union-attr]
    reader.start()
    try:
        wait_for(lines, "Serving on", 1, timeout=240)
        yield port, lines
    finally:
        server.send_signal(stop)
        server.wait(timeout=30)
        reader.join(timeout=10)


def edit_a_measure_title(project: Path, new_title: str) -> str:
    """Give the first measure of the first measures file a new Finnish title; the old one."""
    measures = next((project / "data" / "measures").glob("1-*.yml"))
    text = measures.read_text("utf-8")
    title = re.search(r"^    title:\n      fi: (.+)$", text, re.MULTILINE)
    assert title is not None
    measures.write_text(text.replace(title.group(1), new_title, 1), "utf-8")
    return title.group(1)


def test_a_data_edit_rebuilds_the_site_once(project: Path) -> None:
    """One rebuild an edit; stopped with Ctrl-C, the server keeps what it rendered beside the
    docs tree, so the next `mkdocs serve` need not render every page again at its first edit
    (render_memo.py)."""
    kept = project / ".suunta-cache-pages.json"
    kept.unlink(missing_ok=True)
    with serving(project, stop=signal.SIGINT) as (port, lines):
        edit_a_measure_title(project, "Muokattu otsikko")

        wait_for(lines, "Detected file changes", 1, timeout=60)
        wait_for(lines, "Documentation built", 2, timeout=240)  # the start, and the edit
        home = urllib.request.urlopen(f"http://127.0.0.1:{port}/measures/").read().decode()
        assert "Muokattu otsikko" in home
        time.sleep(4)  # several polling intervals: a rebuild asked for by the written pages
        assert sum("Detected file changes" in line for line in lines) == 1, "".join(lines)
    bodies = json.loads(kept.read_text("utf-8"))["bodies"].values()
    assert any("Muokattu otsikko" in body for body in bodies)
    assert not list(project.glob(".suunta-cache-pages.json.*"))  # no half-written file left


def test_a_dirty_rebuild_renders_the_changed_pages_and_keeps_search_whole(project: Path) -> None:
    """`mkdocs serve --dirty`: an edit renders only the pages it changed, and the search index
    still has every page once (the theme's own merge doubled it at every rebuild)."""
    with serving(project, "--dirty") as (port, lines):
        # MkDocs logs its temporary folder only through mkdocs-static-i18n's second language.
        built_to = re.search(r"'sv' documentation to directory: (\S+)/sv\n", "".join(lines))
        assert built_to is not None, "".join(lines)
        site = Path(built_to.group(1))
        pages = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
        before = {root: _index(port, root) for root in ("", "sv/")}

        old_title = edit_a_measure_title(project, "Muokattu otsikko")
        wait_for(lines, "Documentation built", 2, timeout=240)

        rebuilt = {p for p, stamp in pages.items() if p.stat().st_mtime_ns != stamp}
        assert site / "measures" / "index.html" in rebuilt
        assert site / "goals" / "index.html" not in rebuilt  # titles of goals only
        assert 0 < len(rebuilt) < len(pages) / 4, sorted(rebuilt)
        after = {root: _index(port, root) for root in ("", "sv/")}
        for root in ("", "sv/"):
            assert sorted(after[root]) == sorted(set(after[root]))  # every section once
            assert len(after[root]) == len(before[root])
        titles = " ".join(title for _, title in after[""])
        assert "Muokattu otsikko" in titles and old_title not in titles


def _index(port: int, root: str) -> list[tuple[str, str]]:
    """The (location, title) of every entry in the language's search index, as served."""
    url = f"http://127.0.0.1:{port}/{root}search/search_index.json"
    docs = json.loads(urllib.request.urlopen(url).read().decode())["docs"]
    return [(doc["location"], doc["title"]) for doc in docs]


def test_a_measure_removed_under_dirty_serving_is_gone_from_the_served_site(
    project: Path,
) -> None:
    """MkDocs's dirty rebuild never cleans its output: a deleted measure's pages stayed online
    in both languages until the server was restarted."""
    measures = project / "data" / "measures" / "3-collaboration.yml"
    text = measures.read_text("utf-8")
    start = text.index("  - id: project-portfolio")
    following = text.find("\n  - id: ", start + 1)
    with serving(project, "--dirty") as (port, lines):
        for root in ("", "sv/"):
            url = f"http://127.0.0.1:{port}/{root}measures/project-portfolio/"
            assert urllib.request.urlopen(url).status == 200
        measures.write_text(text[:start] + (text[following + 1 :] if following > 0 else ""), "utf-8")
        wait_for(lines, "Documentation built", 2, timeout=240)
        for root in ("", "sv/"):
            url = f"http://127.0.0.1:{port}/{root}measures/project-portfolio/"
            try:
                urllib.request.urlopen(url)
            except urllib.error.HTTPError as error:
                assert error.code == 404
            else:
                raise AssertionError(f"{url} is still served")
        index = urllib.request.urlopen(f"http://127.0.0.1:{port}/measures/").read().decode()
        assert "measures/" in index and "project-portfolio" not in index



class _Server:
    """What `serve_settle` reads of MkDocs's LiveReloadServer (mkdocs is pinned)."""

    def __init__(self, watched: Path) -> None:
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = True  # the watcher has asked again
        self._watched_paths = {str(watched): 1}


def test_a_second_request_for_the_same_edit_is_withdrawn_even_when_nothing_was_written(
    tmp_path: Path,
) -> None:
    """In the repository the theme is watched as `overrides/` and through the
    `hooks/suunta/theme` link to it: one save of a stylesheet could be seen twice and rebuild
    the whole site twice, as the generator wrote nothing that would withdraw the second."""
    from suunta import serve_settle

    stylesheet = tmp_path / "overrides" / "suunta.css"
    stylesheet.parent.mkdir()
    stylesheet.write_text("a {}", "utf-8")  # saved before the build began
    began = time.time_ns()
    server = _Server(tmp_path)
    serve_settle.remember_server(server)
    try:
        assert serve_settle.withdraw_own_rebuild([], began, time.monotonic() - 1)
        assert server._want_rebuild is False
        time.sleep(0.01)
        stylesheet.write_text("a { color: red }", "utf-8")  # saved again during the build
        server._want_rebuild = True
        assert not serve_settle.withdraw_own_rebuild([], began, time.monotonic() - 1)
        assert server._want_rebuild is True
    finally:
        serve_settle._server.clear()  # as in a build without a server


def test_the_generators_folders_are_not_looked_through_and_an_editors_save_still_counts(
    tmp_path: Path,
) -> None:
    """The check before the browser reloads skips the generated folders (4,000 files at
    1,000 measures); a save elsewhere in the docs during the build still keeps the rebuild."""
    from suunta import serve_settle

    generated = tmp_path / "docs" / "measures"
    generated.mkdir(parents=True)
    began = time.time_ns()
    time.sleep(0.01)
    (generated / "m-1.fi.md").write_text("written by this build", "utf-8")
    server = _Server(tmp_path / "docs")
    serve_settle.remember_server(server)
    try:
        assert serve_settle.withdraw_own_rebuild([], began, time.monotonic() - 1, [generated])
        assert server._want_rebuild is False
        server._want_rebuild = True
        assert not serve_settle.withdraw_own_rebuild([], began, time.monotonic() - 1, [])
        (tmp_path / "docs" / "about.fi.md").write_text("an editor's page", "utf-8")
        server._want_rebuild = True
        assert not serve_settle.withdraw_own_rebuild([], began, time.monotonic() - 1, [generated])
        assert server._want_rebuild is True
    finally:
        serve_settle._server.clear()
