#!/usr/bin/env bash
# Installs what Suunta needs into .venv (Python packages) and, with `--browser`, what the tests
# need besides: Chromium, and the HTML checker from npm with Java. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

if [ "${1:-}" = "--browser" ]; then
  # The W3C Nu HTML Checker (npm package vnu-jar) runs on Java.
  if ! command -v java >/dev/null && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  fi
  npm ci --no-audit --no-fund --silent

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
