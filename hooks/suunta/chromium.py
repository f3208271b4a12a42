"""Chromium for `suunta pdf` and the browser tests: Debian's /usr/bin/chromium when present,
else Playwright's own; and a guard that keeps every request on 127.0.0.1.

Playwright is needed only here and only at run time (`suunta pdf`); this module does not
import it, so the rest of the package works without it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_VARIABLE = "SUUNTA_CHROMIUM"

# Without the background-networking flags Chromium phones home, which a build machine may
# refuse and which "no request leaves 127.0.0.1" would otherwise have to filter out.
# Debian's wrapper does not add --disable-dev-shm-usage itself.
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
    """Options for `playwright.chromium.launch`; SUUNTA_CHROMIUM names another binary."""
    override = os.environ.get(CHROMIUM_VARIABLE)
    executable = Path(override) if override else SYSTEM_CHROMIUM
    options: dict[str, Any] = {"headless": True, "args": CHROMIUM_ARGS}
    if executable.exists() or (override and shutil.which(override)):
        options["executable_path"] = str(executable)
    return options


def keep_on_localhost(context: Any) -> list[str]:
    """Block every request of a Playwright browser context that would leave 127.0.0.1; returns
    the list that records them (the tests assert it stays empty)."""
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
