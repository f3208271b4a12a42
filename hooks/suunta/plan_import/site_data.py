"""The site's data checked before a plan is merged into it.

The merge finds goals by number and measures by id: in data that `suunta check` refuses (a
misspelt `Goals:`, one id in two files) it would add a second goal list or update one of two
measures, silently. So the import writes only into valid data; only the files it creates
itself (`goals.yml` and the measure files of a new site) may be missing.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import DataError, DataProblem
from ..loader import GOALS_FILE, MEASURES_DIR, load_data


def check_site_data(data_dir: Path, languages: list[str]) -> None:
    """Raise `DataError` with every problem of `data_dir` the import does not itself resolve."""
    try:
        load_data(data_dir, languages)
    except DataError as error:
        problems = [p for p in error.problems if not _made_by_import(p, data_dir)]
        if problems:
            raise DataError(problems) from None


def _made_by_import(problem: DataProblem, data_dir: Path) -> bool:
    """A missing goals file or measures folder: the import writes them (a new site)."""
    goals = data_dir / GOALS_FILE
    if problem.file == goals:
        return not (goals.exists() or goals.is_symlink())
    measures = data_dir / MEASURES_DIR
    return problem.file == measures and not any(measures.glob("*.yml"))
