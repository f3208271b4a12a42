"""Chromium for the browser tests: Debian's /usr/bin/chromium here, Playwright's own elsewhere."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")

# Without the background-networking flags Chromium phones home, which this machine refuses
# and which the site's "no third-party requests" test would otherwise have to filter out.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def launch_options() -> dict[str, Any]:
    """Launch options for `playwright.chromium.launch`; SUUNTA_CHROMIUM overrides the binary."""
    override = os.environ.get("SUUNTA_CHROMIUM")
    executable = Path(override) if override else SYSTEM_CHROMIUM
    options: dict[str, Any] = {"headless": True, "args": CHROMIUM_ARGS}
    if executable.exists() or (override and shutil.which(override)):
        options["executable_path"] = str(executable)
    return options


def keep_on_localhost(context: Any) -> list[str]:
    """Block every request of `context` that would leave 127.0.0.1; returns the list that
    records them (a test asserts it stays empty: the site makes no third-party requests)."""
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    return outside
