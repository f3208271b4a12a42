#!/usr/bin/env bash
# Installs everything (Python packages, Chromium, the HTML checker) and runs the whole test
# suite: lint and type checks, unit tests, `mkdocs build --strict` of the demo, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
# Lint and types first: quick, and they name the file and line.
.venv/bin/ruff check hooks tests bench
.venv/bin/ruff format --check hooks bench
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
