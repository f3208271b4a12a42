"""One small, exact change to a file of Material's built scripts (see search_stemming.py and
alternate_sitemaps.py for why each is needed).

The change applies only where the original text stands exactly once; otherwise nothing is
written and the caller warns (and `--strict` fails), so a theme update never loses a change
silently. Running it again on a changed file changes nothing.
"""

from __future__ import annotations

from pathlib import Path


def replace_once(files: list[Path], original: str, changed: str) -> bool:
    """Put `changed` for `original` in each file; True when every file now has `changed`."""
    if not files:
        return False
    for path in files:
        code = path.read_text(encoding="utf-8")
        if changed in code:
            continue
        if code.count(original) != 1:
            return False
        path.write_text(code.replace(original, changed), encoding="utf-8")
    return True
