"""One escaping path: data text, editors' pages and the texts handed to the theme (site name,
page titles, copyright) reach the HTML as text, never as markup, and never escaped twice.

The browser suite (test_hostile_site_browser.py) opens a whole hostile site; these tests
pin the individual paths without a browser.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, run_mkdocs
from suunta.generator import render_pages
from suunta.loader import load_data
from suunta.markup import heading_text, sanitize_page
from suunta.model import build_model

HOSTILE_TITLE = "</title><script>alert('title')</script><img src=x onerror=alert(1)> R&D \"q\""
EDITOR_PAGE = """\
# Taustaa <img src=x onerror=alert(2)>

Teksti, jossa on <script>alert(3)</script> skripti.

<svg onload="alert(4)"><circle r="5"></circle></svg>

<details open ontoggle="alert(5)"><summary>Lisää</summary>sisältö</details>

[linkki](javascript:alert(6)) ja [data](data:text/html,<script>alert(7)</script>)

Kappale
{: onclick="alert(8)" }

| Sarake |
|:------:|
| R&D    |
"""


def test_sanitize_page_keeps_markdown_and_removes_what_runs() -> None:
    html = (
        '<h2 id="a">Otsikko</h2><p onclick="x()">Teksti <a href="javascript:alert(1)">a</a> '
        '<a href="https://example.invalid/">b</a> <img src="kuva.png" alt="Kuva" onerror="x()">'
        '</p><script>alert(1)</script><table><tr><th style="text-align: center; color: red">'
        'R&amp;D</th></tr></table><iframe src="https://example.invalid/"></iframe>'
    )
    cleaned, removed = sanitize_page(html)
    assert '<h2 id="a">Otsikko</h2>' in cleaned
    assert '<a href="https://example.invalid/">b</a>' in cleaned
    assert '<img src="kuva.png" alt="Kuva">' in cleaned
    assert '<th style="text-align:center">R&amp;D</th>' in cleaned.replace("text-align: center", "text-align:center")
    for gone in ("onclick", "onerror", "javascript:", "<script", "alert(1)", "<iframe", "color: red"):
        assert gone not in cleaned
    told = {item.describe() for item in removed}
    assert {"the 'onclick' attribute of <p>", "the 'onerror' attribute of <img>",
            "the address 'javascript:alert(1)'", "the <script> element",
            "the <iframe> element"} <= told


def test_heading_titles_are_decoded_once_and_escaped_once() -> None:
    assert heading_text("R&amp;D &lt;b&gt;") == "R&amp;D &lt;b&gt;"
    assert heading_text('x" onmouseover="y') == "x&#34; onmouseover=&#34;y"


def test_a_data_text_inside_a_ui_text_is_escaped_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "measures").mkdir(parents=True)
    for name in ("strategy.yml", "goals.yml", "accessibility.yml"):
        (data / name).write_text((ROOT / "data" / name).read_text("utf-8"), "utf-8")
    goals = (data / "goals.yml").read_text("utf-8")
    (data / "goals.yml").write_text(goals, "utf-8")
    (data / "measures" / "m.yml").write_text(
        "measures:\n  - id: rd\n    goal: ict-foundation\n    title: {fi: R&D <b>, sv: FoU & <b>}\n"
        "    indicators:\n      - id: rd-share\n        name: {fi: R&D-osuus, sv: FoU & andel}\n"
        "        direction: higher\n        values: [{year: 2024, value: 3}]\n"
        "        source: {fi: Tilastot & <i>, sv: Statistik & <i>}\n",
        "utf-8",
    )
    model = build_model(load_data(data, ["fi", "sv"]))
    pages = {p.path: p.body for p in render_pages(model, ROOT / "overrides" / "suunta", "fi", ["fi", "sv"])}
    body = pages["measures/rd"]
    assert "R&amp;D-osuus" in body and "Tilastot &amp; &lt;i&gt;" in body
    assert "&amp;amp;" not in body and "&amp;lt;" not in body
    assert "<i>" not in body and "<b>" not in body


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    strategy = project / "data" / "strategy.yml"
    text = strategy.read_text("utf-8")
    title = "title:\n  fi: Tampereen seudun ICT-strategia 2023–2027\n"
    assert text.startswith("# ") or title in text
    text = re.sub(r"(?m)^title:\n  fi: .*\n", "title:\n  fi: " + repr_yaml(HOSTILE_TITLE) + "\n", text, count=1)
    strategy.write_text(text, "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace(
            "          copyright: Tampereen kaupunkiseutu",
            "          copyright: \"<script>alert('copyright')</script> & Co\"",
        ),
        "utf-8",
    )
    (project / "docs" / "background.fi.md").write_text(EDITOR_PAGE, "utf-8")
    result = run_mkdocs(config, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def repr_yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_the_site_name_reaches_every_theme_place_as_text(hostile_build: tuple[Path, str]) -> None:
    site, _ = hostile_build
    html = (site / "goals" / "index.html").read_text("utf-8")
    assert "<script>alert('title')" not in html and "<img src=x" not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "&lt;/title&gt;&lt;script&gt;" in title.group(1)
    assert "R&amp;D &#34;q&#34;" in title.group(1) and "&amp;amp;" not in html
    assert 'aria-label="&lt;/title&gt;' in html  # the header logo's label


def test_the_copyright_is_text(hostile_build: tuple[Path, str]) -> None:
    site, _ = hostile_build
    html = (site / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#39;copyright&#39;)&lt;/script&gt; &amp; Co" in html
    assert "<script>alert('copyright')" not in html


def test_an_editors_page_is_sanitised_and_each_removal_is_located(
    hostile_build: tuple[Path, str],
) -> None:
    site, log = hostile_build
    html = (site / "background" / "index.html").read_text("utf-8")
    article = re.search(r"<article\b.*?</article>", html, re.S)
    assert article
    content = article.group(0)
    assert re.findall(r"<[^>]*\bon\w+=", content) == []
    for gone in ("<script", "<svg", "javascript:", "data:text"):
        assert gone not in content, gone
    assert "Teksti, jossa on" in content and "<summary>Lisää</summary>" in content
    assert re.search(r"<title>Taustaa - ", html)  # the title from the H1, tags stripped
    for line, what in [(1, "the 'onerror' attribute of <img>"), (3, "the <script> element"),
                       (5, "the <svg> element"), (7, "the 'ontoggle' attribute of <details>"),
                       (9, "the address 'javascript:alert(6)'"),
                       (12, "the 'onclick' attribute of <p>")]:
        assert f"docs/background.fi.md, line {line}: removed {what}" in log, log
