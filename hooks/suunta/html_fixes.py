"""Small corrections to the theme's HTML so every page validates (W3C Nu HTML Checker)."""

from __future__ import annotations

import re

# Material writes autocomplete="off" on its checkbox toggles (drawer, search); HTML allows the
# attribute only on text-like inputs. Firefox then may restore a toggle's state on "back".
_TOGGLE_AUTOCOMPLETE = re.compile(
    r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"'
)


def valid_theme_html(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
