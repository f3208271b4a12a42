"""What the import tells the editor: each finding is a message key and its values, so it is
printed in the editor's language (`cli_texts`, section `import:`) and tested by its key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..cli_texts import say


@dataclass(frozen=True)
class Finding:
    key: str
    values: dict[str, Any] = field(default_factory=dict)
    error: bool = False
    """An error stops the import before anything is written."""

    def text(self) -> str:
        return say(self.key, **self.values)


def warning(key: str, **values: Any) -> Finding:
    return Finding(key, values)


def error(key: str, **values: Any) -> Finding:
    return Finding(key, values, error=True)


def period_words(key: str) -> str:
    """'2025-autumn' as the editor's language says it: 'autumn 2025', 'syksy 2025'."""
    year, _, half = key.partition("-")
    return f"{say('import.halves.' + half)} {year}" if half else year
