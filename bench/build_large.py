"""Benchmark: generate and build a strategy of many measures; prints figures, asserts nothing.

    .venv/bin/python bench/build_large.py [--measures 1000]

Targets we watch (not enforced by tests): a 1,000-measure site builds in under a minute on two
cores, and a page's HTML does not grow with the number of measures (the navigation lists page
kinds only), so a measure page stays near the size of the demo's.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import copy_project  # noqa: E402  (the same project copy the tests break)
from suunta.generator import generate  # noqa: E402


def make_project(target: Path, measures: int) -> None:
    copy_project(target)
    goals = ["ict-foundation", "applications", "collaboration"]
    items = [
        {
            "id": f"measure-{i:05d}",
            "goal": goals[i % len(goals)],
            "title": {"fi": f"Toimenpide {i}", "sv": f"Åtgärd {i}"},
            "responsible": [f"Henkilö {i % 17}"],
            "units": [{"fi": "Sivistyspalvelut", "sv": "Bildningstjänster"}],
            "schedule": [
                {"period": "2025-spring", "phase": "investigation"},
                {"period": "2025-autumn", "phase": "deployment"},
            ],
            "metric": {"fi": "Seurataan johtoryhmässä.", "sv": "Följs upp i ledningsgruppen."},
            "status": "in_progress",
        }
        for i in range(measures)
    ]
    for old in (target / "data" / "measures").glob("*.yml"):
        old.unlink()
    (target / "data" / "measures" / "generated.yml").write_text(
        yaml.safe_dump({"measures": items}, allow_unicode=True), "utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--measures", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        make_project(project, args.measures)

        start = time.perf_counter()
        result = generate(
            project / "data", project / "docs", project / "overrides" / "suunta", ["fi", "sv"]
        )
        generate_s = time.perf_counter() - start
        start = time.perf_counter()
        generate(project / "data", project / "docs", project / "overrides" / "suunta", ["fi", "sv"])
        regenerate_s = time.perf_counter() - start

        start = time.perf_counter()
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        build_s = time.perf_counter() - start
        if build.returncode != 0:
            sys.exit(f"build failed:\n{build.stderr}")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        site = project / "site"
        measure_page = site / "measures" / "measure-00000" / "index.html"
        sizes = [p.stat().st_size for p in site.rglob("*.html")]

        print(f"measures:                 {args.measures}")
        print(f"pages written:            {len(result.written)}")
        print(f"generate (cold):          {generate_s:.2f} s")
        print(f"generate (unchanged):     {regenerate_s:.2f} s")
        print(f"mkdocs build (fi + sv):   {build_s:.2f} s")
        print(f"peak memory of the build: {peak_mb:.0f} MiB")
        print(f"HTML pages:               {len(sizes)}")
        print(f"measure page size:        {measure_page.stat().st_size / 1024:.1f} KiB")
        index_kib = (site / "measures" / "index.html").stat().st_size / 1024
        print(f"measures index size:      {index_kib:.1f} KiB")
        print(f"median page size:         {sorted(sizes)[len(sizes) // 2] / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
