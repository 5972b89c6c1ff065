"""Who may see and change timetabling things. Views call these helpers in their first line.

- The coordinator sees and changes everything.
- A scheduling administrator sees every member's setup and every run (read-only), and changes his
  own member's rooms, faculty availability and cohorts, and the terms his member organises (their
  periods, offerings, runs, pins, moves and publication).
- Faculty see the published timetable of each term and their own availability (read-only).
- Partner reviewers and users without a role see nothing here (404): a timetable names courses
  that are not shared with their firm.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from curriculum.access import User, faculty_of, member_of, role_of
from curriculum.models import Faculty, Profile
from scheduler.models import Cohort, Offering, Room, Run, Session, Term

Role = Profile.Role
STAFF = (Role.COORDINATOR, Role.SCHEDULER)


def is_staff(user: User) -> bool:
    """Coordinator or scheduling administrator: may see every timetabling page."""
    return role_of(user) in STAFF


def require_staff(user: User) -> None:
    if not is_staff(user):
        raise Http404


def may_see_timetables(user: User) -> bool:
    return role_of(user) in (*STAFF, Role.FACULTY)


def can_edit_member(user: User, institution_id: int) -> bool:
    """The coordinator, or a scheduling administrator of that member."""
    role = role_of(user)
    if role == Role.COORDINATOR:
        return True
    if role != Role.SCHEDULER:
        return False
    member = member_of(user)
    return member is not None and member.pk == institution_id


def can_create(user: User) -> bool:
    return role_of(user) in STAFF


def _check(user: User, institution_id: int, edit: bool) -> None:
    if edit and not can_edit_member(user, institution_id):
        raise PermissionDenied


def get_room_for_user(user: User, pk: int, *, edit: bool = False) -> Room:
    require_staff(user)
    room = get_object_or_404(Room.objects.select_related("campus__institution"), pk=pk)
    _check(user, room.campus.institution_id, edit)
    return room


def get_cohort_for_user(user: User, pk: int, *, edit: bool = False) -> Cohort:
    require_staff(user)
    cohort = get_object_or_404(Cohort.objects.select_related("institution"), pk=pk)
    _check(user, cohort.institution_id, edit)
    return cohort


def get_faculty_for_user(user: User, pk: int, *, edit: bool = False) -> Faculty:
    """Staff see every faculty member; a faculty member sees himself (read-only)."""
    person = get_object_or_404(Faculty.objects.select_related("institution"), pk=pk)
    own = faculty_of(user)
    if not is_staff(user) and not (own is not None and own.pk == person.pk):
        raise Http404
    _check(user, person.institution_id, edit)
    return person


def visible_terms(user: User):
    """Staff see every term; faculty the terms with a published timetable."""
    if is_staff(user):
        return Term.objects.all()
    if role_of(user) == Role.FACULTY:
        return Term.objects.filter(published_run__isnull=False)
    return Term.objects.none()


def get_term_for_user(user: User, slug: str, *, edit: bool = False) -> Term:
    """A term; with edit=True, 403 unless the user organises it (or coordinates)."""
    term = get_object_or_404(visible_terms(user).select_related("institution"), slug=slug)
    _check(user, term.institution_id, edit)
    return term


def get_offering_for_user(user: User, pk: int, *, edit: bool = False) -> Offering:
    require_staff(user)
    offering = get_object_or_404(Offering.objects.select_related("term", "course__owner"), pk=pk)
    _check(user, offering.term.institution_id, edit)
    return offering


def can_see_run(user: User, run: Run) -> bool:
    if is_staff(user):
        return True
    return role_of(user) == Role.FACULTY and run.term.published_run_id == run.pk


def get_run_for_user(user: User, pk: int, *, edit: bool = False) -> Run:
    """A run: staff see all, faculty only a published one; edit=True needs the organiser."""
    run = get_object_or_404(Run.objects.select_related("term__institution"), pk=pk)
    if not can_see_run(user, run):
        raise Http404
    _check(user, run.term.institution_id, edit)
    return run


def can_edit_run(user: User, run: Run) -> bool:
    return can_edit_member(user, run.term.institution_id)


def get_session_for_run(run: Run, pk: int) -> Session:
    """A session of the run's term (404 otherwise)."""
    return get_object_or_404(
        Session.objects.select_related("offering__course", "pin_room"),
        pk=pk,
        offering__term_id=run.term_id,
    )
