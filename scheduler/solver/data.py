"""Data preparation: everything the model needs, computed before a single variable exists.

Sessions of a course that are interchangeable (same length, kind, features and allowed rooms, not
pinned) form one *group*; the model decides how many of a group's sessions start in each slot, not
which session goes where (course x period, as in Lach & Luebbecke 2012). Each group gets the start
slots and rooms it could use: the session fits in the day; its faculty and course are available in
every period it covers; the room has the features, is allowed, is lent to the course's member and
is available in every period covered. Nothing else reaches the model.

In *relaxed* mode (used to explain infeasibility) availability and pins do not filter anything;
instead each blocked combination records which requirement blocks it, so the model can switch
those requirements on and off with assumption literals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .instance import Course, Instance, Pin, Session

# A requirement group that explain.py can switch off, e.g. ("faculty_avail", faculty index).
Key = tuple[str, int] | tuple[str, int, int]


@dataclass(frozen=True)
class Group:
    """Interchangeable sessions of one course and where they could go."""

    index: int
    course: int  # index into Prepared.courses
    sessions: tuple[int, ...]  # session ids, in course order
    length: int
    kind: str
    features: frozenset[str]
    starts: tuple[int, ...]  # candidate start slots
    rooms: dict[int, tuple[int, ...]]  # start slot -> candidate room indices
    pin: Pin | None = None  # set for a pinned (single-session) group

    @property
    def size(self) -> int:
        return len(self.sessions)


@dataclass
class Prepared:
    """The instance indexed for the model: integer indices everywhere, lookups precomputed."""

    instance: Instance
    relaxed: bool
    days: int
    ppd: int  # periods per day
    slots: int
    slot_day: list[int]
    start_min: list[int]
    end_min: list[int]
    room_campus: list[int]  # campus index per room
    campus_ids: list[int]
    travel: list[list[int]]  # minutes between campus indices
    course_faculty: list[tuple[int, ...]]  # faculty indices per course
    course_cohorts: list[tuple[int, ...]]  # cohort indices per course
    static_rooms: list[tuple[int, ...]]  # per group: rooms with features, allowed and lent
    groups: list[Group]
    session_group: dict[int, int]
    session_course: dict[int, int]
    groups_of_course: list[list[int]]
    groups_of_faculty: list[list[int]]
    groups_of_cohort: list[list[int]]
    overflow: list[dict[int, int]]  # per group: room index -> students above capacity
    caps: dict[tuple[int, int], int]  # (room index, member) -> periods per week, for borrowers
    discouraged: list[dict[int, int]]  # per group: start -> discouraged periods (all faculty)
    not_preferred: list[dict[int, int]]  # per group: start -> periods outside preferences
    reference: dict[int, list[tuple[int, int, int]]]  # group -> (start, room, session id)
    # Relaxed mode only: what blocks a start or a room.
    blocked_start: dict[tuple[int, int], tuple[Key, ...]] = field(default_factory=dict)
    blocked_room: dict[tuple[int, int, int], tuple[Key, ...]] = field(default_factory=dict)
    travel_window: list[list[tuple[int, int]]] = field(default_factory=list)

    @property
    def courses(self) -> tuple[Course, ...]:
        return self.instance.courses

    def cover(self, group: int, start: int) -> range:
        """The slots a session of the group occupies when it starts at ``start``."""
        return range(start, start + self.groups[group].length)

    def persons_of(self, group: int) -> list[tuple[str, int]]:
        """Faculty and cohorts attending every session of the group, as ("faculty"|"cohort", i)."""
        course = self.groups[group].course
        return [("faculty", f) for f in self.course_faculty[course]] + [
            ("cohort", q) for q in self.course_cohorts[course]
        ]

    def travel_conflict(self, t1: int, k1: int, t2: int, k2: int) -> bool:
        """True when a person cannot be at campus k1 in slot t1 and at campus k2 in slot t2."""
        if k1 == k2 or self.slot_day[t1] != self.slot_day[t2] or t1 == t2:
            return False
        if t1 > t2:
            t1, k1, t2, k2 = t2, k2, t1, k1
        return self.start_min[t2] - self.end_min[t1] < self.travel[k1][k2]


def _group_key(session: Session) -> tuple[object, ...]:
    allowed = None if session.allowed_rooms is None else tuple(sorted(session.allowed_rooms))
    return (session.length, session.kind, tuple(sorted(session.features)), allowed)


def lends_to(room_caps: tuple[tuple[int, int], ...] | None, owner: int, member: int) -> bool:
    """Whether a member may use a room at all under its lending rules."""
    if room_caps is None or member == owner:
        return True
    return any(m == member and cap > 0 for m, cap in room_caps)


def prepare(instance: Instance, *, relaxed: bool = False) -> Prepared:
    """Index the instance and compute every feasible (group, start, room) combination."""
    grid = instance.grid
    ppd = grid.periods_per_day
    slots = grid.slots
    slot_day = [t // ppd for t in range(slots)]
    start_min = [grid.periods[t % ppd].start_min for t in range(slots)]
    end_min = [grid.periods[t % ppd].end_min for t in range(slots)]

    room_index = {room.id: i for i, room in enumerate(instance.rooms)}
    faculty_index = {f.id: i for i, f in enumerate(instance.faculty)}
    cohort_index = {q.id: i for i, q in enumerate(instance.cohorts)}

    campus_ids = sorted({c.id for c in instance.campuses} | {r.campus for r in instance.rooms})
    campus_index = {cid: i for i, cid in enumerate(campus_ids)}
    room_campus = [campus_index[r.campus] for r in instance.rooms]
    travel = [[0] * len(campus_ids) for _ in campus_ids]
    for a, b, minutes in instance.travel:
        if a in campus_index and b in campus_index and a != b:
            ia, ib = campus_index[a], campus_index[b]
            travel[ia][ib] = max(travel[ia][ib], minutes)
            travel[ib][ia] = max(travel[ib][ia], minutes)

    course_faculty = [
        tuple(faculty_index[f] for f in c.faculty if f in faculty_index) for c in instance.courses
    ]
    course_cohorts = [
        tuple(cohort_index[q] for q in c.cohorts if q in cohort_index) for c in instance.courses
    ]

    room_unavailable = [r.unavailable for r in instance.rooms]
    always_free = [not r.unavailable for r in instance.rooms]
    caps: dict[tuple[int, int], int] = {}
    for ri, room in enumerate(instance.rooms):
        for member, cap in room.borrow_caps or ():
            if member != room.owner:
                caps[(ri, member)] = cap

    groups: list[Group] = []
    static_rooms: list[tuple[int, ...]] = []
    session_group: dict[int, int] = {}
    session_course: dict[int, int] = {}
    blocked_start: dict[tuple[int, int], tuple[Key, ...]] = {}
    blocked_room: dict[tuple[int, int, int], tuple[Key, ...]] = {}

    for ci, course in enumerate(instance.courses):
        buckets: dict[tuple[object, ...], list[Session]] = {}
        singles: list[Session] = []
        for session in course.sessions:
            session_course[session.id] = ci
            if session.pinned is not None:
                singles.append(session)
            else:
                buckets.setdefault(_group_key(session), []).append(session)
        faculty_blocked: dict[int, list[Key]] = defaultdict(list)
        for fi in course_faculty[ci]:
            for t in instance.faculty[fi].unavailable:
                faculty_blocked[t].append(("faculty_avail", fi))
        for t in course.unavailable:
            faculty_blocked[t].append(("course_avail", ci))
        for members in [*buckets.values(), *([s] for s in singles)]:
            first = members[0]
            g = len(groups)
            rooms_ok = tuple(
                ri
                for ri, room in enumerate(instance.rooms)
                if first.features <= room.features
                and (first.allowed_rooms is None or room.id in first.allowed_rooms)
                and lends_to(room.borrow_caps, room.owner, course.member)
            )
            pin = first.pinned
            length = first.length
            starts: list[int] = []
            rooms: dict[int, tuple[int, ...]] = {}
            pin_room = None if pin is None or pin.room is None else room_index.get(pin.room)
            for s in range(slots):
                if length < 1 or s % ppd + length > ppd:
                    continue
                if pin is not None and not relaxed and s != grid.slot(pin.day, pin.period):
                    continue
                cover = range(s, s + length)
                reasons = sorted({k for t in cover for k in faculty_blocked.get(t, ())})
                if reasons and not relaxed:
                    continue
                candidates = rooms_ok
                if pin_room is not None and not relaxed:
                    candidates = tuple(r for r in candidates if r == pin_room)
                if relaxed:
                    for r in candidates:
                        if not always_free[r] and any(t in room_unavailable[r] for t in cover):
                            blocked_room[(g, s, r)] = (("room_avail", r),)
                elif not all(always_free[r] for r in candidates):
                    candidates = tuple(
                        r
                        for r in candidates
                        if always_free[r] or not any(t in room_unavailable[r] for t in cover)
                    )
                if not candidates:
                    continue
                starts.append(s)
                rooms[s] = candidates
                if reasons:
                    blocked_start[(g, s)] = tuple(reasons)
            groups.append(
                Group(
                    index=g,
                    course=ci,
                    sessions=tuple(m.id for m in members),
                    length=length,
                    kind=first.kind,
                    features=first.features,
                    starts=tuple(starts),
                    rooms=rooms,
                    pin=pin,
                )
            )
            static_rooms.append(rooms_ok)
            for m in members:
                session_group[m.id] = g

    groups_of_course: list[list[int]] = [[] for _ in instance.courses]
    groups_of_faculty: list[list[int]] = [[] for _ in instance.faculty]
    groups_of_cohort: list[list[int]] = [[] for _ in instance.cohorts]
    overflow: list[dict[int, int]] = []
    discouraged: list[dict[int, int]] = []
    not_preferred: list[dict[int, int]] = []
    for group in groups:
        ci = group.course
        course = instance.courses[ci]
        groups_of_course[ci].append(group.index)
        for fi in course_faculty[ci]:
            groups_of_faculty[fi].append(group.index)
        for qi in course_cohorts[ci]:
            groups_of_cohort[qi].append(group.index)
        overflow.append(
            {
                r: course.size - instance.rooms[r].capacity
                for r in static_rooms[group.index]
                if course.size > instance.rooms[r].capacity
            }
        )
        disc: dict[int, int] = {}
        notp: dict[int, int] = {}
        for s in group.starts:
            cover = range(s, s + group.length)
            d = n = 0
            for fi in course_faculty[ci]:
                fac = instance.faculty[fi]
                d += sum(1 for t in cover if t in fac.discouraged)
                if fac.preferred:
                    n += sum(1 for t in cover if t not in fac.preferred)
            if d:
                disc[s] = d
            if n:
                notp[s] = n
        discouraged.append(disc)
        not_preferred.append(notp)

    reference: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for p in instance.reference:
        g = session_group.get(p.session)
        if g is None:
            continue
        if p.room in room_index and 0 <= p.day < grid.days and 0 <= p.period < ppd:
            reference[g].append((grid.slot(p.day, p.period), room_index[p.room], p.session))
        else:  # a reference nothing can match any more: the session counts as moved
            reference[g].append((-1, -1, p.session))

    prep = Prepared(
        instance=instance,
        relaxed=relaxed,
        days=grid.days,
        ppd=ppd,
        slots=slots,
        slot_day=slot_day,
        start_min=start_min,
        end_min=end_min,
        room_campus=room_campus,
        campus_ids=campus_ids,
        travel=travel,
        course_faculty=course_faculty,
        course_cohorts=course_cohorts,
        static_rooms=static_rooms,
        groups=groups,
        session_group=session_group,
        session_course=session_course,
        groups_of_course=groups_of_course,
        groups_of_faculty=groups_of_faculty,
        groups_of_cohort=groups_of_cohort,
        overflow=overflow,
        caps=caps,
        discouraged=discouraged,
        not_preferred=not_preferred,
        reference=dict(reference),
        blocked_start=blocked_start,
        blocked_room=blocked_room,
    )
    prep.travel_window = _travel_window(prep)
    return prep


def _travel_window(prep: Prepared) -> list[list[tuple[int, int]]]:
    """Per slot t1: the later slots t2 of the same day too close to some campus change, with gap."""
    worst = max((max(row) for row in prep.travel), default=0)
    window: list[list[tuple[int, int]]] = []
    for t1 in range(prep.slots):
        later = []
        t2 = t1 + 1
        while t2 < prep.slots and prep.slot_day[t2] == prep.slot_day[t1]:
            gap = prep.start_min[t2] - prep.end_min[t1]
            if gap >= worst:
                break
            later.append((t2, gap))
            t2 += 1
        window.append(later)
    return window
