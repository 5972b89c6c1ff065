"""PDF documents with WeasyPrint: a syllabus, a programme plan and a timetable book.

Templates and print CSS live in ``templates/exports/``. Chinese text is set in a CJK font that the
system provides (Noto Sans CJK SC or WenQuanYi Micro Hei, see the README); WeasyPrint embeds the
glyphs it uses. Header and footer text reaches the CSS ``@page`` margin boxes as escaped CSS
strings, so no title can break out of them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML

from exports.documents import ProgrammeDoc, SyllabusDoc
from exports.grids import (
    Grid,
    block_lines,
    counts,
    display,
    member_colours,
    ref_name,
    visible_violations,
    week_grids,
)
from scheduler.timetable import Ref, Timetable

PDF_CONTENT_TYPE = "application/pdf"
# The grids of a timetable book are laid out this many at a time, then the parts are joined:
# WeasyPrint keeps every laid-out page in memory until it writes, so big terms go in parts.
BOOK_PART = 40
Progress = Callable[[int, int], None]


def css_string(text: str) -> SafeString:
    """``text`` as a quoted CSS string, every character but letters, digits and spaces escaped."""
    escaped = "".join(
        ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(text)
    )
    return mark_safe(f'"{escaped}"')


def css_page_counter(template: str) -> SafeString:
    """A translated "Page {page} of {pages}" as CSS content with counter(page)/counter(pages)."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return mark_safe(" ".join(parts))


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def _page_context() -> dict:
    return {
        "page_counter": css_page_counter(_("Page {page} of {pages}")),
        "generated_at": timezone.localtime(),
    }


def syllabus_pdf(doc: SyllabusDoc) -> bytes:
    """A syllabus in English and Chinese, with a DRAFT watermark until it is approved."""
    course = doc.course
    status = _("Version %(version)s · %(status)s") % {
        "version": doc.version, "status": doc.status_label,
    }
    context = {
        "doc": doc,
        "course": course,
        "header_left": css_string(f"{course.code} · {course.title}"),
        "header_right": css_string(status),
        "footer_left": css_string(f"{course.code} · {status}"),
        **_page_context(),
    }
    return render_pdf("exports/syllabus.html", context)


def programme_pdf(doc: ProgrammeDoc) -> bytes:
    """A programme plan: courses, credits, prerequisites and competency coverage."""
    context = {
        "doc": doc,
        "coverage": doc.matrix.coverage(),
        "header_left": css_string(f"{doc.code} · {doc.name}"),
        "header_right": css_string(_("Programme plan")),
        "footer_left": css_string(doc.code),
        **_page_context(),
    }
    return render_pdf("exports/programme.html", context)


def timetable_book_pdf(
    tt: Timetable, *, member: Ref | None = None, progress: Progress | None = None
) -> bytes:
    """One landscape page per cohort, faculty member and room, after a cover page.

    Big books are laid out in parts of ``BOOK_PART`` grids and joined, so memory stays bounded;
    page numbers are printed from Python (each grid is one page) so they run across the parts.
    ``progress(done, total)`` is called after each part.
    """
    from pypdf import PdfWriter

    grids = week_grids(tt)
    colours = member_colours(tt)
    violations = visible_violations(tt, member.id if member else None)
    total = len(grids) + 1
    status = _("Published") if tt.published else _("Run %(run)s (%(status)s)") % {
        "run": tt.run_id, "status": tt.run_status,
    }
    base = {
        "tt": tt,
        "term_name": display(tt.term_name, tt.term_name_zh),
        "header_left": css_string(f"{display(tt.term_name, tt.term_name_zh)} · {status}"),
        "header_right": css_string(ref_name(member) if member else ""),
        "row_height_mm": max(9, min(24, 150 // max(len(tt.slots), 1))),
        "page_label": _("Page {page} of {pages}"),
        "generated_at": timezone.localtime(),
    }
    cover = {
        "member": member,
        "counts": counts(tt, violations),
        "legend": [(ref_name(m), colours[m.id]) for m in tt.members],
        "grids": len(grids),
        "page": _page_label(1, total),
    }
    parts = [render_pdf("exports/timetable_book.html", {**base, "cover": cover, "pages": []})]
    for start in range(0, len(grids), BOOK_PART):
        chunk = grids[start:start + BOOK_PART]
        pages = [
            _grid_page(tt, grid, colours, _page_label(start + i + 2, total))
            for i, grid in enumerate(chunk)
        ]
        parts.append(render_pdf("exports/timetable_book.html", {**base, "pages": pages}))
        if progress is not None:
            progress(start + len(chunk), len(grids))
    if len(parts) == 1:
        return parts[0]
    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_label(page: int, pages: int) -> str:
    return _("Page {page} of {pages}").format(page=page, pages=pages)


def _grid_page(tt: Timetable, grid: Grid, colours: dict[int, str], page_label: str) -> dict:
    """A grid as table rows: per period, per day either a block (with its rowspan), a free
    cell, or nothing (a period covered by a block that started above)."""
    starts = {(b.first, b.day): b for b in grid.blocks}
    covered = {(pos, b.day) for b in grid.blocks for pos in range(b.first + 1, b.last + 1)}
    rows = []
    for pos, slot in enumerate(tt.slots):
        cells = []
        for day in range(len(tt.days)):
            block = starts.get((pos, day))
            if block is not None:
                cells.append({
                    "rowspan": block.rows,
                    "lines": block_lines(block, grid.subject),
                    "colour": "F4C7C3" if block.clash else colours.get(
                        block.entries[0].member.id, "FFFFFF"),
                    "clash": block.clash,
                })
            elif (pos, day) not in covered:
                cells.append({"rowspan": 1, "lines": [], "colour": None})
        rows.append({"number": slot.index + 1, "time": f"{slot.start:%H:%M}–{slot.end:%H:%M}",
                     "cells": cells})
    return {"label": grid.label, "sessions": grid.sessions, "rows": rows, "page": page_label}
