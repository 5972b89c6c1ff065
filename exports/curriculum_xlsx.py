"""The curriculum workbook: courses, outcomes with their competency mapping, assessment, weekly
topics, and each programme's competency matrix as a heat map (a colour scale over the levels)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from exports import xlsx as xl
from exports.documents import CurriculumDoc, MatrixDoc
from exports.xlsx import cell

GAP_FILL = "F4C7C3"
THIN_FILL = "FFF1D6"
# Levels 1–6 from pale to deep blue: the matrix reads as a heat map.
LEVEL_SCALE = ColorScaleRule(start_type="num", start_value=1, start_color="EAF2FB",
                             mid_type="num", mid_value=3.5, mid_color="8DB8E2",
                             end_type="num", end_value=6, end_color="1F5C99")


def curriculum_workbook(doc: CurriculumDoc) -> bytes:
    wb = xl.new_workbook()
    names = xl.SheetNames()
    for title, build in ((_("Courses"), _courses), (_("Outcomes"), _outcomes),
                         (_("Assessment"), _assessment), (_("Topics"), _topics)):
        xl.add_sheet(wb, names, title, build, doc)
    for matrix in doc.matrices:
        xl.add_sheet(wb, names, _("Matrix %(code)s") % {"code": matrix.programme_code}, _matrix,
                     matrix)
    return xl.to_bytes(wb)


def _courses(ws, doc: CurriculumDoc) -> None:
    headers = [_("Code"), _("Title"), _("Chinese title"), _("Credits"), _("Owner"),
               _("Co-teaching"), _("Faculty"), _("Disciplines"), _("Interdisciplinary"),
               _("Prerequisites"), _("Version"), _("Status"), _("Outcomes"), _("Assessment %")]
    rows = (
        (
            s.course.code, s.course.title, s.course.title_zh, float(s.course.credits),
            s.course.owner, "; ".join(s.course.co_institutions), "; ".join(s.course.faculty),
            "; ".join(f"{name} {share}%" for name, share in s.course.disciplines),
            _("yes") if len(s.course.disciplines) >= 2 else _("no"),
            ", ".join(s.course.prerequisites), s.version, s.status_label, len(s.outcomes),
            s.assessment_total,
        )
        for s in doc.syllabi
    )
    xl.write_table(ws, headers, rows, [11, 36, 24, 8, 24, 24, 30, 36, 10, 18, 8, 18, 9, 12])


def _outcomes(ws, doc: CurriculumDoc) -> None:
    headers = [_("Course"), _("#"), _("Outcome"), _("Chinese outcome"), _("Competency"),
               _("Competency name"), _("Level")]
    rows = []
    for s in doc.syllabi:
        for o in s.outcomes:
            if not o.mappings:
                rows.append((s.course.code, o.number, o.text, o.text_zh, None, None, None))
            for m in o.mappings:
                rows.append((s.course.code, o.number, o.text, o.text_zh, m.competency_code,
                             m.competency_name, m.level))
    xl.write_table(ws, headers, rows, [11, 5, 60, 40, 16, 36, 7])


def _assessment(ws, doc: CurriculumDoc) -> None:
    headers = [_("Course"), _("Component"), _("Chinese name"), _("Weight %"),
               _("Course total %")]
    rows = (
        (s.course.code, a.name, a.name_zh, a.weight, s.assessment_total)
        for s in doc.syllabi for a in s.assessment
    )
    xl.write_table(ws, headers, rows, [11, 36, 24, 10, 14])


def _topics(ws, doc: CurriculumDoc) -> None:
    headers = [_("Course"), _("Week"), _("Topic"), _("Chinese topic"), _("Description")]
    rows = (
        (s.course.code, t.week, t.title, t.title_zh, t.description)
        for s in doc.syllabi for t in s.topics
    )
    xl.write_table(ws, headers, rows, [11, 7, 40, 30, 60])


def _matrix(ws, matrix: MatrixDoc) -> None:
    """Row 1 title; row 2 competency codes; row 3 targets; then one row per course with the
    highest level it reaches in each competency; then the highest level reached and a verdict."""
    n = len(matrix.competencies)
    last_col = get_column_letter(3 + n) if n else "C"
    xl.set_widths(ws, [11, 36, 10] + [9] * n)
    ws.freeze_panes = "D4"
    xl.landscape_one_page_wide(ws, title_rows="1:3")
    title = f"{matrix.programme_code} · {matrix.programme_name}"
    ws.append([cell(ws, title, font=xl.TITLE)])
    ws.merged_cells.add(f"A1:{last_col}1")
    head = dict(font=xl.BOLD, fill=xl.HEADER_FILL, border=xl.BORDER, alignment=xl.CENTRE)
    ws.append([cell(ws, _("Course"), **head), cell(ws, _("Title"), **head),
               cell(ws, _("Kind"), **head)]
              + [cell(ws, c.code, **head) for c in matrix.competencies])
    ws.append([cell(ws, _("Target level"), font=xl.BOLD, border=xl.BORDER),
               cell(ws, border=xl.BORDER), cell(ws, border=xl.BORDER)]
              + [cell(ws, c.target, font=xl.BOLD, border=xl.BORDER, alignment=xl.CENTRE)
                 for c in matrix.competencies])
    for row in matrix.rows:
        ws.append([cell(ws, row.course_code, border=xl.BORDER),
                   cell(ws, row.course_title, border=xl.BORDER),
                   cell(ws, row.kind_label, border=xl.BORDER)]
                  + [cell(ws, level, border=xl.BORDER, alignment=xl.CENTRE)
                     for level in row.levels])
    first_row, last_row = 4, 3 + len(matrix.rows)
    if n and matrix.rows:
        ws.conditional_formatting.add(f"D{first_row}:{last_col}{last_row}", LEVEL_SCALE)
    coverage = matrix.coverage()
    verdicts = {"gap": (_("gap"), GAP_FILL), "thin": (_("thin"), THIN_FILL), "ok": ("", None)}
    ws.append([cell(ws, _("Highest level reached"), font=xl.BOLD, border=xl.BORDER),
               cell(ws, border=xl.BORDER), cell(ws, border=xl.BORDER)]
              + [cell(ws, reached, font=xl.BOLD, border=xl.BORDER, alignment=xl.CENTRE)
                 for _c, reached, _r, _v in coverage])
    ws.append([cell(ws, _("Coverage"), font=xl.BOLD, border=xl.BORDER), cell(ws, border=xl.BORDER),
               cell(ws, border=xl.BORDER)]
              + [cell(ws, verdicts[v][0], border=xl.BORDER, alignment=xl.CENTRE,
                      fill=xl.fill(verdicts[v][1]) if verdicts[v][1] else None)
                 for _c, _l, _r, v in coverage])
    ws.append([])
    ws.append([cell(ws, _("Competency"), font=xl.BOLD), None, None,
               cell(ws, _("Name"), font=xl.BOLD)])
    for comp in matrix.competencies:
        ws.append([comp.code, None, None, f"{comp.name} {comp.name_zh}".strip()])
