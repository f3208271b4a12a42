"""Chromium for the browser tests: Debian's /usr/bin/chromium here, Playwright's own elsewhere."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

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
