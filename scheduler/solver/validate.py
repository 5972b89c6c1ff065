"""Recompute every rule of a finished timetable, without the solver.

``validate(instance, placements)`` returns a ``Report``: hard and soft violations, each with a full
sentence (from ``messages.py``) and refs to what it is about, the weighted penalty of every soft
rule and the total cost. Tests use it as the oracle for the model; the app shows its sentences.

Counting (the same as the model's):
- clashes: one violation per pair of sessions that overlap, penalty = periods of overlap;
- availability: one violation per session and person/room/course, penalty = periods affected;
- travel: one violation per pair of same-day sessions of a person at different campuses whose gap
  is shorter than the trip (all pairs, which equals consecutive pairs when travel times obey the
  triangle inequality);
- limits (per day, days, lent-room caps): penalty = the excess;
- room_capacity: students above capacity, per session; min_days: missing days, per course;
- isolated: per cohort and session, when no session of the cohort ends in the period before it or
  starts in the period after it on the same day (a multi-period session counts once);
- room_stability: rooms beyond the first, per course; discouraged / not_preferred: per faculty
  member and period; campus_changes: per person and day, changes between consecutive sessions;
- moved: per session with a reference placement, when day, period or room differ.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import messages as msg
from .instance import (
    HARD_RULES,
    SOFT_RULES,
    Course,
    Instance,
    Placement,
    Session,
    Violation,
)


@dataclass(frozen=True)
class Report:
    hard: tuple[Violation, ...]
    soft: tuple[Violation, ...]
    penalties: dict[str, int]  # weighted, per soft rule
    hard_counts: dict[str, int] = field(default_factory=dict)  # per hard rule

    @property
    def cost(self) -> int:
        return sum(self.penalties.values())

    @property
    def hard_count(self) -> int:
        return sum(self.hard_counts.values())

    @property
    def feasible(self) -> bool:
        return not self.hard

    @property
    def violations(self) -> tuple[Violation, ...]:
        return self.hard + self.soft


@dataclass(frozen=True)
class _Placed:
    """A valid placement with everything the checks need."""

    placement: Placement
    course: Course
    session: Session
    first: int  # first slot
    last: int  # last slot, clipped to the day
    campus: int

    @property
    def day(self) -> int:
        return self.placement.day


class _Checker:
    def __init__(self, instance: Instance, placements: tuple[Placement, ...] | list[Placement]):
        self.inst = instance
        self.grid = instance.grid
        self.ppd = instance.grid.periods_per_day
        self.names = msg.Names(instance)
        self.placements = list(placements)
        self.hard: list[Violation] = []
        self.soft: list[Violation] = []
        self.hard_counts = dict.fromkeys(HARD_RULES, 0)
        self.penalties = dict.fromkeys(SOFT_RULES, 0)
        self.rooms = {r.id: r for r in instance.rooms}
        self.faculty = {f.id: f for f in instance.faculty}
        self.cohorts = {q.id: q for q in instance.cohorts}
        self.session_of: dict[int, tuple[Course, Session]] = {
            s.id: (c, s) for c in instance.courses for s in c.sessions
        }
        travel: dict[tuple[int, int], int] = {}
        for a, b, minutes in instance.travel:
            if a != b:
                travel[(a, b)] = max(travel.get((a, b), 0), minutes)
                travel[(b, a)] = max(travel.get((b, a), 0), minutes)
        self.travel = travel
        self.placed: list[_Placed] = []

    # ------------------------------------------------------------------ helpers
    def add_hard(self, rule: str, count: int, message: str, refs: list[tuple[str, int]]) -> None:
        self.hard_counts[rule] += count
        self.hard.append(Violation(rule, True, count, message, tuple(refs)))

    def add_soft(self, rule: str, units: int, message: str, refs: list[tuple[str, int]]) -> None:
        weight = self.inst.weights.of(rule)
        if weight <= 0 or units <= 0:
            return
        self.penalties[rule] += weight * units
        self.soft.append(Violation(rule, False, weight * units, message, tuple(refs)))

    def what(self, p: _Placed) -> str:
        return self.names.session(p.course, p.session)

    def when(self, p: _Placed, first: int | None = None, last: int | None = None) -> str:
        first = p.first if first is None else first
        last = p.last if last is None else last
        day = first // self.ppd
        return self.names.span(day, first % self.ppd, last % self.ppd)

    def refs(self, p: _Placed) -> list[tuple[str, int]]:
        return [("course", p.course.id), ("session", p.session.id)]

    # ------------------------------------------------------------------ hard rules
    def check_placed(self) -> None:
        """Every session is placed exactly once, on the grid, in a room that exists."""
        count: dict[int, int] = defaultdict(int)
        for pl in self.placements:
            found = self.session_of.get(pl.session)
            if found is None:
                self.add_hard(
                    "unplaced", 1, msg.unknown_session(pl.session), [("session", pl.session)]
                )
                continue
            course, session = found
            what = self.names.session(course, session)
            refs = [("course", course.id), ("session", session.id)]
            if pl.room not in self.rooms:
                self.add_hard("unplaced", 1, msg.unknown_room(what, pl.room), refs)
                continue
            if not (0 <= pl.day < self.grid.days and 0 <= pl.period < self.ppd):
                self.add_hard("unplaced", 1, msg.outside_grid(what, pl.day, pl.period), refs)
                continue
            count[pl.session] += 1
            first = self.grid.slot(pl.day, pl.period)
            last_period = min(pl.period + session.length - 1, self.ppd - 1)
            self.placed.append(
                _Placed(
                    pl,
                    course,
                    session,
                    first,
                    self.grid.slot(pl.day, last_period),
                    self.rooms[pl.room].campus,
                )
            )
        for course in self.inst.courses:
            for session in course.sessions:
                n = count.get(session.id, 0)
                what = self.names.session(course, session)
                refs = [("course", course.id), ("session", session.id)]
                if n == 0:
                    self.add_hard("unplaced", 1, msg.unplaced(what), refs)
                elif n > 1:
                    self.add_hard("unplaced", n - 1, msg.placed_twice(what, n), refs)

    def check_day_overflow(self) -> None:
        """A multi-period session ends within the day it starts."""
        for p in self.placed:
            if p.placement.period + p.session.length > self.ppd:
                over = p.placement.period + p.session.length - self.ppd
                self.add_hard(
                    "day_overflow",
                    over,
                    msg.day_overflow(
                        self.what(p),
                        p.session.length,
                        self.names.start(p.placement.day, p.placement.period),
                    ),
                    self.refs(p),
                )

    def _pairs(self, items: list[_Placed]) -> list[tuple[_Placed, _Placed, int, int]]:
        """Pairs of placements that overlap, with the first and last overlapping slot."""
        items = sorted(items, key=lambda p: (p.first, p.session.id))
        out = []
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if b.first > a.last:
                    break
                out.append((a, b, b.first, min(a.last, b.last)))
        return out

    def check_clashes(self) -> None:
        """No faculty member, cohort or room is in two sessions at once."""
        by_faculty: dict[int, list[_Placed]] = defaultdict(list)
        by_cohort: dict[int, list[_Placed]] = defaultdict(list)
        by_room: dict[int, list[_Placed]] = defaultdict(list)
        for p in self.placed:
            for f in p.course.faculty:
                by_faculty[f].append(p)
            for q in p.course.cohorts:
                by_cohort[q].append(p)
            by_room[p.placement.room].append(p)
        for f, items in sorted(by_faculty.items()):
            for a, b, lo, hi in self._pairs(items):
                text = msg.faculty_clash(
                    self.names.faculty(f), self.what(a), self.what(b), self.when(a, lo, hi)
                )
                refs = [("faculty", f), *self.refs(a), *self.refs(b)]
                self.add_hard("faculty_clash", hi - lo + 1, text, refs)
        for q, items in sorted(by_cohort.items()):
            for a, b, lo, hi in self._pairs(items):
                text = msg.cohort_clash(
                    self.names.cohort(q), self.what(a), self.what(b), self.when(a, lo, hi)
                )
                refs = [("cohort", q), *self.refs(a), *self.refs(b)]
                self.add_hard("cohort_clash", hi - lo + 1, text, refs)
        for r, items in sorted(by_room.items()):
            for a, b, lo, hi in self._pairs(items):
                text = msg.room_clash(
                    self.names.room(r), self.what(a), self.what(b), self.when(a, lo, hi)
                )
                refs = [("room", r), *self.refs(a), *self.refs(b)]
                self.add_hard("room_clash", hi - lo + 1, text, refs)

    def check_rooms(self) -> None:
        """A room has the session's features, is allowed for it and is lent to its member."""
        for p in self.placed:
            room = self.rooms[p.placement.room]
            refs = [("room", room.id), *self.refs(p)]
            missing = p.session.features - room.features
            if missing:
                text = msg.room_features(self.what(p), self.names.room(room.id), sorted(missing))
                self.add_hard("room_features", 1, text, refs)
            allowed = p.session.allowed_rooms
            if allowed is not None and room.id not in allowed:
                text = msg.room_not_allowed(self.what(p), self.names.room(room.id))
                self.add_hard("room_not_allowed", 1, text, refs)
            elif room.borrow_caps is not None and p.course.member != room.owner:
                caps = dict(room.borrow_caps)
                if caps.get(p.course.member, 0) <= 0:
                    text = msg.room_not_lent(
                        self.what(p),
                        self.names.room(room.id),
                        self.names.member(room.owner),
                        self.names.member(p.course.member),
                    )
                    refs.append(("member", p.course.member))
                    self.add_hard("room_not_allowed", 1, text, refs)

    def _blocked_span(self, p: _Placed, blocked: frozenset[int]) -> tuple[int, int, int] | None:
        hit = [t for t in range(p.first, p.last + 1) if t in blocked]
        if not hit:
            return None
        return hit[0], hit[-1], len(hit)

    def check_availability(self) -> None:
        """No session when its faculty, its room or its course is unavailable."""
        for p in self.placed:
            for f in p.course.faculty:
                fac = self.faculty.get(f)
                found = fac and self._blocked_span(p, fac.unavailable)
                if found:
                    lo, hi, n = found
                    text = msg.faculty_unavailable(
                        self.names.faculty(f), self.what(p), self.when(p, lo, hi)
                    )
                    self.add_hard("faculty_unavailable", n, text, [("faculty", f), *self.refs(p)])
            room = self.rooms[p.placement.room]
            found = self._blocked_span(p, room.unavailable)
            if found:
                lo, hi, n = found
                text = msg.room_unavailable(
                    self.names.room(room.id), self.what(p), self.when(p, lo, hi)
                )
                self.add_hard("room_unavailable", n, text, [("room", room.id), *self.refs(p)])
            found = self._blocked_span(p, p.course.unavailable)
            if found:
                lo, hi, n = found
                text = msg.course_unavailable(self.what(p), self.when(p, lo, hi))
                self.add_hard("course_unavailable", n, text, self.refs(p))

    def _people(self) -> list[tuple[str, int, list[_Placed]]]:
        by: dict[tuple[str, int], list[_Placed]] = defaultdict(list)
        for p in self.placed:
            for f in p.course.faculty:
                by[("faculty", f)].append(p)
            for q in p.course.cohorts:
                by[("cohort", q)].append(p)
        return [(kind, pid, items) for (kind, pid), items in sorted(by.items())]

    def _person_name(self, kind: str, pid: int) -> str:
        if kind == "faculty":
            return self.names.faculty(pid)
        return msg.the(self.names.cohort(pid))

    def check_travel(self) -> None:
        """Two same-day sessions of a person at different campuses leave time for the trip."""
        if not self.travel:
            return
        for kind, pid, items in self._people():
            items = sorted(items, key=lambda p: (p.first, p.session.id))
            for i, a in enumerate(items):
                for b in items[i + 1 :]:
                    if b.day != a.day:
                        break
                    if b.first <= a.last or a.campus == b.campus:
                        continue
                    need = self.travel.get((a.campus, b.campus), 0)
                    end = self.grid.periods[a.last % self.ppd].end_min
                    start = self.grid.periods[b.first % self.ppd].start_min
                    gap = start - end
                    if gap < need:
                        text = msg.travel(
                            self._person_name(kind, pid),
                            self.what(a),
                            self.names.campus(a.campus),
                            msg.clock(end),
                            self.what(b),
                            self.names.campus(b.campus),
                            msg.clock(start),
                            msg.day_name(self.grid, a.day),
                            need,
                            max(gap, 0),
                        )
                        refs = [(kind, pid), *self.refs(a), *self.refs(b)]
                        refs += [("campus", a.campus), ("campus", b.campus)]
                        self.add_hard("travel", 1, text, refs)

    def check_faculty_limits(self) -> None:
        """A faculty member keeps to their maximum periods per day and maximum days."""
        load: dict[tuple[int, int], int] = defaultdict(int)
        days: dict[int, set[int]] = defaultdict(set)
        for p in self.placed:
            for f in p.course.faculty:
                load[(f, p.day)] += p.last - p.first + 1
                days[f].add(p.day)
        for (f, day), periods in sorted(load.items()):
            fac = self.faculty.get(f)
            if fac and fac.max_periods_per_day is not None and periods > fac.max_periods_per_day:
                text = msg.faculty_max_per_day(
                    self.names.faculty(f),
                    periods,
                    msg.day_name(self.grid, day),
                    fac.max_periods_per_day,
                )
                self.add_hard(
                    "faculty_max_per_day", periods - fac.max_periods_per_day, text, [("faculty", f)]
                )
        for f, used in sorted(days.items()):
            fac = self.faculty.get(f)
            if fac and fac.max_days is not None and len(used) > fac.max_days:
                text = msg.faculty_max_days(
                    self.names.faculty(f), len(used), self.names.days(used), fac.max_days
                )
                self.add_hard("faculty_max_days", len(used) - fac.max_days, text, [("faculty", f)])

    def check_lab_caps(self) -> None:
        """A member uses a room lent to it for at most its cap of periods a week."""
        used: dict[tuple[int, int], int] = defaultdict(int)
        for p in self.placed:
            room = self.rooms[p.placement.room]
            if room.borrow_caps is not None and p.course.member != room.owner:
                used[(room.id, p.course.member)] += p.last - p.first + 1
        for (rid, member), periods in sorted(used.items()):
            cap = dict(self.rooms[rid].borrow_caps or ()).get(member, 0)
            if cap > 0 and periods > cap:
                text = msg.lab_cap(self.names.member(member), self.names.room(rid), periods, cap)
                self.add_hard("lab_cap", periods - cap, text, [("room", rid), ("member", member)])

    def check_pins(self) -> None:
        """A pinned session is where it is pinned."""
        for p in self.placed:
            pin = p.session.pinned
            if pin is None:
                continue
            pl = p.placement
            if (pin.day, pin.period) != (pl.day, pl.period) or (
                pin.room is not None and pin.room != pl.room
            ):
                pinned = self.names.span(pin.day, pin.period, pin.period)
                if pin.room is not None:
                    pinned = msg.at_room(pinned, self.names.room(pin.room))
                placed = msg.at_room(
                    self.names.span(pl.day, pl.period, pl.period), self.names.room(pl.room)
                )
                text = msg.pinned_moved(self.what(p), pinned, placed)
                self.add_hard("pinned_moved", 1, text, self.refs(p))

    # ------------------------------------------------------------------ soft rules
    def score_room_capacity(self) -> None:
        for p in self.placed:
            room = self.rooms[p.placement.room]
            over = p.course.size - room.capacity
            if over > 0:
                text = msg.room_capacity(
                    self.what(p),
                    p.course.size,
                    self.names.room(room.id),
                    room.capacity,
                    self.when(p),
                )
                self.add_soft("room_capacity", over, text, [("room", room.id), *self.refs(p)])

    def score_courses(self) -> None:
        days: dict[int, set[int]] = defaultdict(set)
        rooms: dict[int, list[int]] = defaultdict(list)
        for p in self.placed:
            days[p.course.id].add(p.day)
            if p.placement.room not in rooms[p.course.id]:
                rooms[p.course.id].append(p.placement.room)
        for course in self.inst.courses:
            if course.id not in days:
                continue
            n = len(days[course.id])
            if n < course.min_days:
                text = msg.min_days(
                    self.names.course(course),
                    n,
                    self.names.days(days[course.id]),
                    course.min_days,
                )
                self.add_soft("min_days", course.min_days - n, text, [("course", course.id)])
            used = rooms[course.id]
            if len(used) > 1:
                text = msg.room_stability(
                    self.names.course(course), [self.names.room_name(r) for r in sorted(used)]
                )
                refs = [("course", course.id), *(("room", r) for r in sorted(used))]
                self.add_soft("room_stability", len(used) - 1, text, refs)

    def score_isolated(self) -> None:
        by_cohort: dict[int, list[_Placed]] = defaultdict(list)
        for p in self.placed:
            for q in p.course.cohorts:
                by_cohort[q].append(p)
        for q, items in sorted(by_cohort.items()):
            busy = {t for p in items for t in range(p.first, p.last + 1)}
            for p in sorted(items, key=lambda p: (p.first, p.session.id)):
                before = p.first % self.ppd > 0 and (p.first - 1) in busy
                after = p.last % self.ppd < self.ppd - 1 and (p.last + 1) in busy
                if not before and not after:
                    text = msg.isolated(self.names.cohort(q), self.what(p), self.when(p))
                    self.add_soft("isolated", 1, text, [("cohort", q), *self.refs(p)])

    def score_preferences(self) -> None:
        for p in self.placed:
            for f in p.course.faculty:
                fac = self.faculty.get(f)
                if fac is None:
                    continue
                cover = range(p.first, p.last + 1)
                bad = sum(1 for t in cover if t in fac.discouraged)
                if bad:
                    text = msg.discouraged(fac.name, self.what(p), self.when(p), bad)
                    self.add_soft("discouraged", bad, text, [("faculty", f), *self.refs(p)])
                if fac.preferred:
                    out = sum(1 for t in cover if t not in fac.preferred)
                    if out:
                        text = msg.not_preferred(fac.name, self.what(p), self.when(p), out)
                        self.add_soft("not_preferred", out, text, [("faculty", f), *self.refs(p)])

    def score_campus_changes(self) -> None:
        for kind, pid, items in self._people():
            by_day: dict[int, list[_Placed]] = defaultdict(list)
            for p in items:
                by_day[p.day].append(p)
            for day, visits in sorted(by_day.items()):
                visits.sort(key=lambda p: (p.first, p.session.id))
                route = [visits[0].campus]
                for p in visits[1:]:
                    if p.campus != route[-1]:
                        route.append(p.campus)
                changes = len(route) - 1
                if changes:
                    text = msg.campus_changes(
                        msg.capitalised(self._person_name(kind, pid)),
                        changes,
                        msg.day_name(self.grid, day),
                        [self.names.campus(c) for c in route],
                    )
                    refs = [(kind, pid), *(("campus", c) for c in dict.fromkeys(route))]
                    self.add_soft("campus_changes", changes, text, refs)

    def score_moved(self) -> None:
        if not self.inst.reference:
            return
        where: dict[int, Placement] = {}
        for p in self.placed:
            where.setdefault(p.session.id, p.placement)
        for ref in self.inst.reference:
            found = self.session_of.get(ref.session)
            if found is None:
                continue
            course, session = found
            now = where.get(ref.session)
            if now is not None and (now.day, now.period, now.room) == (
                ref.day,
                ref.period,
                ref.room,
            ):
                continue
            before = msg.at_room(
                self.names.span(ref.day, ref.period, ref.period), self.names.room(ref.room)
            )
            after = (
                msg.nowhere()
                if now is None
                else msg.at_room(
                    self.names.span(now.day, now.period, now.period), self.names.room(now.room)
                )
            )
            text = msg.moved(self.names.session(course, session), before, after)
            self.add_soft("moved", 1, text, [("course", course.id), ("session", session.id)])

    def run(self) -> Report:
        self.check_placed()
        self.check_day_overflow()
        self.check_clashes()
        self.check_rooms()
        self.check_availability()
        self.check_travel()
        self.check_faculty_limits()
        self.check_lab_caps()
        self.check_pins()
        self.score_room_capacity()
        self.score_courses()
        self.score_isolated()
        self.score_preferences()
        self.score_campus_changes()
        self.score_moved()
        return Report(tuple(self.hard), tuple(self.soft), self.penalties, self.hard_counts)


def validate(instance: Instance, placements: tuple[Placement, ...] | list[Placement]) -> Report:
    """Check every hard rule and score every soft rule of a timetable, with sentences."""
    return _Checker(instance, placements).run()
