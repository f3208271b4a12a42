"""Every data table of every built site: each body row has as many cells as the header has
columns, so a screen reader pairs every cell with the right column header."""

from __future__ import annotations

from pathlib import Path

from conftest import html_pages
from lxml import html


def _width(row: html.HtmlElement) -> int:
    return sum(int(cell.get("colspan", "1")) for cell in row.xpath("./th|./td"))


def _mismatched(site: Path) -> tuple[int, list[str]]:
    checked, wrong = 0, []
    for file in html_pages(site):
        doc = html.fromstring(file.read_bytes())
        for table in doc.xpath("//table[thead]"):
            header = table.xpath("./thead/tr")[-1]
            for row in table.xpath("./tbody/tr"):
                checked += 1
                if _width(row) != _width(header):
                    caption = table.findtext("caption") or ""
                    wrong.append(
                        f"{file.relative_to(site)}: {caption!r} {_width(row)} ≠ {_width(header)}"
                    )
                    break
    return checked, wrong


def test_every_row_fits_its_header(
    built_site: Path, built_examples: dict[str, Path], built_large_site: tuple[Path, Path]
) -> None:
    for site in (built_site, *built_examples.values(), built_large_site[1]):
        checked, wrong = _mismatched(site)
        assert checked > 20, site
        assert not wrong, "\n".join(wrong[:20])
