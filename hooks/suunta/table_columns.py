"""Which optional columns a table of measures shows: only those some row has a value for.

A strategy of policy statements has no owners, units, schedules or statuses; a table of 33
rows of "not specified" in four columns says nothing and costs a screen-reader user minutes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .model import MeasureEntry
from .progress import status_at


@dataclass(frozen=True)
class OptionalColumns:
    responsible: bool
    units: bool
    schedule: bool
    status: bool
    metric: bool


def optional_columns(measures: Sequence[MeasureEntry], as_of: dt.date | None) -> OptionalColumns:
    return OptionalColumns(
        responsible=any(m.measure.responsible for m in measures),
        units=any(m.measure.units for m in measures),
        schedule=any(m.measure.schedule for m in measures),
        status=any(status_at(m, as_of) is not None for m in measures),
        metric=any(m.measure.metric for m in measures),
    )
