"""The timetable workbook: an overview, the flat list of sessions, the violations and one week
grid per cohort, faculty member and room or lab. Written in openpyxl's write-only mode so that a
term of thousands of sessions stays fast and lean."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

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
from exports.xlsx import (
    BOLD,
    BORDER,
    CENTRE,
    HEADER_FILL,
    TITLE,
    WRAP_TOP,
    SheetNames,
    add_sheet,
    cell,
    fill,
    landscape_one_page_wide,
    new_workbook,
    set_widths,
    to_bytes,
    write_table,
)
from scheduler.timetable import Ref, Timetable, rule_label

CLASH_FILL = "F4C7C3"
Progress = Callable[[int, int], None]


def timetable_workbook(
    tt: Timetable, *, member: Ref | None = None, progress: Progress | None = None
) -> bytes:
    """The workbook of a timetable, or of one member's pack when ``member`` is given.

    A pack expects ``tt`` to hold only the entries that involve the member (as
    ``load_timetable(run, member=...)`` returns them); violations are narrowed here.
    ``progress(done, total)`` is called after each grid sheet.
    """
    violations = visible_violations(tt, member.id if member else None)
    colours = member_colours(tt)
    grids = week_grids(tt)
    wb = new_workbook()
    names = SheetNames()
    add_sheet(wb, names, _("Overview"), _overview, tt, member, violations, colours)
    add_sheet(wb, names, _("Sessions"), _sessions, tt)
    add_sheet(wb, names, _("Violations"), _violations, violations)
    for done, grid in enumerate(grids, 1):
        add_sheet(wb, names, grid_sheet_name(grid), _grid, tt, grid, colours)
        if progress is not None:
            progress(done, len(grids))
    return to_bytes(wb)


def grid_sheet_name(grid: Grid) -> str:
    label = {"cohort": _("Cohort"), "faculty": _("Faculty"), "room": _("Room")}[grid.subject]
    key = ref_name(grid.ref) if grid.subject == "faculty" else grid.ref.code
    return f"{label} {key}"


def _overview(ws, tt: Timetable, member: Ref | None, violations: list[dict], colours) -> None:
    set_widths(ws, [28, 44, 14])
    ws.append([cell(ws, _("Timetable of %(term)s") % {"term": display(tt.term_name,
                                                                        tt.term_name_zh)},
                    font=TITLE)])
    ws.append([])
    n = counts(tt, violations)
    facts = [
        (_("Term"), tt.term_name),
        (_("Term (Chinese)"), tt.term_name_zh),
        (_("Term code"), tt.term_slug),
        (_("First Monday"), tt.start_date),
        (_("Weeks"), tt.weeks),
        (_("Run"), tt.run_id),
        (_("Run status"), tt.run_status),
        (_("Published"), _("yes") if tt.published else _("no")),
        (_("Member pack"), ref_name(member) if member else _("whole consortium")),
        (_("Objective (total penalty)"), tt.objective),
        (_("Sessions per week"), n["sessions"]),
        (_("Periods per week"), n["periods"]),
        (_("Cohorts"), n["cohorts"]),
        (_("Faculty members"), n["faculty"]),
        (_("Rooms and labs"), n["rooms"]),
        (_("Hard violations"), n["hard"]),
        (_("Soft violations"), n["soft"]),
    ]
    for label, value in facts:
        number_format = "yyyy-mm-dd" if label == _("First Monday") else None
        ws.append([cell(ws, label, font=BOLD), cell(ws, value, number_format=number_format)])
    ws.append([])
    ws.append([cell(ws, _("Rule"), font=BOLD, fill=HEADER_FILL, border=BORDER),
               cell(ws, _("Penalty"), font=BOLD, fill=HEADER_FILL, border=BORDER)])
    for rule, penalty in sorted(tt.penalties.items()):
        ws.append([rule_label(rule), penalty])
    ws.append([])
    ws.append([cell(ws, _("Member institution (colour in the grids)"), font=BOLD,
                    fill=HEADER_FILL, border=BORDER)])
    for m in tt.members:
        ws.append([cell(ws, ref_name(m), fill=fill(colours[m.id]), border=BORDER)])


def _sessions(ws, tt: Timetable) -> None:
    headers = [_("Course"), _("Title"), _("Kind"), _("Day"), _("Start"), _("End"), _("Periods"),
               _("Room"), _("Campus"), _("Faculty"), _("Cohorts"), _("Member"), _("Pinned"),
               _("Rules broken")]
    entries = sorted(tt.entries, key=lambda e: (e.day, e.period, e.course.code, e.session_id))
    rows = (
        (
            e.course.code,
            ref_name(e.course),
            e.kind_label,
            tt.days[e.day] if e.day < len(tt.days) else str(e.day + 1),
            e.start,
            e.end,
            e.length,
            e.room.code,
            ref_name(e.campus),
            "; ".join(ref_name(f) for f in e.faculty),
            "; ".join(c.code for c in e.cohorts),
            ref_name(e.member),
            _("yes") if e.pinned else "",
            len(e.violations) or None,
        )
        for e in entries
    )
    widths = [11, 38, 10, 12, 8, 8, 8, 11, 22, 30, 24, 26, 8, 12]
    write_table(ws, headers, rows, widths, formats={4: "hh:mm", 5: "hh:mm"})


def _violations(ws, violations: list[dict]) -> None:
    headers = [_("Rule"), _("Hard"), _("Penalty"), _("What is wrong")]
    ordered = sorted(violations, key=lambda v: (not v.get("hard"), v.get("rule", "")))
    rows = (
        (rule_label(v.get("rule", "")), _("hard") if v.get("hard") else _("soft"), v.get("penalty"),
         v.get("message", ""))
        for v in ordered
    )
    write_table(ws, headers, rows, [24, 8, 10, 100])


def _grid(ws, tt: Timetable, grid: Grid, colours: dict[int, str]) -> None:
    days = len(tt.days)
    last_col = get_column_letter(2 + days)
    set_widths(ws, [7, 13] + [26] * days)
    ws.freeze_panes = "C3"
    landscape_one_page_wide(ws, title_rows="1:2")

    starts = {(b.first, b.day): b for b in grid.blocks}
    covered = {}
    lines = {}
    for b in grid.blocks:
        lines[b] = block_lines(b, grid.subject)
        for pos in range(b.first, b.last + 1):
            covered[(pos, b.day)] = b
    # Row heights are set before any row is written (write-only mode): tall enough for the text
    # of every block, shared out over the periods it spans.
    for pos in range(len(tt.slots)):
        need = max((-(-len(lines[b]) // b.rows) for b in {covered.get((pos, d)) for d in
                    range(days)} if b is not None), default=1)
        ws.row_dimensions[pos + 3].height = max(30, 13 * need + 4)

    ws.append([cell(ws, grid.label, font=TITLE)])
    ws.merged_cells.add(f"A1:{last_col}1")
    ws.append([cell(ws, label, font=BOLD, fill=HEADER_FILL, border=BORDER, alignment=CENTRE)
               for label in [_("Period"), _("Time"), *tt.days]])
    for pos, slot in enumerate(tt.slots):
        row = [
            cell(ws, slot.index + 1, font=BOLD, alignment=CENTRE, border=BORDER),
            cell(ws, f"{slot.start:%H:%M}–{slot.end:%H:%M}", alignment=CENTRE, border=BORDER),
        ]
        for day in range(days):
            block = covered.get((pos, day))
            if block is None:
                row.append(cell(ws, border=BORDER))
                continue
            colour = CLASH_FILL if block.clash else colours.get(block.entries[0].member.id,
                                                                  "FFFFFF")
            text = "\n".join(lines[block]) if starts.get((pos, day)) is block else None
            row.append(cell(ws, text, fill=fill(colour), alignment=WRAP_TOP, border=BORDER))
            if text is not None and block.rows > 1:
                col = get_column_letter(3 + day)
                ws.merged_cells.add(f"{col}{pos + 3}:{col}{block.last + 3}")
        ws.append(row)
