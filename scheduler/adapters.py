"""The only module that knows both the ORM and the engine.

`build_instance()` turns a term into the engine's frozen dataclasses with a fixed number of
queries whatever the term's size; `save_solution()` writes a run's placements in one transaction.
Engine ids are the database primary keys: an engine course is an Offering, an engine session a
Session, and rooms, faculty, cohorts, campuses and members keep their own ids.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch
from django.utils import translation

from curriculum.models import Campus, Faculty, Institution, TravelTime
from scheduler import models as m
from scheduler.sentences import stored
from scheduler.solver import instance as si

# Minimal-change mode: the weight of moving one session away from the published timetable.
MOVED_WEIGHT = 10


@dataclass(frozen=True)
class Index:
    """What the app needs to map the engine's ids back: sessions to their offerings."""

    term_id: int
    mode: str
    session_offering: dict[int, int]
    reference_run_id: int | None = None

    def url_ref(self, kind: str, ref_id: int) -> tuple[str, int] | None:
        """The (page kind, object id) where a ref can be changed: offering pages for sessions."""
        if kind == "session":
            offering = self.session_offering.get(ref_id)
            return ("course", offering) if offering is not None else None
        return kind, ref_id


def _minutes(t) -> int:
    return t.hour * 60 + t.minute


def _slots(grid: si.TimeGrid, cells: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(
        grid.slot(d, p) for d, p in cells if d < grid.days and p < grid.periods_per_day
    )


def placements_of(run: m.Run) -> tuple[si.Placement, ...]:
    """A run's assignments as engine placements (one query)."""
    return tuple(
        si.Placement(session=a.session_id, day=a.day, period=a.period, room=a.room_id)
        for a in m.Assignment.objects.filter(run_id=run.pk).order_by("session_id")
    )


def build_instance(
    term: m.Term, *, mode: str, reference_run: m.Run | None = None
) -> tuple[si.Instance, Index]:
    """The engine's instance for a term in a mode (fresh, pins or minimal), in 15 queries.

    Pins come from Session.pin_* in modes pins and minimal; fresh ignores them. Minimal mode
    penalises moves away from ``reference_run`` (by default the term's published run), read in
    one more query.
    """
    Mode = m.Run.Mode
    periods = list(m.TermPeriod.objects.filter(term_id=term.pk).order_by("index"))  # 1
    grid = si.TimeGrid(
        days=term.days_per_week,
        periods=tuple(
            si.Period(_minutes(p.start), _minutes(p.end), label=str(p.index + 1)) for p in periods
        ),
        day_names=_english_day_names(term),
    )

    offerings = list(  # 6: offerings, sessions, their features and rooms, faculty, cohorts
        m.Offering.objects.filter(term_id=term.pk)
        .select_related("course")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=m.Session.objects.order_by("id").prefetch_related(
                    "features", "allowed_rooms"
                ),
            ),
            Prefetch("faculty", queryset=Faculty.objects.order_by("id")),
            Prefetch("cohorts", queryset=m.Cohort.objects.order_by("id")),
        )
        .order_by("course__code")
    )
    rooms = list(  # 3: rooms with campus, features and loans
        m.Room.objects.select_related("campus")
        .prefetch_related("features", "loans")
        .order_by("code")
    )
    room_off: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for u in m.RoomUnavailability.objects.filter(term_id=term.pk):  # 1
        room_off[u.room_id].add((u.day, u.period))
    availability: dict[int, dict[str, set[tuple[int, int]]]] = defaultdict(lambda: defaultdict(set))
    for a in m.FacultyAvailability.objects.filter(term_id=term.pk):  # 1
        availability[a.faculty_id][a.kind].add((a.day, a.period))
    campuses = list(Campus.objects.order_by("id"))  # 1
    travel = tuple(  # 1
        (t.campus_a_id, t.campus_b_id, t.minutes) for t in TravelTime.objects.order_by("id")
    )
    members = tuple(  # 1
        si.Member(id=i.pk, name=i.display_name) for i in Institution.objects.order_by("id")
    )

    use_pins = mode in (Mode.PINS, Mode.MINIMAL)
    faculty: dict[int, Faculty] = {}
    cohorts: dict[int, m.Cohort] = {}
    courses = []
    session_offering: dict[int, int] = {}
    for o in offerings:
        teachers = list(o.faculty.all())
        groups = list(o.cohorts.all())
        faculty.update((t.pk, t) for t in teachers)
        cohorts.update((c.pk, c) for c in groups)
        sessions = []
        for s in o.sessions.all():
            session_offering[s.pk] = o.pk
            allowed = frozenset(r.pk for r in s.allowed_rooms.all())
            pin = None
            if use_pins and s.pin_day is not None:
                pin = si.Pin(day=s.pin_day, period=s.pin_period, room=s.pin_room_id)
            sessions.append(
                si.Session(
                    id=s.pk,
                    length=s.length,
                    kind=s.kind,
                    features=frozenset(f.code for f in s.features.all()),
                    allowed_rooms=allowed or None,
                    pinned=pin,
                )
            )
        size = o.expected_size if o.expected_size is not None else sum(c.size for c in groups)
        courses.append(
            si.Course(
                id=o.pk,
                name=f"{o.course.code} {o.course.display_title}",
                sessions=tuple(sessions),
                faculty=tuple(t.pk for t in teachers),
                cohorts=tuple(c.pk for c in groups),
                size=size,
                min_days=o.min_days,
                member=o.course.owner_id,
            )
        )

    engine_rooms = tuple(
        si.Room(
            id=r.pk,
            name=str(r),
            capacity=r.capacity,
            campus=r.campus_id,
            features=frozenset(f.code for f in r.features.all()),
            unavailable=_slots(grid, room_off.get(r.pk, ())),
            owner=r.campus.institution_id,
            borrow_caps=(
                tuple(sorted((ln.borrower_id, ln.cap_periods_per_week) for ln in r.loans.all()))
                if r.access == m.Room.Access.RESTRICTED
                else None
            ),
        )
        for r in rooms
    )
    engine_faculty = tuple(
        si.Faculty(
            id=t.pk,
            name=t.display_name,
            unavailable=_slots(grid, availability[t.pk][m.FacultyAvailability.Kind.UNAVAILABLE]),
            discouraged=_slots(grid, availability[t.pk][m.FacultyAvailability.Kind.DISCOURAGED]),
            preferred=_slots(grid, availability[t.pk][m.FacultyAvailability.Kind.PREFERRED]),
            max_periods_per_day=t.max_periods_per_day,
            max_days=t.max_days_per_week,
        )
        for t in sorted(faculty.values(), key=lambda t: t.pk)
    )
    engine_cohorts = tuple(
        si.Cohort(id=c.pk, name=str(c), size=c.size)
        for c in sorted(cohorts.values(), key=lambda c: c.pk)
    )

    weights = si.Weights.consortium()
    reference: tuple[si.Placement, ...] = ()
    if mode == Mode.MINIMAL:
        weights = dataclasses.replace(weights, moved=MOVED_WEIGHT)
        if reference_run is None and term.published_run_id is not None:
            reference_run = m.Run(pk=term.published_run_id, term_id=term.pk)
        if reference_run is not None:
            reference = tuple(  # 1
                p for p in placements_of(reference_run) if p.session in session_offering
            )
    else:
        reference_run = None

    instance = si.Instance(
        name=term.slug,
        grid=grid,
        rooms=engine_rooms,
        courses=tuple(courses),
        faculty=engine_faculty,
        cohorts=engine_cohorts,
        campuses=tuple(si.Campus(id=c.pk, name=str(c)) for c in campuses),
        travel=travel,
        weights=weights,
        reference=reference,
        members=members,
    )
    index = Index(
        term_id=term.pk,
        mode=mode,
        session_offering=session_offering,
        reference_run_id=reference_run.pk if reference_run is not None else None,
    )
    return instance, index


def _english_day_names(term: m.Term) -> tuple[str, ...]:
    # The engine writes English; its sentences name days by these words, which the catalogue
    # translates when a sentence is shown, whatever language the request building it had.
    with translation.override("en"):
        return tuple(term.day_name(d) for d in range(term.days_per_week))


def violation_dicts(violations: Iterable[si.Violation]) -> list[dict]:
    """Violations as stored on a Run (JSON): rule, hard, penalty, message, text, refs."""
    return [
        {
            "rule": v.rule,
            "hard": v.hard,
            "penalty": v.penalty,
            **stored(v.message),
            "refs": [list(ref) for ref in v.refs],
        }
        for v in violations
    ]


def conflict_dicts(conflicts: Iterable[si.Conflict]) -> list[dict]:
    """Conflicts as stored on a Run (JSON): message, text, refs."""
    return [{**stored(c.message), "refs": [list(ref) for ref in c.refs]} for c in conflicts]


def save_solution(
    run: m.Run, solution: si.Solution, *, only_if_status: str | None = None, **fields
) -> bool:
    """Replace this run's assignments by the solution's placements and store its figures.

    Only this run's rows are touched, so two solves of one term never mix. ``fields`` are more
    Run fields to set in the same transaction (e.g. the final status). With ``only_if_status``
    nothing is written unless the run still has that status (a run marked failed meanwhile stays
    failed); returns whether it was written.
    """
    values = {
        "objective": solution.objective,
        "bound": solution.bound,
        "penalties": dict(solution.penalties),
        "violations": violation_dicts(solution.violations),
        "hard_violations": sum(1 for v in solution.violations if v.hard),
        "solutions_found": solution.solutions_found,
        "explanation": conflict_dicts(solution.explanation),
        **fields,
    }
    runs = m.Run.objects.filter(pk=run.pk)
    if only_if_status is not None:
        runs = runs.filter(status=only_if_status)
    with transaction.atomic():
        if not runs.update(**values):
            return False
        m.Assignment.objects.filter(run_id=run.pk).delete()
        m.Assignment.objects.bulk_create(
            m.Assignment(
                run_id=run.pk, session_id=p.session, day=p.day, period=p.period, room_id=p.room
            )
            for p in solution.placements
        )
    for name, value in values.items():
        setattr(run, name, value)
    return True
