"""PDF documents with WeasyPrint: a syllabus, a programme plan and a timetable book.

Templates and print CSS live in ``templates/exports/``. Chinese text is set in a CJK font that the
system provides (Noto Sans CJK SC or WenQuanYi Micro Hei, see the README); WeasyPrint embeds the
glyphs it uses. Header and footer text reaches the CSS ``@page`` margin boxes as escaped CSS
strings, so no title can break out of them.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import HTML

from exports import grids
from exports.documents import ProgrammeDoc, SyllabusDoc
from scheduler.timetable import Ref, Timetable

PDF_CONTENT_TYPE = "application/pdf"
# The grids of a timetable book are laid out this many at a time, then the parts are joined:
# WeasyPrint keeps every laid-out page in memory until it writes, so big terms go in parts.
BOOK_PART = 25
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

    subjects = grids.week_grids(tt)
    colours = grids.member_colours(tt)
    violations = grids.visible_violations(tt, member.id if member else None)
    total = len(subjects) + 1
    status = _("Published") if tt.published else _("Run %(run)s (%(status)s)") % {
        "run": tt.run_id, "status": tt.run_status,
    }
    base = {
        "tt": tt,
        "term_name": grids.display(tt.term_name, tt.term_name_zh),
        "header_left": css_string(f"{grids.display(tt.term_name, tt.term_name_zh)} · {status}"),
        "header_right": css_string(grids.ref_name(member) if member else ""),
        "page_label": _("Page {page} of {pages}"),
        "generated_at": timezone.localtime(),
    }
    cover = {
        "member": member,
        "counts": grids.counts(tt, violations),
        "legend": [(grids.ref_name(m), colours[m.id]) for m in tt.members],
        "grids": len(subjects),
        "page": _page_label(1, total),
    }
    parts = [render_pdf("exports/timetable_book.html", {**base, "cover": cover, "pages": []})]
    for start in range(0, len(subjects), BOOK_PART):
        chunk = subjects[start:start + BOOK_PART]
        pages = [
            _grid_page(tt, grid, colours, _page_label(start + i + 2, total))
            for i, grid in enumerate(chunk)
        ]
        parts.append(render_pdf("exports/timetable_book.html", {**base, "pages": pages}))
        if progress is not None:
            progress(start + len(chunk), len(subjects))
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


# A book page's week grid, in millimetres: A4 landscape less the margins, the title and the day
# names. Every cell and block is placed absolutely, so the layout is exactly what is computed
# here: table rows would grow unpredictably around blocks that span several periods.
WIDTH_MM = 272.0
PERIOD_MM, TIME_MM, HEADER_MM = 11.0, 19.0, 6.0
ROWS_MM = 158.0  # all period rows together
ROW_MM = (6.0, 24.0)  # a period's row: at least, and at most unless its text needs more
FONT_SIZES_PT = (7.0, 6.5, 6.0, 5.5, 5.0)
UNIFORM_MIN_PT = 6.0
PT_MM = 0.3528
LINE_HEIGHT = 1.25
PADDING_MM = 1.0


def _text_em(text: str) -> float:
    """A generous width estimate in em: CJK characters are square, others about half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)


def _block_mm(lines: list[str], font_pt: float, width_mm: float) -> float:
    """The height the lines of a block need once wrapped, with the block's padding."""
    per_line_em = (width_mm - 2 * PADDING_MM - 0.6) / (font_pt * PT_MM)
    count = sum(max(1, math.ceil(_text_em(line) / per_line_em)) for line in lines)
    return count * font_pt * LINE_HEIGHT * PT_MM + 2 * PADDING_MM + 0.6


def fit_rows(grid: grids.Grid, texts: dict, periods: int, days: int) -> tuple[float, list[float]]:
    """A font size and a height per period row so that the grid fills one page and every
    block's text fits the block. Equal rows when a font of at least UNIFORM_MIN_PT allows
    them (a timetable reads best so); otherwise the largest font that fits with rows as tall
    as their blocks need, the spare height shared evenly."""
    width = (WIDTH_MM - PERIOD_MM - TIME_MM) / max(days, 1)
    periods = max(periods, 1)

    def needs(font_pt: float) -> list[float]:
        rows = [ROW_MM[0]] * periods
        for block in grid.blocks:
            share = _block_mm(texts[block], font_pt, width) / block.rows
            for pos in range(block.first, block.last + 1):
                rows[pos] = max(rows[pos], share)
        return rows

    for font_pt in FONT_SIZES_PT:
        if font_pt >= UNIFORM_MIN_PT and max(needs(font_pt)) * periods <= ROWS_MM:
            return font_pt, [min(ROWS_MM / periods, ROW_MM[1])] * periods
    for font_pt in FONT_SIZES_PT:
        rows = needs(font_pt)
        if sum(rows) <= ROWS_MM:
            break
    spare = max(0.0, ROWS_MM - sum(rows)) / periods
    return font_pt, [max(r, min(ROW_MM[1], r + spare)) for r in rows]


def _box(x: float, y: float, w: float, h: float, **extra) -> dict:
    return {"x": f"{x:.2f}", "y": f"{y:.2f}", "w": f"{w:.2f}", "h": f"{h:.2f}", **extra}


def _grid_page(tt: Timetable, grid: grids.Grid, colours: dict[int, str], page_label: str) -> dict:
    """A grid as absolutely placed boxes: the frame (day names, periods with clock times, free
    cells) and one block per session, or per group of sessions that clash."""
    texts = {b: grids.block_lines(b, grid.subject) for b in grid.blocks}
    days = len(tt.days)
    font_pt, heights = fit_rows(grid, texts, len(tt.slots), days)
    col = (WIDTH_MM - PERIOD_MM - TIME_MM) / max(days, 1)
    xs = [PERIOD_MM + TIME_MM + d * col for d in range(days)]
    ys = [HEADER_MM]
    for h in heights:
        ys.append(ys[-1] + h)
    frame = [_box(0, 0, PERIOD_MM, HEADER_MM, text=_("Period"), cls="head"),
             _box(PERIOD_MM, 0, TIME_MM, HEADER_MM, text=_("Time"), cls="head")]
    frame += [_box(x, 0, col, HEADER_MM, text=name, cls="head") for x, name in zip(xs, tt.days,
                                                                                     strict=True)]
    for pos, slot in enumerate(tt.slots):
        y, h = ys[pos], heights[pos]
        frame.append(_box(0, y, PERIOD_MM, h, text=str(slot.index + 1), cls="period"))
        frame.append(_box(PERIOD_MM, y, TIME_MM, h, text=f"{slot.start:%H:%M}–{slot.end:%H:%M}",
                          cls="time"))
        frame += [_box(x, y, col, h, text="", cls="free") for x in xs]
    blocks = [
        _box(xs[b.day], ys[b.first], col, ys[b.last + 1] - ys[b.first], lines=texts[b],
             colour="F4C7C3" if b.clash else colours.get(b.entries[0].member.id, "FFFFFF"),
             clash=b.clash)
        for b in grid.blocks if b.day < days
    ]
    return {"label": grid.label, "sessions": grid.sessions, "page": page_label,
            "font_pt": font_pt, "frame": frame, "blocks": blocks, "height": f"{ys[-1]:.2f}"}
