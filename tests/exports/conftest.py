"""Fixtures of the export view tests: a published two-member timetable and a shared syllabus.

`shared_world` is a term organised by `member` with four offerings, one 2-period lecture each:

- MINE1 and MINE2: `member`'s courses, faculty, cohorts and rooms (only `member` involved);
- THEIRS: `other_member`'s course, taught by `other_faculty` to its cohort in its room;
- JOINT: `other_member`'s course taught by `other_faculty` to `member`'s first cohort in
  `other_member`'s room (both members involved).

Its published run places them Monday to Thursday at period 1 (08:00–09:50).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from curriculum import models as cm
from scheduler import models as sm
from tests import factories as f


@dataclass
class SharedWorld:
    term: sm.Term
    run: sm.Run
    offerings: dict[str, sm.Offering]
    cohorts: dict[str, sm.Cohort]
    rooms: dict[str, sm.Room]

    def session(self, name: str) -> sm.Session:
        return self.offerings[name].sessions.get()


def place(term: sm.Term, placements, **kw) -> sm.Run:
    """A succeeded run placing (session, day, period, room) tuples."""
    kw.setdefault("status", sm.Run.Status.SUCCEEDED)
    kw.setdefault("objective", 0)
    run = sm.Run.objects.create(term=term, **kw)
    for session, day, period, room in placements:
        sm.Assignment.objects.create(run=run, session=session, day=day, period=period, room=room)
    return run


def publish(run: sm.Run, by) -> None:
    sm.Publication.objects.create(term=run.term, run=run, by=by)
    sm.Term.objects.filter(pk=run.term_id).update(published_run=run)
    run.term.refresh_from_db()


@pytest.fixture
def shared_world(member, other_member, faculty, other_faculty, consortium_admin):
    term = f.term(member, slug="spring", name="Spring 2027", name_zh="2027春季")
    sm.Holiday.objects.create(term=term, date=dt.date(2027, 4, 5), name="Qingming")
    mine_campus, their_campus = f.campus(member), f.campus(other_member)
    rooms = {"mine": f.room(mine_campus, code="M101"), "theirs": f.room(their_campus, code="T201")}
    cohorts = {"mine": f.cohort(member, code="mine-a", name="Mine A"),
               "mine2": f.cohort(member, code="mine-b", name="Mine B"),
               "theirs": f.cohort(other_member, code="their-a", name="Their A")}
    me, them = faculty.faculty, other_faculty.faculty
    specs = {
        "MINE1": (member, me, cohorts["mine"], "MIN101"),
        "MINE2": (member, me, cohorts["mine2"], "MIN102"),
        "THEIRS": (other_member, them, cohorts["theirs"], "THR201"),
        "JOINT": (other_member, them, cohorts["mine"], "JNT301"),
    }
    offerings = {}
    for name, (owner, teacher, cohort, code) in specs.items():
        course = f.course(owner, code=code, title=f"Course {code}", faculty_members=[teacher])
        offerings[name] = f.offering(term, course, cohorts=[cohort], faculty_members=[teacher],
                                     sessions=[("lecture", 2)])
    world = SharedWorld(term, None, offerings, cohorts, rooms)
    world.run = place(term, [
        (world.session("MINE1"), 0, 0, rooms["mine"]),
        (world.session("MINE2"), 1, 0, rooms["mine"]),
        (world.session("THEIRS"), 2, 0, rooms["theirs"]),
        (world.session("JOINT"), 3, 0, rooms["theirs"]),
    ])
    publish(world.run, consortium_admin)
    return world


@pytest.fixture
def shared_course(member, faculty, firm_a):
    """A course of `faculty` with a bilingual syllabus shared with firm A (not firm B)."""
    course = f.course(member, code="ICV500", title="Vehicle OS", title_zh="车载操作系统",
                      faculty_members=[faculty.faculty])
    cm.CourseShare.objects.create(course=course, firm=firm_a)
    syllabus = course.current_syllabus()
    syllabus.summary, syllabus.summary_zh = "AUTOSAR and real-time systems.", "AUTOSAR与实时系统。"
    syllabus.save()
    comp = f.competency(code="os-rt", name="Real-time OS", name_zh="实时操作系统")
    f.outcome(syllabus, text="Configure an RTOS.", text_zh="配置实时操作系统。",
              mappings=[(comp, 3)])
    cm.AssessmentComponent.objects.create(syllabus=syllabus, name="Project", name_zh="项目",
                                          weight=100)
    return course
