#!/usr/bin/env bash
# Installs what Suunta needs into .venv (Python packages, and Chromium for the tests with
# `--browser`). Safe to run again: it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

if [ "${1:-}" = "--browser" ]; then
  # Debian's Chromium where we can have it (this project's machines have no access to
  # Playwright's browser downloads); Playwright's own Chromium elsewhere (GitHub's runners).
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x /usr/bin/chromium ]; then
    .venv/bin/python -m playwright install --with-deps chromium
  fi
fi
