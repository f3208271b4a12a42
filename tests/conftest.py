"""Shared fixtures: the demo built once per session, served on 127.0.0.1, and Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from suunta import local_server  # noqa: E402
from suunta.clock import TODAY_VARIABLE  # noqa: E402
from suunta.generator import OWNED_DIRS  # noqa: E402
from suunta.site_config import SITE_URL_VARIABLE  # noqa: E402
from suunta.urls import EMBED_DIR  # noqa: E402

PINNED_TODAY = "2026-12-01"
"""The tests' "today" (for the statement's review age), so they do not start failing one day.
Builds run as subprocesses and inherit it; publishing builds use the real date."""
os.environ[TODAY_VARIABLE] = PINNED_TODAY
os.environ["SUUNTA_LANG"] = "en"
"""The `suunta` command speaks the site's default language (Finnish for the demo) unless told;
the tests read its English messages, and pass `--lang fi` / `--lang sv` where they test those."""

SUB_PATH = "/some/path/"
"""Where the browser tests serve every site (as GitHub Pages serves `https://org.github.io/repo/`):
nothing may assume the site sits at the root of its host."""


def sub_path_site_url(config_file: Path) -> str:
    """The site's own `site_url` moved under `SUB_PATH`, as a project site's would be."""
    from suunta.site_config import read_mkdocs_yml

    own = urlsplit(read_mkdocs_yml(config_file)["site_url"])
    return f"{own.scheme}://{own.netloc}{SUB_PATH}"


def run_mkdocs(
    config_file: Path, site_dir: Path, *extra: str, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build`; `site_url` stands in for the config's (SUUNTA_SITE_URL, see the hook)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env[SITE_URL_VARIABLE] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site, built with --strict exactly as CI publishes it, for `SUB_PATH`."""
    site = tmp_path_factory.mktemp("demo") / "site"
    config = ROOT / "mkdocs.yml"
    result = run_mkdocs(config, site, "--strict", site_url=sub_path_site_url(config))
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example site under examples/, each built once with --strict, like the demo."""
    from sites import EXAMPLES

    sites = {}
    for name, config in EXAMPLES.items():
        site = tmp_path_factory.mktemp(f"example-{name}") / "site"
        result = run_mkdocs(config, site, "--strict", site_url=sub_path_site_url(config))
        assert result.returncode == 0, f"examples/{name}: mkdocs build --strict failed:\n{result.stderr}"
        sites[name] = site
    return sites


LARGE_SITE_MEASURES = 320
"""Enough for every list to run over several pages: the index and the whole timeline over
four, each goal's timeline (about 107 measures a goal) over two."""


@pytest.fixture(scope="session")
def built_large_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(project, site): a copy of the demo with `LARGE_SITE_MEASURES` generated measures
    (`many_measures.py`, the benchmark's too), built once with --strict like the demo."""
    from many_measures import suunta_project

    root = tmp_path_factory.mktemp("large")
    project = suunta_project(root / "project", LARGE_SITE_MEASURES)
    site = root / "site"
    config = project / "mkdocs.yml"
    result = run_mkdocs(config, site, "--strict", site_url=sub_path_site_url(config))
    assert result.returncode == 0, f"the large site: mkdocs build --strict failed:\n{result.stderr}"
    return project, site


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 under `SUB_PATH` (nothing outside it); yields its URL
    without a trailing slash, so tests write `url + "/goals/"`."""
    with local_server.serve(site, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_urls(site_url: str, built_examples: dict[str, Path]) -> Iterator[dict[str, str]]:
    """The demo ("demo") and every example site, served; by name."""
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(serve(site)) for name, site in built_examples.items()}
        yield {"demo": site_url, **urls}


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from browser import launch_options
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(**launch_options())
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, site_url: str) -> Iterator[object]:
    """A fresh page that blocks and records every request leaving 127.0.0.1 and every
    Content-Security-Policy violation.

    Every browser test therefore also checks that the site makes no third-party requests and
    that its own scripts and styles pass its policy.
    """
    from browser import keep_on_localhost

    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    outside = keep_on_localhost(context)
    # Every browser test also checks the Content-Security-Policy: nothing the site itself
    # does may be blocked by it.
    violations: list[str] = []
    context.expose_function("__suuntaCspViolation", lambda text: violations.append(text))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "window.__suuntaCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))"
    )
    tab = context.new_page()
    yield tab
    context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not violations, f"Content-Security-Policy violations: {violations}"


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site: not the embeddable fragments (`embed/`), which are
    parts of other sites' pages (tests/test_embedding.py checks them)."""
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] != EMBED_DIR]


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site as a URL path (`/`, `/sv/goals/`, `/404.html`)."""
    paths = []
    for html in html_pages(site):
        relative = html.relative_to(site).as_posix()
        if relative.endswith("index.html"):
            paths.append("/" + relative[: -len("index.html")])
        else:
            paths.append("/" + relative)
    return paths


def copy_project(target: Path) -> Path:
    """A copy of the demo project (config, data, editors' pages, theme, hooks) to break freely."""
    for folder in ("data", "overrides", "hooks"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        ROOT / "docs", target / "docs",
        ignore=shutil.ignore_patterns(*OWNED_DIRS, "index.*.md"),
    )
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


SWEDISH_TITLE = (
    '      sv: "Grundläggande informationsteknik: kravspecifikationer, '
    'konkurrensutsättning, införandeprojekt"\n'
)


def remove_a_swedish_title(project: Path) -> int:
    """A translation gap in a copy of the demo (the lenient build passes, the strict one
    stops); returns the line of the `title:` above it, where the gap is reported."""
    measures = project / "data" / "measures" / "1-ict-foundation.yml"
    text = measures.read_text("utf-8")
    assert SWEDISH_TITLE in text
    measures.write_text(text.replace(SWEDISH_TITLE, ""), "utf-8")
    return text[: text.index(SWEDISH_TITLE)].count("\n") - 1
