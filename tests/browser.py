"""Chromium for the browser tests: the package's own launch settings and request guard
(`suunta.chromium`, shared with `suunta pdf`)."""

from __future__ import annotations

from suunta.chromium import CHROMIUM_ARGS, SYSTEM_CHROMIUM, keep_on_localhost, launch_options

__all__ = ["CHROMIUM_ARGS", "SYSTEM_CHROMIUM", "keep_on_localhost", "launch_options"]
