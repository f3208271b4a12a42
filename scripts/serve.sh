#!/usr/bin/env bash
# Installs everything and serves the demo site at http://127.0.0.1:8000/ (Swedish at /sv/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --dev-addr "${SUUNTA_ADDR:-127.0.0.1:8000}" "$@"
