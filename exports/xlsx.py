"""Small openpyxl helpers for write-only workbooks: valid sheet names, styled cells, tables."""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_INVALID = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
MAX_SHEET_NAME = 31

THIN = Side(style="thin", color="B7C0CC")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="E7ECF2")
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


class SheetNames:
    """Hands out valid, unique sheet names: at most 31 characters, none of []:*?/\\, no clash
    with an earlier name (Excel compares them case-insensitively)."""

    def __init__(self) -> None:
        self._used: set[str] = {"history"}  # reserved by Excel

    def take(self, wanted: str) -> str:
        base = _INVALID.sub("-", str(wanted)).strip().strip("'").strip() or "Sheet"
        base = base[:MAX_SHEET_NAME].rstrip("'")
        name, n = base, 2
        while name.casefold() in self._used:
            suffix = f" ({n})"
            name = base[: MAX_SHEET_NAME - len(suffix)].rstrip("'") + suffix
            n += 1
        self._used.add(name.casefold())
        return name


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def add_sheet(wb: Workbook, names: SheetNames, title: str, build, *args) -> None:
    """A sheet named from ``title``, filled by ``build(ws, *args)`` and closed at once: a
    write-only sheet keeps a temporary file open until it is closed, and a big timetable has
    more sheets than a process may open files."""
    ws = wb.create_sheet(names.take(title))
    build(ws, *args)
    ws.close()


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def cell(ws, value=None, *, font=None, fill=None, alignment=None, border=None, number_format=None):
    """A write-only cell. Each combination of styles is resolved once per workbook and then
    copied (``_style``, as openpyxl's docs copy styles): setting styles one by one hashes them
    every time, which dominates the time of a big workbook."""
    c = WriteOnlyCell(ws, value=value)
    if font is fill is alignment is border is number_format is None:
        return c
    key = (id(font), id(fill), id(alignment), id(border), number_format)
    cache = ws.parent.__dict__.setdefault("_export_styles", {})
    known = cache.get(key)
    if known is None:
        if font is not None:
            c.font = font
        if fill is not None:
            c.fill = fill
        if alignment is not None:
            c.alignment = alignment
        if border is not None:
            c.border = border
        if number_format is not None:
            c.number_format = number_format
        # Keep the style objects alive with their array, so their ids stay theirs.
        cache[key] = (copy.copy(c._style), (font, fill, alignment, border))
    else:
        c._style = copy.copy(known[0])
    return c


@functools.cache
def fill(rgb: str) -> PatternFill:
    return PatternFill("solid", fgColor=rgb)


def set_widths(ws, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width


def write_table(
    ws,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    widths: Sequence[float],
    *,
    formats: dict[int, str] | None = None,
) -> int:
    """A header row, then the rows, with an autofilter and the header frozen. Returns the count.

    ``formats`` maps a 0-based column to a number format (e.g. ``"hh:mm"``).
    """
    set_widths(ws, widths)
    ws.freeze_panes = "A2"
    ws.append([cell(ws, str(h), font=BOLD, fill=HEADER_FILL, border=BORDER) for h in headers])
    formats = formats or {}
    count = 0
    for row in rows:
        ws.append([
            cell(ws, value, number_format=formats[i]) if i in formats else value
            for i, value in enumerate(row)
        ])
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    return count


def landscape_one_page_wide(ws, *, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
