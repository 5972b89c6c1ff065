"""The ORM side of the curriculum exports: syllabi, programmes and matrices as plain documents.

The export functions in ``exports/`` only read these dataclasses. Every loader uses a fixed number
of queries whatever the number of courses. ``visible`` (a Course queryset, e.g.
``access.visible_courses(user)``) keeps courses a user may not see out of prerequisite lists.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from curriculum.matrix import Matrix, competency_matrix, programme_entries
from curriculum.models import (
    Course,
    Institution,
    OutcomeCompetency,
    Programme,
    ProgrammeCourse,
    Syllabus,
)
from exports.documents import (
    AssessmentDoc,
    CompetencyDoc,
    CourseDoc,
    CurriculumDoc,
    MappingDoc,
    MatrixDoc,
    MatrixRowDoc,
    OutcomeDoc,
    ProgrammeCourseDoc,
    ProgrammeDoc,
    ReadingDoc,
    SessionNeedDoc,
    SyllabusDoc,
    TopicDoc,
)


def course_prefetch(prefix: str = "") -> list:
    """What ``course_doc`` reads, for a queryset of courses (or of syllabi: prefix "course__")."""
    return [
        f"{prefix}co_institutions",
        f"{prefix}faculty",
        f"{prefix}discipline_shares__discipline",
        Prefetch(f"{prefix}prerequisites", queryset=Course.objects.order_by("code")),
    ]


def _syllabi(queryset: QuerySet[Syllabus]) -> QuerySet[Syllabus]:
    return queryset.select_related("course__owner").prefetch_related(
        *course_prefetch("course__"),
        Prefetch("outcomes__mappings",
                 queryset=OutcomeCompetency.objects.select_related("competency")
                 .order_by("competency__code")),
        "topics",
        "assessment",
        "readings",
        "session_needs__features",
    )


def course_doc(course: Course, *, visible_ids: set[int] | None = None) -> CourseDoc:
    """A course with its prefetched relations (see ``course_prefetch``)."""
    return CourseDoc(
        code=course.code,
        title=course.title,
        title_zh=course.title_zh,
        credits=course.credits,
        owner=course.owner.display_name,
        co_institutions=tuple(i.display_name for i in course.co_institutions.all()),
        faculty=tuple(f.display_name for f in course.faculty.all()),
        disciplines=tuple((str(s.discipline), s.share) for s in course.discipline_shares.all()),
        prerequisites=tuple(
            p.code for p in course.prerequisites.all()
            if visible_ids is None or p.pk in visible_ids
        ),
    )


def syllabus_doc(syllabus: Syllabus, *, visible_ids: set[int] | None = None) -> SyllabusDoc:
    """A syllabus loaded through ``load_syllabi`` (or with the same prefetches)."""
    return SyllabusDoc(
        course=course_doc(syllabus.course, visible_ids=visible_ids),
        version=syllabus.version,
        status=syllabus.status,
        status_label=str(syllabus.get_status_display()),
        summary=syllabus.summary,
        summary_zh=syllabus.summary_zh,
        outcomes=tuple(
            OutcomeDoc(
                number=n,
                text=o.text,
                text_zh=o.text_zh,
                mappings=tuple(
                    MappingDoc(m.competency.code, m.competency.name, m.competency.name_zh,
                               m.level)
                    for m in o.mappings.all()
                ),
            )
            for n, o in enumerate(syllabus.outcomes.all(), 1)
        ),
        topics=tuple(TopicDoc(t.week, t.title, t.title_zh, t.description)
                     for t in syllabus.topics.all()),
        assessment=tuple(AssessmentDoc(a.name, a.name_zh, a.weight)
                         for a in syllabus.assessment.all()),
        readings=tuple(ReadingDoc(r.citation, r.required) for r in syllabus.readings.all()),
        session_needs=tuple(
            SessionNeedDoc(str(s.get_kind_display()), s.length, s.count,
                           tuple(str(f) for f in s.features.all()))
            for s in syllabus.session_needs.all()
        ),
        updated_at=timezone.localtime(syllabus.updated_at) if syllabus.updated_at else None,
    )


def load_syllabus_doc(syllabus: Syllabus, *, visible: QuerySet[Course] | None = None
                      ) -> SyllabusDoc:
    loaded = _syllabi(Syllabus.objects.filter(pk=syllabus.pk)).get()
    return syllabus_doc(loaded, visible_ids=_ids(visible))


def matrix_doc(matrix: Matrix) -> MatrixDoc:
    kinds = dict(ProgrammeCourse.Kind.choices)
    programme = matrix.programme
    return MatrixDoc(
        programme_code=programme.code,
        programme_name=programme.name,
        programme_name_zh=programme.name_zh,
        competencies=tuple(
            CompetencyDoc(c.competency.code, c.competency.name, c.competency.name_zh,
                          str(c.competency.area), c.target)
            for c in matrix.columns
        ),
        rows=tuple(
            MatrixRowDoc(r.course.code, r.course.title, r.course.title_zh, str(kinds[r.kind]),
                         tuple(r.cells))
            for r in matrix.rows
        ),
    )


def programme_doc(
    programme: Programme,
    *,
    member: Institution | None = None,
    visible: QuerySet[Course] | None = None,
) -> ProgrammeDoc:
    """The programme plan: its courses (only ``visible`` ones when given), credits,
    prerequisites and competency coverage, as on the matrix page."""
    matrix = competency_matrix(programme, member=member, courses=visible)
    entries = list(programme_entries(programme, member=member, courses=visible))
    courses = {
        c.pk: c
        for c in Course.objects.filter(pk__in=[e.course_id for e in entries])
        .select_related("owner").prefetch_related(*course_prefetch())
    }
    current = {
        s.course_id: s
        for s in Syllabus.objects.filter(course__in=courses, is_current=True)
    }
    visible_ids = _ids(visible)
    kinds = dict(ProgrammeCourse.Kind.choices)
    return ProgrammeDoc(
        code=programme.code,
        name=programme.name,
        name_zh=programme.name_zh,
        lead=programme.lead.display_name if programme.lead else "",
        description=programme.description,
        courses=tuple(
            ProgrammeCourseDoc(
                course=course_doc(courses[e.course_id], visible_ids=visible_ids),
                required=e.kind == ProgrammeCourse.Kind.REQUIRED,
                kind_label=str(kinds[e.kind]),
                syllabus_version=current[e.course_id].version if e.course_id in current
                else None,
                syllabus_status_label=str(current[e.course_id].get_status_display())
                if e.course_id in current else "",
            )
            for e in entries
        ),
        matrix=matrix_doc(matrix),
    )


def curriculum_doc(
    *,
    courses: QuerySet[Course],
    programmes: QuerySet[Programme] | list[Programme] = (),
    visible: QuerySet[Course] | None = None,
    member: Institution | None = None,
    title: str = "",
) -> CurriculumDoc:
    """The current syllabi of ``courses`` and the matrices of ``programmes`` (over ``visible``
    courses only, and those ``member`` owns or co-teaches, when given)."""
    syllabi = _syllabi(
        Syllabus.objects.filter(course__in=courses.values("pk"), is_current=True)
    ).order_by("course__code")
    visible_ids = _ids(visible)
    return CurriculumDoc(
        syllabi=tuple(syllabus_doc(s, visible_ids=visible_ids) for s in syllabi),
        matrices=tuple(matrix_doc(competency_matrix(p, member=member, courses=visible))
                       for p in programmes),
        title=title,
    )


def _ids(visible: QuerySet[Course] | None) -> set[int] | None:
    return None if visible is None else set(visible.values_list("pk", flat=True))
