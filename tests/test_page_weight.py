"""What a reader's phone loads when a page opens: budgets that do not depend on the machine.

Counted from the built files as a web server sends them (gzip); the search index is not
loaded on open (tested in the browser), so it is not counted. Timing figures are in bench/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from page_weight import page_weight
from sites import EXAMPLES, page_kinds

GZIP_BUDGET = 150_000
"""Bytes transferred on open, HTML, CSS and scripts together (issue 10)."""
REQUEST_BUDGET = 6
"""The page, Material's two stylesheets and its bundle, Suunta's stylesheet and script."""


def sites(built_site: Path, built_examples: dict[str, Path]) -> dict[str, tuple[Path, Path]]:
    return {
        "demo": (built_site, ROOT / "mkdocs.yml"),
        **{name: (built_examples[name], EXAMPLES[name]) for name in EXAMPLES},
    }


def test_every_page_kind_loads_little_on_open(
    built_site: Path, built_examples: dict[str, Path]
) -> None:
    checked = []
    for name, (site, config) in sites(built_site, built_examples).items():
        for kind, url in page_kinds(config).items():
            weight = page_weight(site, url.lstrip("/"))
            checked.append(kind)
            assert weight.requests <= REQUEST_BUDGET, (name, kind, weight)
            assert weight.gzip_bytes <= GZIP_BUDGET, (name, kind, weight)
            assert weight.bytes > weight.gzip_bytes > 20_000, (name, kind, weight)
    assert {"home", "measures", "measure", "timeline", "goal"} <= set(checked)


def test_a_page_loading_from_another_host_is_refused(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><link rel="stylesheet" href="https://fonts.example/x.css">', "utf-8"
    )
    with pytest.raises(ValueError, match="another host"):
        page_weight(tmp_path, "")
