"""Tells what a file really is (whatever its name says) and reads it into grids.

Editors rename and resave files: a CSV named .xlsx, a password-protected workbook, an old
.xls or a PDF must each end in one sentence that says what to do, never in a traceback.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .grid import Grid, PlanFileError
from .text_grid import read_text
from .xlsx_grid import read_xlsx

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Old .xls files and password-protected .xlsx files are OLE compound files."""
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")


def read_plan_file(path: Path) -> list[Grid]:
    """The file's sheets as grids; a file that is no readable plan raises `PlanFileError`."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanFileError(
            "import.file.unreadable", file=path.name, reason=error.strerror
        ) from None
    if not raw.strip():
        raise PlanFileError("import.file.empty", file=path.name)
    if raw.startswith(OLE_MAGIC):
        encrypted = "EncryptionInfo".encode("utf-16-le") in raw
        raise PlanFileError(
            "import.file.encrypted" if encrypted else "import.file.old_excel", file=path.name
        )
    if raw.startswith(b"PK"):
        if not _is_xlsx(raw):
            raise PlanFileError("import.file.other_zip", file=path.name)
        grids = read_xlsx(path, raw)
    elif _binary(raw):
        raise PlanFileError("import.file.not_a_plan", file=path.name)
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise PlanFileError("import.file.text_named_xlsx", file=path.name, stem=path.stem)
    elif path.suffix.lower() not in TEXT_SUFFIXES:
        raise PlanFileError("import.file.not_a_plan", file=path.name)
    else:
        grids = [read_text(path, raw)]
    if not any(grid.written() for grid in grids):
        raise PlanFileError("import.file.empty", file=path.name)
    return grids


def _is_xlsx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _binary(raw: bytes) -> bool:
    head = raw[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text, as Excel's "Unicode text"
        return False
    return b"\x00" in head or head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8"))
