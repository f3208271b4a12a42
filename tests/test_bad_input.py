"""A data mistake stops the build with a located, plain message, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_mkdocs


def replace_in(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(file: Path, needle: str, nth: int = 1) -> int:
    """The 1-based line of the `nth` line containing `needle`."""
    lines = file.read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, start=1) if needle in line]
    assert len(found) >= nth, f"{needle!r} not {nth} times in {file}"
    return found[nth - 1]


GOAL1 = "data/measures/1-ict-foundation.yml"

# (name, file, old text, new text, text on the reported line [#n: its n-th occurrence],
#  words the message must contain)
CASES = [
    ("yaml_syntax", GOAL1, "    goal: ict-foundation\n    title:",
     "    goal: ict-foundation\n   title: [unclosed\n    title:", "title: [unclosed",
     ["not valid YAML"]),
    ("missing_field", GOAL1, "  - id: printing-service\n    goal: ict-foundation\n",
     "  - id: printing-service\n", "id: printing-service",
     ["measures[4].goal", "required but missing"]),
    ("unknown_field", GOAL1, "  - id: te-reform\n", "  - id: te-reform\n    resposible: Matti\n",
     "resposible: Matti", ["measures[9].resposible", "unknown field", "responsible"]),
    ("wrong_type", "data/strategy.yml", "  start: 2023", "  start: twenty", "start: twenty",
     ["period.start", "not a whole number"]),
    ("duplicate_id", GOAL1, "  - id: printing-service", "  - id: basic-it-procurement",
     "id: basic-it-procurement#2",
     ["already used", "basic-it-procurement"]),
    ("unknown_goal", GOAL1, "  - id: te-reform\n    goal: ict-foundation",
     "  - id: te-reform\n    goal: ict-fundation", "goal: ict-fundation",
     ["measures[9].goal", "no goal with the id 'ict-fundation'"]),
    ("unknown_phase", GOAL1, "  - id: data-communications\n    goal: ict-foundation\n",
     "  - id: data-communications\n    goal: ict-foundation\n    schedule:\n"
     "      - period: 2025-spring\n        phase: testing\n",
     "phase: testing", ["measures[3].schedule[1].phase", "'testing' is not allowed", "investigation"]),
    ("unknown_status", GOAL1, "  - id: data-communications\n    goal: ict-foundation\n",
     "  - id: data-communications\n    goal: ict-foundation\n    status: done\n", "status: done",
     ["measures[3].status", "'done' is not allowed", "completed"]),
]


@pytest.mark.parametrize(
    "file, old, new, marker, words", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_bad_data_stops_build_with_located_message_and_no_output(
    project: Path, file: str, old: str, new: str, marker: str, words: list[str]
) -> None:
    broken = project / file
    replace_in(broken, old, new)
    needle, _, nth = marker.partition("#")
    line = line_of(broken, needle, int(nth or 1))
    site = project / "site"

    result = run_mkdocs(project / "mkdocs.yml", site)

    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"{file.split('/')[-1]}, line {line}" in output, output
    for word in words:
        assert word in output, output
    assert not site.exists(), "the site directory must not be written"
    assert not (project / "docs" / "measures").exists(), "no pages may be generated"
