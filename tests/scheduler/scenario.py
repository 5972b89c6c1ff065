"""A small scheduling world for the timetabling tests: a term, rooms, faculty, cohorts, offerings.

`world(member, size=n)` builds n offerings of one 2-period lecture each, taught by n faculty to n
cohorts in n rooms on two campuses; `placed_run(term)` places every session without clashes.
"""

from __future__ import annotations

from dataclasses import dataclass

from curriculum import models as cm
from scheduler import models as sm
from tests import factories as f


@dataclass
class World:
    term: sm.Term
    campuses: list[cm.Campus]
    rooms: list[sm.Room]
    faculty: list[cm.Faculty]
    cohorts: list[sm.Cohort]
    offerings: list[sm.Offering]

    @property
    def sessions(self) -> list[sm.Session]:
        return list(sm.Session.objects.filter(offering__term=self.term).order_by("id"))


def world(member: cm.Institution, *, size: int = 2, periods: int = 4, slug: str | None = None):
    kw = {"slug": slug} if slug else {}
    term = f.term(member, periods=periods, **kw)
    campuses = [f.campus(member), f.campus(member)]
    cm.TravelTime.objects.create(campus_a=campuses[0], campus_b=campuses[1], minutes=30)
    rooms = [f.room(campuses[i % 2], capacity=40) for i in range(size)]
    faculty = [f.faculty(member) for _ in range(size)]
    cohorts = [f.cohort(member, size=30) for _ in range(size)]
    offerings = []
    for i in range(size):
        course = f.course(member, faculty_members=[faculty[i]])
        offerings.append(
            f.offering(
                term,
                course,
                cohorts=[cohorts[i]],
                faculty_members=[faculty[i]],
                sessions=[("lecture", 2)],
            )
        )
    return World(term, campuses, rooms, faculty, cohorts, offerings)


def placed_run(term: sm.Term, *, status: str = sm.Run.Status.SUCCEEDED, **kw) -> sm.Run:
    """A run that places session i on day i mod days, period 0, in the i-th room of the term."""
    run = sm.Run.objects.create(term=term, status=status, objective=kw.pop("objective", 0), **kw)
    rooms = list(sm.Room.objects.filter(campus__institution=term.institution).order_by("id"))
    sessions = sm.Session.objects.filter(offering__term=term).order_by("id")
    for i, session in enumerate(sessions):
        sm.Assignment.objects.create(
            run=run,
            session=session,
            day=i % term.days_per_week,
            period=0,
            room=rooms[i % len(rooms)],
        )
    return run


def assert_guarded(client, user, url: str, *, method: str = "get", refused: str = "post") -> None:
    """Anonymous users are sent to log in; `user` gets 405 for another HTTP method."""
    response = getattr(client, method)(url)
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    client.force_login(user)
    assert getattr(client, refused)(url).status_code == 405
