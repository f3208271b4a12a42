"""`mkdocs serve`: an edit of the data is rebuilt once, not once more for the pages it writes."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(lines: list[str], pattern: str, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(1 for line in lines if pattern in line) >= count:
            return
        time.sleep(0.2)
    raise AssertionError(f"'{pattern}' not seen {count}×:\n" + "".join(lines[-30:]))


def test_a_data_edit_rebuilds_the_site_once(project: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"),
         "-a", f"127.0.0.1:{port}"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")},
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(server.stderr.readline, "")))  # type: ignore[union-attr]
    reader.start()
    try:
        wait_for(lines, "Serving on", 1, timeout=240)
        measures = next((project / "data" / "measures").glob("1-*.yml"))
        text = measures.read_text("utf-8")
        title = re.search(r"^    title:\n      fi: (.+)$", text, re.MULTILINE)
        assert title is not None
        measures.write_text(text.replace(title.group(1), "Muokattu otsikko", 1), "utf-8")

        wait_for(lines, "Detected file changes", 1, timeout=60)
        wait_for(lines, "Documentation built", 2, timeout=240)  # the start, and the edit
        home = urllib.request.urlopen(f"http://127.0.0.1:{port}/measures/").read().decode()
        assert "Muokattu otsikko" in home
        time.sleep(4)  # several polling intervals: a rebuild asked for by the written pages
        assert sum("Detected file changes" in line for line in lines) == 1, "".join(lines)
    finally:
        server.terminate()
        server.wait(timeout=30)
        reader.join(timeout=10)
