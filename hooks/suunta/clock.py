""" "Today" for the checks that depend on the calendar (the statement's yearly review).

The date never reaches the site. `SUUNTA_TODAY` (YYYY-MM-DD) pins it, so tests do not start
failing on their own one day; publishing builds leave it unset and use the real date.
"""

from __future__ import annotations

import datetime as dt
import os

from .cli_texts import say

TODAY_VARIABLE = "SUUNTA_TODAY"


class ClockError(ValueError):
    """`SUUNTA_TODAY` is set but is not a date."""


def today() -> dt.date:
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ClockError(
            say("common.today_not_a_date", variable=TODAY_VARIABLE, value=repr(pinned))
        ) from None
