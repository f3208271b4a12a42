"""Imports an Excel action plan into measure files, the way municipalities keep them.

The layout (see ../shared/seeds/README.md): one sheet per goal; a header row naming the
measure, the responsible party, the unit, one column per half-year and the notes; a row with
only a measure text is a theme heading; a half-year cell's fill colour tells the phase, as the
sheet's legend (cells naming the phases, filled with their colours) shows. The header and
legend words, Finnish and Swedish, are in `xlsx_vocabulary.yml`.

Imported texts are written in the workbook's language (Finnish unless told otherwise); the
build then lists every text still missing its translation. Nothing is guessed: a colour that
the legend does not explain is reported and its half-year left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from .schema import Phase

VOCABULARY_FILE = Path(__file__).parent / "xlsx_vocabulary.yml"


@dataclass(frozen=True)
class Vocabulary:
    """Header words and legend words of action plans, Finnish and Swedish together."""

    title: tuple[str, ...]
    responsible: tuple[str, ...]
    units: tuple[str, ...]
    notes: tuple[str, ...]
    halves: dict[str, str]
    phases: dict[str, Phase]

    @property
    def half_year(self) -> re.Pattern[str]:
        names = "|".join(map(re.escape, sorted(self.halves, key=len, reverse=True)))
        return re.compile(rf"^\s*({names})\s+(\d{{4}})\s*$", re.IGNORECASE)


@cache
def vocabulary() -> Vocabulary:
    with VOCABULARY_FILE.open(encoding="utf-8") as handle:
        tables = yaml.safe_load(handle).values()
    return Vocabulary(
        title=tuple(w for t in tables for w in t["title"]),
        responsible=tuple(w for t in tables for w in t["responsible"]),
        units=tuple(w for t in tables for w in t["units"]),
        notes=tuple(t["notes_contains"] for t in tables),
        halves={k: v for t in tables for k, v in t["halves"].items()},
        phases={k: Phase(v) for t in tables for k, v in t["phases"].items()},
    )


class WorkbookLayoutError(Exception):
    """The workbook does not have the expected layout; the message says where and what."""


class NotAWorkbookError(Exception):
    """The file is no Excel workbook at all: a CSV, a renamed text file, an empty or broken file."""


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path`; a file openpyxl cannot open becomes one plain sentence."""
    try:
        return load_workbook(path, data_only=True)
    except OSError as error:
        raise NotAWorkbookError(f"{path.name} cannot be read ({error.strerror or error})") from None
    except Exception:  # openpyxl raises many kinds (BadZipFile, KeyError, ...) for a non-.xlsx
        raise _not_a_workbook(path) from None


def _not_a_workbook(path: Path) -> NotAWorkbookError:
    return NotAWorkbookError(
        f"{path.name} is not an Excel workbook (.xlsx); open it in Excel and save it "
        "as 'Excel Workbook (*.xlsx)', then import that file"
    )


@dataclass
class SheetImport:
    sheet: str
    goal: str
    measures: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Things the editor should check, such as colours missing from the legend."""


def slug(text: str, limit: int = 60) -> str:
    """A stable id from a Finnish title: "Yhteiset koulutukset" -> "yhteiset-koulutukset"."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    result = ""
    for word in words:
        if len(result) + len(word) + 1 > limit:
            break
        result = f"{result}-{word}" if result else word
    return result or "measure"


def import_workbook(
    path: Path, goals: list[str], sheet_goals: dict[str, str], language: str = "fi"
) -> list[SheetImport]:
    """Read every sheet; sheet i belongs to goal i unless `sheet_goals` names its goal.

    `language` is the language the workbook's texts are written in.
    """
    workbook = open_workbook(path)
    imports = []
    for index, sheet in enumerate(workbook.worksheets):
        goal = sheet_goals.get(sheet.title) or (goals[index] if index < len(goals) else None)
        if goal is None:
            raise WorkbookLayoutError(
                f"sheet '{sheet.title}': there is no goal for it; name one with "
                f'--goal "{sheet.title}=goal-id"'
            )
        imports.append(import_sheet(sheet, goal, language))
    return imports


def import_sheet(sheet: Worksheet, goal: str, language: str = "fi") -> SheetImport:
    result = SheetImport(sheet.title, goal)
    words = vocabulary()
    header_row, columns = _header(sheet, words)
    legend = _legend(sheet, words)
    theme: str | None = None
    used_ids: set[str] = set()
    for row in sheet.iter_rows(min_row=header_row + 1):
        title = _text(row[columns["title"]])
        if not title or title.lower() in words.phases:
            continue
        others = [row[i] for name, i in columns.items() if name != "title" and isinstance(i, int)]
        periods = [(row[i], key) for key, i in columns["periods"]]
        if not any(_text(c) for c in others) and not any(_fill(c) for c, _ in periods):
            theme = _unique(slug(title), {t["id"] for t in result.themes})
            result.themes.append({"id": theme, "title": {language: title}})
            continue
        measure_id = _unique(slug(title), used_ids)
        used_ids.add(measure_id)
        measure: dict[str, Any] = {"id": measure_id, "goal": goal}
        if theme:
            measure["theme"] = theme
        measure["title"] = {language: title}
        for name in ("responsible", "units"):
            if name in columns and (value := _text(row[columns[name]])):
                parts = [p.strip() for p in re.split(r"[,;\n]", value) if p.strip()]
                measure[name] = parts if name == "responsible" else [{language: p} for p in parts]
        schedule = _schedule(periods, legend, result, f"row {row[0].row}", language)
        if schedule:
            measure["schedule"] = schedule
        if "notes" in columns and (notes := _text(row[columns["notes"]])):
            measure["notes"] = {language: notes}
        result.measures.append(measure)
    return result


def _header(sheet: Worksheet, words: Vocabulary) -> tuple[int, dict[str, Any]]:
    half_year = words.half_year
    for row in sheet.iter_rows(max_row=min(sheet.max_row, 30)):
        texts = [(_text(c) or "").lower() for c in row]
        if not any(t.startswith(words.title) for t in texts):
            continue
        columns: dict[str, Any] = {"periods": []}
        for index, text in enumerate(texts):
            if text.startswith(words.title) and "title" not in columns:
                columns["title"] = index
            elif text.startswith(words.responsible):
                columns["responsible"] = index
            elif text.startswith(words.units):
                columns["units"] = index
            elif any(w in text for w in words.notes):
                columns["notes"] = index
            elif match := half_year.match(text):
                columns["periods"].append((f"{match[2]}-{words.halves[match[1].lower()]}", index))
        return row[0].row, columns
    raise WorkbookLayoutError(
        f"sheet '{sheet.title}': no header row in its first 30 rows; the measure column must be "
        f"headed by one of: {', '.join(words.title)}"
    )


def _legend(sheet: Worksheet, words: Vocabulary) -> dict[str, Phase]:
    """Fill colour -> phase, from cells that read a phase's name and are filled."""
    legend = {}
    for row in sheet.iter_rows():
        for cell in row:
            text = (_text(cell) or "").lower()
            if text in words.phases and (colour := _fill(cell)):
                legend[colour] = words.phases[text]
    return legend


def _schedule(
    periods: list[tuple[Cell, str]],
    legend: dict[str, Phase],
    result: SheetImport,
    where: str,
    language: str,
) -> list[dict[str, Any]]:
    """Coloured half-years, consecutive ones of the same phase joined into one range."""
    entries: list[dict[str, Any]] = []
    last_key: str | None = None
    for cell, key in periods:
        colour = _fill(cell)
        if not colour:
            last_key = None
            continue
        phase = legend.get(colour)
        if phase is None:
            result.notes.append(
                f"sheet '{result.sheet}', {where}, {key}: colour {colour} "
                "is not in the legend; the half-year was left out"
            )
            last_key = None
            continue
        note = _text(cell)
        previous = entries[-1] if entries else None
        if (
            previous
            and last_key
            and previous["phase"] == phase.value
            and not note
            and "note" not in previous
        ):
            previous["period"] = f"{previous['period'].split(' to ')[0]} to {key}"
        else:
            entry: dict[str, Any] = {"period": key, "phase": phase.value}
            if note:
                entry["note"] = {language: note}
            entries.append(entry)
        last_key = key
    return entries


def _text(cell: Cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _fill(cell: Cell) -> str | None:
    """The cell's solid fill colour as RRGGBB, or None when it has none."""
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    rgb = fill.fgColor.rgb if fill.fgColor is not None else None
    if not isinstance(rgb, str) or len(rgb) < 6:
        return None
    return rgb[-6:].upper()


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def write_measure_files(imports: list[SheetImport], out_dir: Path, force: bool) -> list[Path]:
    """One YAML file per sheet in `out_dir`; existing files are kept unless `force`."""
    targets = [(item, out_dir / f"{slug(item.sheet)}.yml") for item in imports]
    existing = [str(path) for _, path in targets if path.exists()]
    if existing and not force:
        raise WorkbookLayoutError(
            f"these files exist already: {', '.join(existing)}; use --force to replace them"
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    for item, path in targets:
        header = [
            f"# Imported from the sheet '{item.sheet}' of an Excel action plan.",
            "# Add the texts in the site's other languages next to the imported ones.",
        ]
        if item.themes:
            header.append(f"# Add these themes to goal '{item.goal}' in data/goals.yml:")
            theme_yaml = yaml.safe_dump(
                {"themes": item.themes}, allow_unicode=True, sort_keys=False
            )
            header += [f"#   {line}" for line in theme_yaml.splitlines()]
        body = yaml.safe_dump(
            {"measures": item.measures}, allow_unicode=True, sort_keys=False, width=100
        )
        path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    return [path for _, path in targets]
