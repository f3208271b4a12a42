"""The state of measures at a date, from their dated progress updates.

A measure with progress updates has, at a date, the status of its newest update on or before
that date (none before its first update). A measure without updates keeps its `status` field.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from .model import MeasureEntry
from .schema import MeasureStatus, ProgressUpdate

STATUS_ORDER = tuple(MeasureStatus)


def status_at(entry: MeasureEntry, date: dt.date | None) -> MeasureStatus | None:
    updates = entry.measure.progress
    if not updates:
        return entry.measure.status
    if date is None:
        return max(updates, key=lambda u: u.date).status
    known = [u for u in updates if u.date <= date]
    return max(known, key=lambda u: u.date).status if known else None


def history(entry: MeasureEntry, date: dt.date | None) -> list[ProgressUpdate]:
    """Updates up to `date`, newest first."""
    updates = [u for u in entry.measure.progress if date is None or u.date <= date]
    return sorted(updates, key=lambda u: u.date, reverse=True)


@dataclass(frozen=True)
class StatusCount:
    status: MeasureStatus | None
    """None counts the measures with no status given."""
    count: int


def status_counts(entries: tuple[MeasureEntry, ...], date: dt.date | None) -> list[StatusCount]:
    """How many measures are in each status at `date`, in a fixed order, zero counts included.

    The same statuses in the same order for every group, so counts line up in a table.
    """
    counter = Counter(status_at(e, date) for e in entries)
    return [StatusCount(status, counter.get(status, 0)) for status in (*STATUS_ORDER, None)]


@dataclass(frozen=True)
class Change:
    entry: MeasureEntry
    before: MeasureStatus | None
    after: MeasureStatus | None
    updates: list[ProgressUpdate]
    """The measure's updates in the period, newest first."""


def changes_between(
    entries: tuple[MeasureEntry, ...], since: dt.date | None, until: dt.date | None
) -> list[Change]:
    """Measures whose status changed, or that got an update, after `since` up to `until`."""
    changes = []
    for entry in entries:
        updates = [u for u in history(entry, until) if since is None or u.date > since]
        before = status_at(entry, since) if since else None
        after = status_at(entry, until)
        if updates or (since is not None and before != after):
            changes.append(Change(entry, before, after, updates))
    return changes


CHANGE_KINDS = ("added", "completed", "delayed")
"""What a report's summary of changes names: measures that got their first status since the
previous report, and those that were completed or became delayed."""


def changes_by_kind(changes: list[Change], since: dt.date | None) -> dict[str, list[Change]]:
    """`changes` (from `changes_between`) sorted into `CHANGE_KINDS`; kinds with none left out.

    Nothing is "added" since no previous report: then everything would be.
    """
    kinds = {
        "added": [c for c in changes if since and c.before is None and c.after is not None],
        "completed": [
            c
            for c in changes
            if c.after is MeasureStatus.completed and c.before is not MeasureStatus.completed
        ],
        "delayed": [
            c
            for c in changes
            if c.after is MeasureStatus.delayed and c.before is not MeasureStatus.delayed
        ],
    }
    return {kind: kinds[kind] for kind in CHANGE_KINDS if kinds[kind]}
