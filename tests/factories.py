"""Small builders for test data. Each returns a saved object; keyword arguments override defaults.

They are plain functions (no factory library): a counter keeps codes unique.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from django.contrib.auth.models import User

from curriculum import models as cm
from scheduler import models as sm

_seq = itertools.count(1)

PASSWORD = "pass-for-tests-1"


def n() -> int:
    return next(_seq)


def institution(**kw) -> cm.Institution:
    i = n()
    kw.setdefault("code", f"inst{i}")
    kw.setdefault("name", f"Institution {i}")
    kw.setdefault("name_zh", f"机构{i}")
    kw.setdefault("kind", cm.Institution.Kind.UNIVERSITY)
    return cm.Institution.objects.create(**kw)


def firm(**kw) -> cm.Institution:
    kw.setdefault("kind", cm.Institution.Kind.ENTERPRISE)
    return institution(**kw)


def campus(institution_obj: cm.Institution | None = None, **kw) -> cm.Campus:
    i = n()
    kw.setdefault("code", f"campus{i}")
    kw.setdefault("name", f"Campus {i}")
    return cm.Campus.objects.create(institution=institution_obj or institution(), **kw)


def discipline(**kw) -> cm.Discipline:
    i = n()
    kw.setdefault("code", f"disc{i}")
    kw.setdefault("name", f"Discipline {i}")
    return cm.Discipline.objects.create(**kw)


def competency_area(**kw) -> cm.CompetencyArea:
    i = n()
    kw.setdefault("number", i)
    kw.setdefault("name", f"Area {i}")
    return cm.CompetencyArea.objects.create(**kw)


def competency(area: cm.CompetencyArea | None = None, **kw) -> cm.Competency:
    i = n()
    kw.setdefault("code", f"comp{i}")
    kw.setdefault("name", f"Competency {i}")
    return cm.Competency.objects.create(area=area or competency_area(), **kw)


def feature(**kw) -> cm.Feature:
    i = n()
    kw.setdefault("code", f"feat{i}")
    kw.setdefault("name", f"Feature {i}")
    return cm.Feature.objects.create(**kw)


def user(
    username: str | None = None,
    *,
    role: str | None = None,
    member: cm.Institution | None = None,
    **kw,
) -> User:
    username = username or f"user{n()}"
    u = User.objects.create_user(username=username, password=PASSWORD, **kw)
    if role:
        cm.Profile.objects.create(user=u, role=role, institution=member)
    return u


def faculty(
    member: cm.Institution | None = None, *, user_obj: User | None = None, **kw
) -> cm.Faculty:
    i = n()
    kw.setdefault("name", f"Teacher {i}")
    kw.setdefault("title", "Dr")
    return cm.Faculty.objects.create(institution=member or institution(), user=user_obj, **kw)


def course(
    owner: cm.Institution | None = None, *, faculty_members=(), disciplines=(), **kw
) -> cm.Course:
    """A course with a current draft syllabus; disciplines as (discipline, share) pairs."""
    i = n()
    kw.setdefault("code", f"ICV{i:03d}")
    kw.setdefault("title", f"Course {i}")
    kw.setdefault("title_zh", f"课程{i}")
    kw.setdefault("credits", Decimal("3.0"))
    c = cm.Course.objects.create(owner=owner or institution(), **kw)
    c.faculty.set(faculty_members)
    for d, share in disciplines:
        cm.CourseDiscipline.objects.create(course=c, discipline=d, share=share)
    cm.Syllabus.objects.create(course=c, version=1, is_current=True)
    return c


def outcome(syllabus: cm.Syllabus, *, mappings=(), **kw) -> cm.LearningOutcome:
    """An outcome; mappings as (competency, level) pairs."""
    kw.setdefault("text", f"Outcome {n()}")
    o = cm.LearningOutcome.objects.create(syllabus=syllabus, **kw)
    for comp, level in mappings:
        cm.OutcomeCompetency.objects.create(outcome=o, competency=comp, level=level)
    return o


def programme(*, courses=(), targets=(), **kw) -> cm.Programme:
    """A programme; courses as Course objects (required), targets as (competency, level)."""
    i = n()
    kw.setdefault("code", f"prog{i}")
    kw.setdefault("name", f"Programme {i}")
    p = cm.Programme.objects.create(**kw)
    for c in courses:
        cm.ProgrammeCourse.objects.create(programme=p, course=c)
    for comp, level in targets:
        cm.ProgrammeTarget.objects.create(programme=p, competency=comp, level=level)
    return p


def term(member: cm.Institution | None = None, *, periods: int = 4, **kw) -> sm.Term:
    """A term with `periods` periods a day of 50 minutes from 08:00, ten minutes apart."""
    i = n()
    kw.setdefault("slug", f"term{i}")
    kw.setdefault("name", f"Term {i}")
    kw.setdefault("start_date", dt.date(2027, 3, 1))
    kw.setdefault("weeks", 16)
    t = sm.Term.objects.create(institution=member or institution(), **kw)
    for p in range(periods):
        start = dt.datetime(2000, 1, 1, 8, 0) + dt.timedelta(minutes=60 * p)
        sm.TermPeriod.objects.create(
            term=t, index=p, start=start.time(), end=(start + dt.timedelta(minutes=50)).time()
        )
    return t


def room(campus_obj: cm.Campus | None = None, **kw) -> sm.Room:
    i = n()
    kw.setdefault("code", f"R{i}")
    kw.setdefault("name", f"Room {i}")
    kw.setdefault("capacity", 60)
    return sm.Room.objects.create(campus=campus_obj or campus(), **kw)


def cohort(member: cm.Institution | None = None, **kw) -> sm.Cohort:
    i = n()
    kw.setdefault("code", f"cohort{i}")
    kw.setdefault("name", f"Cohort {i}")
    kw.setdefault("size", 30)
    return sm.Cohort.objects.create(institution=member or institution(), **kw)


def offering(
    term_obj: sm.Term,
    course_obj: cm.Course,
    *,
    cohorts=(),
    faculty_members=(),
    sessions=((("lecture", 2)),),
    **kw,
) -> sm.Offering:
    """An offering with sessions given as (kind, length) pairs."""
    o = sm.Offering.objects.create(term=term_obj, course=course_obj, **kw)
    o.cohorts.set(cohorts)
    o.faculty.set(faculty_members)
    for kind, length in sessions:
        sm.Session.objects.create(offering=o, kind=kind, length=length)
    return o
