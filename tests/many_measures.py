"""A copy of the demo with any number of generated measures: the tests' large site (lists
over several pages) and the benchmark's sites of every size."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import copy_project

GOALS = ["ict-foundation", "applications", "collaboration"]
LANGUAGES = ("fi", "sv")


def measure(i: int) -> dict[str, object]:
    return {
        "id": f"measure-{i:05d}",
        "goal": GOALS[i % len(GOALS)],
        "title": {
            "fi": f"Toimenpide {i}: palvelujen kehittäminen",
            "sv": f"Åtgärd {i}: utveckling",
        },
        "description": {
            "fi": f"Toimenpiteen {i} kuvaus. Kehitetään palveluja yhdessä kuntien kanssa.",
            "sv": f"Beskrivning av åtgärd {i}. Tjänsterna utvecklas tillsammans med kommunerna.",
        },
        "responsible": [f"Henkilö {i % 17}"],
        "units": [{"fi": "Sivistyspalvelut", "sv": "Bildningstjänster"}],
        "schedule": [
            {"period": "2025-spring", "phase": "investigation"},
            {"period": "2025-autumn", "phase": "deployment"},
        ],
        "metric": {"fi": "Seurataan johtoryhmässä.", "sv": "Följs upp i ledningsgruppen."},
        "status": "in_progress",
        # Every other measure concerns Tampere: its page is a long list too.
        **({"municipalities": ["Tampere"]} if i % 2 == 0 else {}),
    }


def measures_file(project: Path, goal: str) -> Path:
    """The file of a goal's generated measures: one file per goal, as editors keep them."""
    return project / "data" / "measures" / f"{GOALS.index(goal) + 1}-{goal}.yml"


def suunta_project(target: Path, measures: int) -> Path:
    """A copy of the demo whose measures are replaced by `measures` generated ones."""
    copy_project(target)
    for old in (target / "data" / "measures").glob("*.yml"):
        old.unlink()
    items = [measure(i) for i in range(measures)]
    for goal in GOALS:
        own = [item for item in items if item["goal"] == goal]
        measures_file(target, goal).write_text(
            yaml.safe_dump({"measures": own}, allow_unicode=True), "utf-8"
        )
    return target
