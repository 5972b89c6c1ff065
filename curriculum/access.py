"""Who may see and change what. Views call these helpers in their first line.

A user who may not see a thing gets 404 (its existence is not disclosed); one who may see it but
not change it gets 403.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from curriculum.models import (
    Comment,
    Course,
    Faculty,
    Institution,
    Profile,
    Programme,
    ProgrammeCourse,
    Syllabus,
)

User = AbstractBaseUser | AnonymousUser
Role = Profile.Role


def profile_of(user: User) -> Profile | None:
    if not user.is_authenticated:
        return None
    try:
        return user.profile
    except Profile.DoesNotExist:
        return None


def role_of(user: User) -> str | None:
    profile = profile_of(user)
    if profile is None:
        return Role.COORDINATOR if getattr(user, "is_superuser", False) else None
    return profile.role


def member_of(user: User) -> Institution | None:
    profile = profile_of(user)
    return profile.institution if profile else None


def is_coordinator(user: User) -> bool:
    return role_of(user) == Role.COORDINATOR


def is_reviewer(user: User) -> bool:
    return role_of(user) == Role.REVIEWER


def is_scheduler(user: User) -> bool:
    return role_of(user) == Role.SCHEDULER


def faculty_of(user: User) -> Faculty | None:
    if not user.is_authenticated:
        return None
    try:
        return user.faculty
    except Faculty.DoesNotExist:
        return None


def require_role(user: User, *roles: str) -> None:
    """403 unless the user has one of the roles (the coordinator always passes)."""
    role = role_of(user)
    if role is None or (role not in roles and role != Role.COORDINATOR):
        raise PermissionDenied


def visible_courses(user: User) -> QuerySet[Course]:
    """Courses the user may see: everything for consortium staff, shared ones for reviewers."""
    role = role_of(user)
    if role is None:
        return Course.objects.none()
    if role == Role.REVIEWER:
        firm = member_of(user)
        if firm is None:
            return Course.objects.none()
        return Course.objects.filter(shares__firm=firm)
    return Course.objects.all()


def can_edit_course(user: User, course: Course) -> bool:
    """The course team (its faculty) and the coordinator change a course and its syllabus."""
    if is_coordinator(user):
        return True
    faculty = faculty_of(user)
    if faculty is None or role_of(user) != Role.FACULTY:
        return False
    return course.faculty.filter(pk=faculty.pk).exists()


def get_course_for_user(user: User, code: str, *, edit: bool = False) -> Course:
    """The course if the user may see it (404 otherwise); with edit=True, 403 unless he may edit."""
    course = get_object_or_404(visible_courses(user), code=code)
    if edit and not can_edit_course(user, course):
        raise PermissionDenied
    return course


def get_syllabus_for_user(user: User, code: str, version: int, *, edit: bool = False) -> Syllabus:
    course = get_course_for_user(user, code, edit=edit)
    try:
        return course.syllabi.get(version=version)
    except Syllabus.DoesNotExist:
        raise Http404 from None


# --- Review roles (partner firm review; see curriculum/workflow.py) -------------------------------


def is_course_manager(user: User, course: Course) -> bool:
    """Approves and publishes: the coordinator or the owner member's scheduling administrator."""
    if is_coordinator(user):
        return True
    return is_scheduler(user) and member_of(user) == course.owner


def reviewer_firm_for(user: User, course: Course) -> Institution | None:
    """The firm a partner reviewer reviews this course for, if the course is shared with it."""
    if not is_reviewer(user):
        return None
    firm = member_of(user)
    if firm is None or not course.shares.filter(firm=firm).exists():
        return None
    return firm


def visible_comments(user: User, syllabus: Syllabus) -> QuerySet[Comment]:
    """Comments the user may read on a syllabus he can see.

    The course team (its faculty and the coordinator) reads every thread. The owner member's
    scheduling administrator reads every thread that is not confidential. A partner reviewer reads
    only his own firm's threads: firm B never sees firm A's comments, confidential or not. Replies
    carry the firm and the confidential flag of their thread.
    """
    comments = syllabus.comments.all()
    course = syllabus.course
    if can_edit_course(user, course):
        return comments
    allowed = Q(pk__in=[])
    if is_course_manager(user, course):
        allowed |= Q(confidential=False)
    firm = reviewer_firm_for(user, course)
    if firm is not None:
        allowed |= Q(firm=firm)
    return comments.filter(allowed)


# --- Programmes (competency matrix) ---------------------------------------------------------------


def visible_programmes(user: User) -> QuerySet[Programme]:
    """Every programme for consortium staff; for a partner reviewer only the programmes that hold
    at least one course shared with his firm (and inside them he sees only those courses)."""
    if role_of(user) is None:
        return Programme.objects.none()
    if is_reviewer(user):
        shared = ProgrammeCourse.objects.filter(course__in=visible_courses(user).values("pk"))
        return Programme.objects.filter(pk__in=shared.values("programme"))
    return Programme.objects.all()


def get_programme_for_user(user: User, code: str) -> Programme:
    """The programme if the user may see it; 404 otherwise."""
    return get_object_or_404(visible_programmes(user), code=code)
