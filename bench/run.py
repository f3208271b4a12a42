"""The benchmark: Suunta against plain Material at several sizes; prints figures, asserts nothing.

    .venv/bin/python bench/run.py [--sizes 250,500,1000,2000] [--repeat 3] [--lighthouse all]

For each number of measures N it builds Suunta's site and the plain-Material baseline (the
same pages as pre-written Markdown, see projects.py) alternately, `--repeat` times each, and
prints the medians and ratios of build time and peak memory, the time of `generate` with
nothing changed and of a rebuild after one measure is edited, the time from saving that edit
to the page served with it under `mkdocs serve` and `mkdocs serve --dirty` (and after `--dirty`
is started again on the same address; the median of three edits saved at moments spread over
the watcher's half-second), and what each page kind loads on open (requests, bytes, gzip
bytes). With `--lighthouse demo` it also runs Lighthouse (npm, installed into
bench/node_modules on first use) against the installed Chromium on each page kind of the
demo, served gzip-compressed; `--lighthouse all` also on the largest site of at most 1,000
measures.
The budgets of issue 10 are printed beside the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from page_weight import Weight, page_weight  # noqa: E402  (tests/page_weight.py)
from ports import free_port  # noqa: E402  (tests/ports.py)
from projects import baseline_project, edit_one_measure, suunta_project  # noqa: E402
from suunta.generation_cache import CACHE_FILE  # noqa: E402
from suunta.generator import OWNED_DIRS, generate  # noqa: E402

HERE = Path(__file__).resolve().parent
PAGE_KINDS = {
    "home": "",
    "goals index": "goals/",
    "goal": "goals/ict-foundation/",
    "measures index": "measures/",
    "measure": "measures/{measure}/",
    "timeline": "timeline/",
    "progress": "progress/",
    "about the strategy": "strategy/",
    "statement": "accessibility/",
    "goal timeline": "timeline/ict-foundation/",
    "open data": "open-data/",
    "whole strategy": "strategy/whole/",
    "measures, page 2": "measures/pages/2/",
    "timeline, page 2": "timeline/pages/2/",
    "goal, page 2": "goals/ict-foundation/pages/2/",
}
"""One page of each kind; the numbered pages of long lists exist only on large sites."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(project: Path) -> dict[str, float]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
    out = subprocess.run(
        [sys.executable, str(HERE / "peak.py"), *command],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    if out.returncode != 0:
        sys.exit(out.stderr)
    figures: dict[str, float] = json.loads(out.stdout)
    return figures


def forget_generated(project: Path) -> None:
    """A cold build: no generated pages and no generation cache left from the last run."""
    docs = project / "docs"
    for folder in OWNED_DIRS:
        shutil.rmtree(docs / folder, ignore_errors=True)
    for page in docs.glob("index.*.md"):
        page.unlink()
    (project / CACHE_FILE).unlink(missing_ok=True)


def generate_once(project: Path) -> float:
    start = time.perf_counter()
    generate(project / "data", project / "docs", project / "overrides" / "suunta", ["fi", "sv"])
    return time.perf_counter() - start


@dataclass
class SizeResult:
    n: int
    suunta_s: float
    plain_s: float
    suunta_mib: float
    plain_mib: float
    unchanged_s: float
    edit_generate_s: float
    edit_build_s: float
    weights: dict[str, Weight]
    site: Path
    served_edit_s: dict[str, list[float]] = field(default_factory=dict)
    """Saving one measure's edit → the page served with it, per `mkdocs serve` option: the
    seconds of each edit."""


def measure_size(n: int, repeat: int, tmp: Path) -> SizeResult:
    suunta = suunta_project(tmp / f"suunta-{n}", n)
    plain = baseline_project(tmp / f"plain-{n}", n)
    builds: dict[str, list[dict[str, float]]] = {"suunta": [], "plain": []}
    for _ in range(repeat):  # alternating, so a busy moment hurts both
        forget_generated(suunta)
        builds["suunta"].append(timed_build(suunta))
        builds["plain"].append(timed_build(plain))
    generate_once(suunta)
    unchanged = statistics.median(generate_once(suunta) for _ in range(repeat))
    edit_one_measure(suunta)
    edit_generate = generate_once(suunta)
    edit_build = timed_build(suunta)["seconds"]
    weights = {
        kind: page_weight(suunta / "site", path.format(measure="measure-00000"))
        for kind, path in PAGE_KINDS.items()
        if (suunta / "site" / path.format(measure="measure-00000") / "index.html").is_file()
    }
    served = {
        f"serve {option}".strip(): serve_edit_seconds(
            suunta_project(tmp / f"serve{option}-{n}", n), option
        )
        for option in ("", "--dirty")
    }
    served["serve --dirty, started again"] = restarted_serve_edit_seconds(
        suunta_project(tmp / f"restart-{n}", n)
    )
    return SizeResult(
        served_edit_s=served,
        n=n,
        suunta_s=statistics.median(b["seconds"] for b in builds["suunta"]),
        plain_s=statistics.median(b["seconds"] for b in builds["plain"]),
        suunta_mib=statistics.median(b["peak_mib"] for b in builds["suunta"]),
        plain_mib=statistics.median(b["peak_mib"] for b in builds["plain"]),
        unchanged_s=unchanged,
        edit_generate_s=edit_generate,
        edit_build_s=edit_build,
        weights=weights,
        site=suunta / "site",
    )


EDITS = 3
"""Edits per served-edit figure, the median printed. MkDocs's watcher looks for changes every
0.5 s, so one edit's time depends on where in that period it was saved (0 to 0.5 s);
the edits are saved at moments spread over the period."""
SETTLE_S = 3.0
"""After a page is served, before the next edit: the server settles (its own writes are not
a change)."""


def serve_edit_seconds(project: Path, option: str, edits: int = EDITS) -> list[float]:
    """From saving one measure's new title to the first measure's page served with it, for
    `edits` edits in a row after the server's first build; the seconds of each."""
    with _serving(project, option, free_port()) as url:
        return [_edit_seconds(project, url, number) for number in range(edits)]


def restarted_serve_edit_seconds(project: Path, edits: int = EDITS) -> list[float]:
    """The first edit after `mkdocs serve --dirty` is started again on the same address, as
    an editor does the next day: the first build takes back what the last serving process
    rendered (`.suunta-cache-pages.json`) and renders nothing. Each edit is the first of a
    server started again; the seconds of each."""
    port = free_port()
    with _serving(project, "--dirty", port) as url:
        _edit_seconds(project, url, 0)
    seconds = []
    for number in range(1, edits + 1):
        with _serving(project, "--dirty", port) as url:
            seconds.append(_edit_seconds(project, url, number))
    return seconds


@contextlib.contextmanager
def _serving(project: Path, option: str, port: int) -> Iterator[str]:
    """`mkdocs serve` until the first measure's page is served; stopped as an editor stops
    it (Ctrl-C), so it keeps what it rendered. Gives the page's address."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml")]
    server = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}", *([option] if option else [])],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/measures/measure-00000/"
    try:
        _wait_for_text(url, "Toimenpide 0: ")
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)


def _edit_seconds(project: Path, url: str, number: int) -> float:
    """Edit number `number` of the first measure's title; seconds until it is served."""
    old, new = _title_word(number), _title_word(number + 1)
    _wait_for_text(url, f"Toimenpide 0: {old}")
    time.sleep(SETTLE_S + (number % EDITS) * 0.5 / EDITS)
    edit_one_measure(project, old, new)
    saved = time.perf_counter()
    _wait_for_text(url, f"Toimenpide 0: {new}")
    return time.perf_counter() - saved


def _title_word(number: int) -> str:
    """The first measure's title word after `number` edits ("palvelujen" as generated)."""
    return "palvelujen" if number == 0 else f"muokattu{number}"


def _wait_for_text(url: str, text: str, timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=10).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"{url} did not show {text!r} in {timeout} s")


def print_sizes(results: list[SizeResult]) -> None:
    print("\n## Build (medians)")
    print(
        f"{'N':>6} {'Suunta s':>9} {'plain s':>8} {'ratio':>6} {'(≤1.15)':>8}"
        f" {'Suunta MiB':>11} {'plain MiB':>10} {'ratio':>6} {'(≤1.3)':>7}"
    )
    for r in results:
        time_ratio, mem_ratio = r.suunta_s / r.plain_s, r.suunta_mib / r.plain_mib
        print(
            f"{r.n:>6} {r.suunta_s:>9.1f} {r.plain_s:>8.1f} {time_ratio:>6.2f}"
            f" {_verdict(time_ratio <= 1.15):>8} {r.suunta_mib:>11.0f} {r.plain_mib:>10.0f}"
            f" {mem_ratio:>6.2f} {_verdict(mem_ratio <= 1.3):>7}"
        )
    by_n = {r.n: r for r in results}
    for n in sorted(by_n):
        if 2 * n in by_n:
            growth = by_n[2 * n].suunta_s / by_n[n].suunta_s
            print(f"growth {n} → {2 * n}: {growth:.2f}× ({_verdict(growth <= 2.1)}, budget ≤ 2.1×)")
    print("\n## Editing")
    for r in results:
        print(
            f"N={r.n}: generate with nothing changed {r.unchanged_s:.2f} s "
            f"({_verdict(r.unchanged_s <= 0.5)}, budget ≤ 0.5 s); one measure edited: "
            f"generate {r.edit_generate_s:.1f} s, whole build {r.edit_build_s:.1f} s"
        )
        for option, each in r.served_edit_s.items():
            median = statistics.median(each)
            print(
                f"  saved → visible under mkdocs {option}: {median:.1f} s "
                f"({_verdict(median <= 2)}, budget ≤ 2 s; median of "
                f"{' '.join(f'{s:.2f}' for s in each)})"
            )
    print("\n## What a page loads on open (HTML + CSS + scripts; budget ≤ 150 KB gzip)")
    for r in results:
        print(f"N={r.n}")
        for kind, w in r.weights.items():
            print(
                f"  {kind:<20} {w.requests:>2} requests {w.bytes / 1024:>8.0f} KiB"
                f" {w.gzip_bytes / 1024:>6.0f} KiB gzip  {_verdict(w.gzip_bytes <= 150_000)}"
            )


def _verdict(within: bool) -> str:
    return "ok" if within else "OVER"


def lighthouse(site: Path, label: str, runs: int) -> None:
    """Lighthouse's four scores per page kind (mobile), the site served gzip-compressed.

    Each score is the median of `runs` runs: on this machine one page's performance score moves
    by ± 4 from run to run (the same page and stylesheet scored 92 and 99 in a row).
    """
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--prefix", str(HERE), "--no-audit", "--no-fund", "--silent"],
            check=True,
        )
    from gzip_server import serve

    chrome = shutil.which("chromium") or os.environ.get("CHROME_PATH", "")
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
        "--disable-component-update --disable-sync --no-first-run"
    )
    print(
        f"\n## Lighthouse (mobile) — {label}, median of {runs}"
        "   budget: performance ≥ 95, others 100"
    )
    print(f"  {'page kind':<20} perf  a11y  best   seo   (performance of each run)")
    with serve(site) as base, tempfile.TemporaryDirectory() as out:
        for kind, path in PAGE_KINDS.items():
            page = path.format(measure=_first_measure(site))
            if not (site / page / "index.html").is_file():
                continue
            report = Path(out) / "report.json"
            by_category: dict[str, list[float | None]] = {}
            for _ in range(runs):
                subprocess.run(
                    [
                        str(binary),
                        base + page,
                        "--quiet",
                        f"--chrome-flags={flags}",
                        "--output=json",
                        f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                    ],
                    env={**os.environ, "CHROME_PATH": chrome},
                    check=True,
                    capture_output=True,
                )
                for name, category in json.loads(report.read_text())["categories"].items():
                    by_category.setdefault(name, []).append(category["score"])
            median = {name: _median(scores) for name, scores in by_category.items()}
            each = " ".join(_score(s).strip() for s in by_category["performance"])
            print(
                f"  {kind:<20} {_score(median['performance'])} {_score(median['accessibility'])}"
                f" {_score(median['best-practices'])} {_score(median['seo'])}   ({each})"
            )


def _median(scores: list[float | None]) -> float | None:
    """A run whose category failed has no score; the median of the runs that have one."""
    known = [s for s in scores if s is not None]
    return statistics.median(known) if known else None


def _score(value: float | None) -> str:
    return f"{round(100 * value):>5}" if value is not None else "    –"


def _first_measure(site: Path) -> str:
    return sorted(p.name for p in (site / "measures").iterdir() if p.is_dir())[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="250,500,1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--lighthouse",
        choices=["demo", "all"],
        help="Lighthouse on the demo's page kinds, or also on the largest site of ≤ 1,000",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page; the median is printed (its scores vary from run to run)",
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure_size(n, args.repeat, Path(tmp)) for n in sizes]
        print_sizes(results)
        if args.lighthouse:
            demo = Path(tmp) / "demo-site"
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "mkdocs",
                    "build",
                    "-q",
                    "-f",
                    str(ROOT / "mkdocs.yml"),
                    "-d",
                    str(demo),
                ],
                env=ENV,
                check=True,
            )
            lighthouse(demo, "the demo", args.lighthouse_runs)
            largest = max((r for r in results if r.n <= 1000), key=lambda r: r.n, default=None)
            if largest is not None and args.lighthouse == "all":
                lighthouse(largest.site, f"{largest.n} measures", args.lighthouse_runs)


if __name__ == "__main__":
    main()
