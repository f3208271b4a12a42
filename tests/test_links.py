"""Every internal link of the built demo resolves: files, directory pages and #fragments."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, sub_path_site_url
from link_check import broken_links


def test_every_internal_link_and_fragment_of_the_demo_resolves(built_site: Path) -> None:
    """The demo is built for a sub-path (`https://…/some/path/`): a link that leaves it, such
    as a root-relative `/assets/…`, is reported as outside the site's address."""
    site_url = sub_path_site_url(ROOT / "mkdocs.yml")
    checked, broken = broken_links(built_site, site_url)
    pages = len(list(built_site.rglob("*.html")))
    print(f"{checked} internal links checked on {pages} pages, {len(broken)} broken")
    assert checked > 10 * pages, "far fewer links than the pages have: is the checker blind?"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)


def write(site: Path, path: str, html: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<!doctype html><html><head>{html}</body></html>", "utf-8")


def test_the_checker_finds_missing_files_and_fragments(tmp_path: Path) -> None:
    """The checker itself, on a tiny site: what it accepts and what it reports."""
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        """
        <link rel="canonical" href="https://example.invalid/">
        <link rel="stylesheet" href="style.css?v=2">
        </head><body id="top-of-page">
        <a href="a/">dir</a> <a href="a/#part">fragment elsewhere</a> <a href="#top-of-page">here</a>
        <a href="#">empty</a> <a href="https://example.invalid/a/">own host</a>
        <a href="/my%20file.html#x">encoded</a> <img src="pic.png" srcset="pic.png 1x, pic-2x.png 2x">
        <a href="https://other.invalid/missing/">external</a> <a href="mailto:a@example.invalid">mail</a>
        <a href="tel:+358">phone</a>
        <a href="missing/">broken dir</a> <a href="a/#nowhere">broken fragment</a>
        <a href="#nothing">broken own fragment</a> <script src="app.js"></script>
        <a href="https://example.invalid/gone.html">broken own host</a>
        <img src="pic.png" srcset="pic.png 1x, pic-3x.png 3x">
    """,
    )
    write(
        site,
        "a/index.html",
        '</head><body><h2 id="part">x</h2><a name="anchor"></a><a href="../#top-of-page">up</a><a href="../index.html#top-of-page">up</a><a href="#anchor">named</a>',
    )
    write(site, "my file.html", '</head><body><p id="x">x</p>')
    for name in ("style.css", "pic.png", "pic-2x.png"):
        (site / name).write_text("x")
    checked, broken = broken_links(site)
    assert sorted(broken) == sorted(
        [
            "/ -> missing/ (no file missing/index.html)",
            "/ -> a/#nowhere (no id 'nowhere' in a/index.html)",
            "/ -> #nothing (no id 'nothing' in index.html)",
            "/ -> app.js (no file app.js)",
            "/ -> https://example.invalid/gone.html (no file gone.html)",
            "/ -> pic-3x.png (no file pic-3x.png)",
        ]
    )
    # 16 distinct internal references on the home page (duplicates count once), 3 on a/.
    assert checked == 16 + 3


def test_the_checker_reports_links_that_leave_a_sub_path_site(tmp_path: Path) -> None:
    """A site published at `https://example.invalid/repo/`: a root-relative `/assets/x.css`
    works only at the host's root, and is reported; relative and absolute links inside pass."""
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        """
        <link rel="canonical" href="https://example.invalid/repo/">
        <link rel="stylesheet" href="/assets/x.css"><link rel="stylesheet" href="assets/x.css">
        </head><body><a href="https://example.invalid/repo/a.json">data</a>
        <a href="/repo/assets/x.css">inside</a>
    """,
    )
    (site / "assets").mkdir()
    (site / "assets" / "x.css").write_text("x")
    (site / "a.json").write_text("{}")
    checked, broken = broken_links(site)
    assert broken == ["/ -> /assets/x.css (outside the site's address /repo/)"]
    assert checked == 5
