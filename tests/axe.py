"""The one axe-core helper: which rules run, and a readable report of what failed.

No rule is disabled. Tags: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices.
"""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_axe = Axe()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return _axe.run(page, options=options).response["violations"]


def describe(url: str, violations: list[dict[str, Any]]) -> list[str]:
    """One line per failing element: page, rule and element, so a failure says where to look."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            lines.append(f"{url}: {violation['id']} ({violation['help']}) at {target}")
    return lines
