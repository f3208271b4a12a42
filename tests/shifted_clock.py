"""Runs MkDocs as if the build happened `DAYS` days later: `python shifted_clock.py DAYS ARGS...`.

Used to show that two builds of the same data on different days are byte-identical: every
clock MkDocs reads (`datetime.now`, `time.time`) is moved, nothing in the output may follow.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

DAYS = int(sys.argv[1])
SHIFT = dt.timedelta(days=DAYS)
REAL_TODAY = dt.date.today()


class ShiftedDatetime(dt.datetime):
    @classmethod
    def now(cls, tz: dt.tzinfo | None = None) -> ShiftedDatetime:  # type: ignore[override]
        return super().now(tz) + SHIFT

    @classmethod
    def today(cls) -> ShiftedDatetime:  # type: ignore[override]
        return super().today() + SHIFT


_real_time = time.time
time.time = lambda: _real_time() + SHIFT.total_seconds()
dt.datetime = ShiftedDatetime  # type: ignore[misc]

import mkdocs.utils  # noqa: E402
from mkdocs.__main__ import cli  # noqa: E402

mkdocs.utils.datetime = ShiftedDatetime  # type: ignore[attr-defined]
# The shift must reach MkDocs, or the comparison proves nothing.
assert mkdocs.utils.get_build_datetime().date() == REAL_TODAY + SHIFT
sys.argv = ["mkdocs", *sys.argv[2:]]
cli()
