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


# --- Posting forms as a browser would ------------------------------------------------------------


def form_data(html: str | bytes, form_id: str) -> dict[str, list[str]]:
    """The values a browser would submit from the form with this id (buttons left out).

    Returns name -> list of values; pass it to the test client as a dict (lists post several).
    """
    from html.parser import HTMLParser

    if isinstance(html, bytes):
        html = html.decode()

    class Parser(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.inside = False
            self.data: dict[str, list[str]] = {}
            self.select: tuple[str, bool] | None = None
            self.textarea: str | None = None
            self.text = ""

        def add(self, name, value):
            self.data.setdefault(name, []).append(value)

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "form":
                self.inside = a.get("id") == form_id
            if not self.inside or "name" not in a and tag != "option":
                return
            if tag == "input" and a.get("type") not in {"submit", "button", "image", "reset"}:
                if a.get("type") in {"checkbox", "radio"}:
                    if "checked" in a:
                        self.add(a["name"], a.get("value", "on"))
                else:
                    self.add(a["name"], a.get("value") or "")
            elif tag == "select":
                self.select = (a["name"], False)
            elif tag == "option" and self.select and "selected" in a:
                self.add(self.select[0], a.get("value", ""))
            elif tag == "textarea":
                self.textarea, self.text = a["name"], ""

        def handle_data(self, data):
            if self.textarea:
                self.text += data

        def handle_endtag(self, tag):
            if tag == "form":
                self.inside = False
            elif tag == "select":
                if self.select and self.select[0] not in self.data:
                    self.data[self.select[0]] = [""]
                self.select = None
            elif tag == "textarea" and self.textarea:
                self.add(self.textarea, self.text.lstrip("\n"))
                self.textarea = None

    parser = Parser()
    parser.feed(html)
    return parser.data


def editor_post(
    *,
    code: str = "ICV900",
    title: str = "Vehicle Operating Systems",
    title_zh: str = "车辆操作系统",
    credits: str = "3",
    owner: cm.Institution,
    faculty_members=(),
    disciplines=(),
    outcomes=(),
    topics=(),
    assessment=(),
    readings=(),
    session_needs=(),
    revision: int = 0,
) -> dict:
    """POST data for a new course in the course editor (curriculum.forms.CourseEditor).

    disciplines: (discipline, share); outcomes: (text, [(competency, level)]);
    topics: (week, title); assessment: (name, weight); readings: citations;
    session_needs: (kind, length, count, [features]).
    """
    data = {
        "course-code": code,
        "course-title": title,
        "course-title_zh": title_zh,
        "course-credits": credits,
        "course-owner": str(owner.pk),
        "course-faculty": [str(f.pk) for f in faculty_members],
        "syllabus-summary": "",
        "syllabus-summary_zh": "",
        "syllabus-revision": str(revision),
    }

    def rows(prefix, items, fill):
        data[f"{prefix}-TOTAL_FORMS"] = str(len(items))
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        for i, item in enumerate(items):
            for name, value in fill(item).items():
                data[f"{prefix}-{i}-{name}"] = value

    rows("disciplines", list(disciplines), lambda d: {"discipline": d[0].pk, "share": d[1]})
    rows("outcomes", list(outcomes), lambda o: {"text": o[0]})
    for i, (_text, mappings) in enumerate(outcomes):
        rows(
            f"outcomes-{i}-map",
            list(mappings),
            lambda m: {"competency": m[0].pk, "level": m[1]},
        )
    rows("topics", list(topics), lambda t: {"week": t[0], "title": t[1]})
    rows("assessment", list(assessment), lambda a: {"name": a[0], "weight": a[1]})
    rows("readings", list(readings), lambda r: {"citation": r, "required": "on"})
    rows(
        "session_needs",
        list(session_needs),
        lambda s: {
            "kind": s[0],
            "length": s[1],
            "count": s[2],
            "features": [str(f.pk) for f in s[3]],
        },
    )
    return data
