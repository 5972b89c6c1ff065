"""Plain data for the curriculum documents (syllabus PDF, programme plan, curriculum workbook).

The ORM side (``curriculum/exporting.py``) fills these; the export functions only read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class MappingDoc:
    """An outcome's contribution to a competency, at a level (Bloom 1–6)."""

    competency_code: str
    competency_name: str
    competency_name_zh: str
    level: int


@dataclass(frozen=True)
class OutcomeDoc:
    number: int
    text: str
    text_zh: str
    mappings: tuple[MappingDoc, ...] = ()


@dataclass(frozen=True)
class TopicDoc:
    week: int
    title: str
    title_zh: str
    description: str = ""


@dataclass(frozen=True)
class AssessmentDoc:
    name: str
    name_zh: str
    weight: int


@dataclass(frozen=True)
class ReadingDoc:
    citation: str
    required: bool


@dataclass(frozen=True)
class SessionNeedDoc:
    kind_label: str
    length: int
    count: int
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class CourseDoc:
    code: str
    title: str
    title_zh: str
    credits: Decimal
    owner: str
    co_institutions: tuple[str, ...] = ()
    faculty: tuple[str, ...] = ()
    disciplines: tuple[tuple[str, int], ...] = ()  # (name, share %)
    prerequisites: tuple[str, ...] = ()  # course codes


@dataclass(frozen=True)
class SyllabusDoc:
    course: CourseDoc
    version: int
    status: str  # a Syllabus.Status value
    status_label: str
    summary: str = ""
    summary_zh: str = ""
    outcomes: tuple[OutcomeDoc, ...] = ()
    topics: tuple[TopicDoc, ...] = ()
    assessment: tuple[AssessmentDoc, ...] = ()
    readings: tuple[ReadingDoc, ...] = ()
    session_needs: tuple[SessionNeedDoc, ...] = ()
    updated_at: dt.datetime | None = None

    @property
    def approved(self) -> bool:
        """Approved or published: the DRAFT watermark comes off."""
        return self.status in {"approved", "published"}

    @property
    def assessment_total(self) -> int:
        return sum(a.weight for a in self.assessment)


@dataclass(frozen=True)
class CompetencyDoc:
    code: str
    name: str
    name_zh: str
    area: str  # e.g. "1. Environment perception and sensor fusion"
    target: int | None = None  # the programme's target level, if any


@dataclass(frozen=True)
class MatrixRowDoc:
    course_code: str
    course_title: str
    course_title_zh: str
    kind_label: str  # required / elective
    levels: tuple[int | None, ...]  # one per competency column, the highest level reached


@dataclass(frozen=True)
class MatrixDoc:
    """A programme's courses × competencies, with the target of each competency."""

    programme_code: str
    programme_name: str
    programme_name_zh: str
    competencies: tuple[CompetencyDoc, ...]
    rows: tuple[MatrixRowDoc, ...]

    def reached(self, column: int) -> int | None:
        levels = [r.levels[column] for r in self.rows if r.levels[column] is not None]
        return max(levels) if levels else None

    def reaching(self, column: int) -> list[str]:
        """Codes of the courses that reach the column's target (or map to it at all)."""
        target = self.competencies[column].target or 1
        return [r.course_code for r in self.rows
                if r.levels[column] is not None and r.levels[column] >= target]

    def coverage(self) -> list[tuple[CompetencyDoc, int | None, list[str], str]]:
        """Per competency: target, highest level reached, courses reaching it, and a verdict:
        ``gap`` (a target no course reaches), ``thin`` (one course only) or ``ok``."""
        result = []
        for i, comp in enumerate(self.competencies):
            reaching = self.reaching(i)
            if comp.target is not None and not reaching:
                verdict = "gap"
            elif comp.target is not None and len(reaching) == 1:
                verdict = "thin"
            else:
                verdict = "ok"
            result.append((comp, self.reached(i), reaching, verdict))
        return result


@dataclass(frozen=True)
class ProgrammeCourseDoc:
    course: CourseDoc
    required: bool
    kind_label: str
    syllabus_version: int | None = None
    syllabus_status_label: str = ""


@dataclass(frozen=True)
class ProgrammeDoc:
    code: str
    name: str
    name_zh: str
    lead: str
    description: str
    courses: tuple[ProgrammeCourseDoc, ...]
    matrix: MatrixDoc

    @property
    def required_credits(self) -> Decimal:
        return sum((c.course.credits for c in self.courses if c.required), Decimal(0))

    @property
    def elective_credits(self) -> Decimal:
        return sum((c.course.credits for c in self.courses if not c.required), Decimal(0))


@dataclass(frozen=True)
class CurriculumDoc:
    """What the curriculum workbook holds: syllabi of the courses and programme matrices."""

    syllabi: tuple[SyllabusDoc, ...]
    matrices: tuple[MatrixDoc, ...] = ()
    title: str = ""
