"""A zip-based file (an .xlsx workbook) that is the same bytes every time it is built.

openpyxl stamps the workbook's properties and every zip entry with the clock; the build must
not (two builds of the same data are byte-identical). The entries are written again, in the
same order, dated with the data's date, and the workbook's own created/modified dates are
set to it too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_EPOCH = dt.date(1980, 1, 1)
"""The earliest date a zip entry can carry; used when the data gives no date."""
_CORE = "docProps/core.xml"
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def repeatable_zip(content: bytes, date: dt.date | None) -> bytes:
    day = max(date or _EPOCH, _EPOCH)
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    when = f"{day.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(content)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == _CORE:
                data = _STAMP.sub(rb"\g<1>" + when + rb"\g<2>", data)
            entry = zipfile.ZipInfo(item.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()
