"""The coordinator's review dashboard: per programme and per course, which firms endorsed the
current syllabus, the average industry relevance per competency area, and what is still waiting."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from curriculum.access import is_coordinator, is_scheduler, member_of, visible_courses
from curriculum.models import (
    CompetencyArea,
    Course,
    Endorsement,
    Institution,
    OutcomeRating,
    Programme,
    ProgrammeCourse,
    Syllabus,
)

Status = Syllabus.Status


def _dashboard_courses(user) -> list[Course]:
    """The coordinator sees every course; a scheduling administrator his member's courses."""
    if is_coordinator(user):
        return list(visible_courses(user).select_related("owner"))
    if is_scheduler(user):
        return list(visible_courses(user).filter(owner=member_of(user)).select_related("owner"))
    raise PermissionDenied


@dataclass
class Relevance:
    """Sums of relevance scores and their counts, per competency area id."""

    total: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    count: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: Relevance) -> None:
        for area, value in other.total.items():
            self.total[area] += value
            self.count[area] += other.count[area]

    def averages(self, areas: list[CompetencyArea]) -> list[float | None]:
        return [
            round(self.total[a.pk] / self.count[a.pk], 1) if self.count.get(a.pk) else None
            for a in areas
        ]


@dataclass
class CourseLine:
    course: Course
    syllabus: Syllabus | None
    firms: list = field(default_factory=list)  # (firm, decision label or "")
    relevance: Relevance = field(default_factory=Relevance)
    waiting: str = ""
    averages: list = field(default_factory=list)

    @property
    def endorsed_by(self) -> list:
        return [f for f, d in self.firms if d == Endorsement.Decision.ENDORSE]


def _waiting(syllabus: Syllabus | None, firms: list, owner: Institution) -> str:
    """Who must act next and what they must do, in plain words."""
    if syllabus is None:
        return _("No syllabus yet")
    status = syllabus.status
    managers = {"member": owner.display_name}  # who approves: access.is_course_manager
    if status == Status.DRAFT:
        return _("Waiting for the course team to submit the draft")
    if status == Status.SUBMITTED and firms:
        return _(
            "Waiting for the coordinator or %(member)s's scheduling administrator to start "
            "industry review"
        ) % managers
    if status == Status.IN_REVIEW:
        missing = [f.display_name for f, decision in firms if not decision]
        if missing:
            return _("Waiting for the verdict of %(firms)s") % {"firms": ", ".join(missing)}
    if status in (Status.SUBMITTED, Status.IN_REVIEW):
        return _(
            "Waiting for the coordinator or %(member)s's scheduling administrator to approve"
        ) % managers
    if status == Status.CHANGES_REQUESTED:
        return _("Waiting for the course team to revise")
    if status == Status.APPROVED:
        return _(
            "Waiting for the coordinator or %(member)s's scheduling administrator to publish"
        ) % managers
    return ""


def _course_lines(courses: list[Course], areas: list[CompetencyArea]) -> dict[int, CourseLine]:
    syllabi = {
        s.course_id: s
        for s in Syllabus.objects.filter(course__in=courses, is_current=True)
    }
    lines = {c.pk: CourseLine(c, syllabi.get(c.pk)) for c in courses}
    verdicts = {
        (e.syllabus_id, e.firm_id): e.decision
        for e in Endorsement.objects.filter(syllabus__in=syllabi.values())
    }
    for share in (
        Course.shared_with.through.objects.filter(course__in=courses)
        .select_related("firm")
        .order_by("firm__name")
    ):
        line = lines[share.course_id]
        decision = verdicts.get((line.syllabus.pk, share.firm_id)) if line.syllabus else None
        line.firms.append((share.firm, decision or ""))
    sums = (
        OutcomeRating.objects.filter(
            outcome__syllabus__in=syllabi.values(),
            outcome__mappings__competency__area__isnull=False,
        )
        .values("outcome__syllabus__course_id", "outcome__mappings__competency__area_id")
        .annotate(total=Sum("score"), n=Count("id"))
    )
    for row in sums:
        line = lines[row["outcome__syllabus__course_id"]]
        area = row["outcome__mappings__competency__area_id"]
        line.relevance.total[area] += row["total"]
        line.relevance.count[area] += row["n"]
    for line in lines.values():
        line.waiting = _waiting(line.syllabus, line.firms, line.course.owner)
        line.averages = line.relevance.averages(areas)
    return lines


def _firm_tally(lines: list[CourseLine]) -> list[tuple]:
    """(firm, courses it endorsed, courses shared with it) over a programme's courses."""
    tally: dict[int, list] = {}
    for line in lines:
        for firm, decision in line.firms:
            entry = tally.setdefault(firm.pk, [firm, 0, 0])
            entry[1] += decision == Endorsement.Decision.ENDORSE
            entry[2] += 1
    return [tuple(entry) for entry in tally.values()]


@login_required
@require_GET
def review_dashboard(request: HttpRequest) -> HttpResponse:
    """Programmes, each with its courses' review state; courses in no programme come last."""
    courses = _dashboard_courses(request.user)
    areas = list(CompetencyArea.objects.all())
    lines = _course_lines(courses, areas)
    entries = defaultdict(list)
    for entry in ProgrammeCourse.objects.filter(course__in=courses).order_by("course__code"):
        entries[entry.programme_id].append(lines[entry.course_id])
    groups = []
    for programme in Programme.objects.filter(pk__in=entries.keys()):
        relevance = Relevance()
        for line in entries[programme.pk]:
            relevance.add(line.relevance)
        groups.append(
            {
                "programme": programme,
                "lines": entries[programme.pk],
                "averages": relevance.averages(areas),
                "waiting": sum(1 for line in entries[programme.pk] if line.waiting),
                "firms": _firm_tally(entries[programme.pk]),
            }
        )
    in_programmes = {line.course.pk for group in groups for line in group["lines"]}
    loose = [line for pk, line in lines.items() if pk not in in_programmes]
    if loose:
        groups.append({"programme": None, "lines": loose, "averages": None,
                       "waiting": sum(1 for line in loose if line.waiting)})
    template = "curriculum/review_dashboard.html" + ("#groups" if request.htmx else "")
    return render(request, template, {"groups": groups, "areas": areas})
