#!/usr/bin/env bash
# Installs everything (Python packages and Chromium) and runs the whole test suite:
# unit tests, `mkdocs build --strict` of the demo, and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/python -m pytest "$@"
