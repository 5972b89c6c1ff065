"""A programme's competency matrix as plain data: courses × competencies, targets, gaps, thin spots.

Pages, the Excel export and the PDF export all read the same `Matrix`. It is built in a fixed
number of queries (four), whatever the number of courses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max, OuterRef, Q, QuerySet, Subquery

from curriculum.models import (
    Competency,
    CompetencyArea,
    Course,
    Institution,
    OutcomeCompetency,
    Programme,
    ProgrammeCourse,
    ProgrammeTarget,
    Syllabus,
)


@dataclass(frozen=True)
class Column:
    """One competency and the level the programme wants (None when it sets no target)."""

    competency: Competency
    target: int | None


@dataclass(frozen=True)
class AreaColumns:
    """The columns of one competency area, for a grouped header."""

    area: CompetencyArea
    columns: list[Column]


@dataclass(frozen=True)
class Row:
    """A course of the programme and the highest level its current syllabus reaches per column."""

    course: Course
    kind: str  # ProgrammeCourse.Kind: "required" or "elective"
    status: str | None  # the current syllabus' status (Syllabus.Status), None without one
    cells: list[int | None]  # aligned with Matrix.columns

    @property
    def is_required(self) -> bool:
        return self.kind == ProgrammeCourse.Kind.REQUIRED


@dataclass(frozen=True)
class Shortfall:
    """A target that no course reaches (a gap), or that exactly one course reaches (a thin spot).

    `best` is the highest level any shown course reaches in the competency (None: not taught).
    """

    competency: Competency
    target: int
    best: int | None
    courses: list[Course] = field(default_factory=list)


@dataclass(frozen=True)
class Matrix:
    programme: Programme
    member: Institution | None
    columns: list[Column]
    areas: list[AreaColumns]
    rows: list[Row]
    gaps: list[Shortfall]
    thin_spots: list[Shortfall]

    @property
    def grid(self) -> list[tuple[Row, list[tuple[int | None, Column]]]]:
        """Each row with its cells paired with their columns (for templates)."""
        return [(row, list(zip(row.cells, self.columns, strict=True))) for row in self.rows]


def programme_entries(
    programme: Programme,
    *,
    member: Institution | None = None,
    courses: QuerySet[Course] | None = None,
) -> QuerySet[ProgrammeCourse]:
    """The programme's courses (with owner and current status), optionally only those a member
    owns or co-teaches, and only those in `courses` (e.g. ``access.visible_courses(user)``)."""
    entries = programme.entries.select_related("course__owner").annotate(
        current_status=Subquery(
            Syllabus.objects.filter(course=OuterRef("course"), is_current=True).values("status")[
                :1
            ]
        )
    )
    if member is not None:
        entries = entries.filter(
            Q(course__owner=member) | Q(course__in=Course.objects.filter(co_institutions=member))
        )
    if courses is not None:
        entries = entries.filter(course__in=courses.values("pk"))
    return entries.order_by("-kind", "course__code")  # required before elective


def competency_matrix(
    programme: Programme,
    member: Institution | None = None,
    courses: QuerySet[Course] | None = None,
) -> Matrix:
    """The programme's competency matrix.

    - member: only courses this member owns or co-teaches (None: all the programme's courses).
    - courses: only these courses count (pass ``visible_courses(user)`` for a partner reviewer so
      that no unshared course appears, not even in the gaps and thin spots).

    Columns are the competencies the programme targets or any shown course reaches, grouped by
    area in framework order; cells hold the highest level the course's current syllabus reaches.
    """
    shown = programme_entries(programme, member=member, courses=courses)
    entries = list(shown)
    course_ids = shown.values("course")
    targets = dict(
        ProgrammeTarget.objects.filter(programme=programme).values_list("competency_id", "level")
    )
    levels: dict[int, dict[int, int]] = {}
    highest = (
        OutcomeCompetency.objects.filter(
            outcome__syllabus__is_current=True, outcome__syllabus__course__in=course_ids
        )
        .values("outcome__syllabus__course_id", "competency_id")
        .annotate(level=Max("level"))
        .order_by()
    )
    for cell in highest:
        course_levels = levels.setdefault(cell["outcome__syllabus__course_id"], {})
        course_levels[cell["competency_id"]] = cell["level"]

    reached = {cid for per_course in levels.values() for cid in per_course}
    competencies = [
        c for c in Competency.objects.select_related("area") if c.pk in targets or c.pk in reached
    ]
    columns = [Column(c, targets.get(c.pk)) for c in competencies]
    areas: list[AreaColumns] = []
    for column in columns:
        if not areas or areas[-1].area.pk != column.competency.area_id:
            areas.append(AreaColumns(column.competency.area, []))
        areas[-1].columns.append(column)

    rows = [
        Row(
            course=e.course,
            kind=e.kind,
            status=e.current_status,
            cells=[levels.get(e.course_id, {}).get(c.competency.pk) for c in columns],
        )
        for e in entries
    ]
    gaps, thin = [], []
    for index, column in enumerate(columns):
        if column.target is None:
            continue
        reached_by = [r.course for r in rows if (r.cells[index] or 0) >= column.target]
        best = max((r.cells[index] for r in rows if r.cells[index]), default=None)
        if not reached_by:
            gaps.append(Shortfall(column.competency, column.target, best))
        elif len(reached_by) == 1:
            thin.append(Shortfall(column.competency, column.target, best, reached_by))
    return Matrix(programme, member, columns, areas, rows, gaps, thin)
