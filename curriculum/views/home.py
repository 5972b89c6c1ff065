"""The landing page: where each role starts its journey.

One view; each role has its own context builder here and its own partial,
``templates/curriculum/_home_<role>.html``, that other features extend with a line or a card.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from curriculum.access import faculty_of, member_of, role_of, visible_courses
from curriculum.models import Course, Notification, Profile, Programme, Syllabus
from scheduler.models import Run, Term

Role = Profile.Role
Status = Syllabus.Status

RECENT_RUNS = 5
STATUSES = Status.choices
# What a manager (coordinator, owner member's administrator) still has to act on, in this order.
WAITING_FOR_MANAGER = (Status.IN_REVIEW, Status.SUBMITTED, Status.APPROVED)


def _by_stage(syllabi) -> list[Syllabus]:
    return sorted(syllabi, key=lambda s: (WAITING_FOR_MANAGER.index(s.status), s.course.code))


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Each role's starting points; a user without a role is told whom to ask."""
    role = role_of(request.user)
    builder = BUILDERS.get(role)
    context = {
        "role": role,
        "home_partial": f"curriculum/_home_{role if builder else 'none'}.html",
        "unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
    }
    if builder:
        context.update(builder(request.user))
    return render(request, "curriculum/home.html", context)


def _current_syllabus():
    return Prefetch(
        "syllabi", queryset=Syllabus.objects.filter(is_current=True), to_attr="current"
    )


def _faculty_home(user) -> dict:
    """My courses with the status of their current syllabus, and the published timetables."""
    teacher = faculty_of(user)
    courses = []
    if teacher is not None:
        courses = list(
            Course.objects.filter(faculty=teacher)
            .select_related("owner")
            .prefetch_related(_current_syllabus())
            .order_by("code")
        )
    for course in courses:
        course.syllabus = course.current[0] if course.current else None
    return {
        "teacher": teacher,
        "courses": courses,
        "drafts": sum(1 for c in courses if c.syllabus and c.syllabus.status == Status.DRAFT),
        "published_terms": list(Term.objects.filter(published_run__isnull=False)),
    }


def _scheduler_home(user) -> dict:
    """My member's terms and latest runs, and its syllabi waiting for a manager's decision."""
    member = member_of(user)
    terms = list(
        Term.objects.filter(institution=member)
        .annotate(
            n_offerings=Count("offerings", distinct=True),
            n_sessions=Count("offerings__sessions", distinct=True),
        )
        .order_by("-start_date")
    )
    runs = list(
        Run.objects.filter(term__institution=member).select_related("term")[:RECENT_RUNS]
    )
    waiting = _by_stage(
        Syllabus.objects.filter(
            is_current=True, status__in=WAITING_FOR_MANAGER, course__owner=member
        ).select_related("course")
    )
    return {"member": member, "terms": terms, "runs": runs, "waiting": waiting}


def _reviewer_home(user) -> dict:
    """Syllabi shared with my firm that are in industry review and have no verdict from us yet."""
    firm = member_of(user)
    awaiting = list(
        Syllabus.objects.filter(
            is_current=True, status=Status.IN_REVIEW, course__in=visible_courses(user)
        )
        .exclude(endorsements__firm=firm)
        .select_related("course__owner")
        .order_by("course__code")
    )
    return {"firm": firm, "awaiting": awaiting, "shared": visible_courses(user).count()}


def _coordinator_home(user) -> dict:
    """Programme coverage, the syllabi in each status, what is in review, and the terms."""
    by_status = dict(
        Syllabus.objects.filter(is_current=True)
        .values_list("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {
        "programmes": list(
            Programme.objects.select_related("lead").annotate(n_courses=Count("entries"))
        ),
        "status_counts": [(value, label, by_status.get(value, 0)) for value, label in STATUSES],
        "in_review": _by_stage(
            Syllabus.objects.filter(
                is_current=True, status__in=WAITING_FOR_MANAGER
            ).select_related("course__owner")
        ),
        "terms": list(Term.objects.select_related("institution").order_by("-start_date")),
    }


BUILDERS = {
    Role.FACULTY: _faculty_home,
    Role.SCHEDULER: _scheduler_home,
    Role.REVIEWER: _reviewer_home,
    Role.COORDINATOR: _coordinator_home,
}
