"""A greedy first timetable: place sessions one by one, the hardest first, where they cost least.

Sessions with the fewest possible (time, room) positions go first (pins before everything). Each
takes the valid position with the lowest estimated cost (room overflow, a new room or a day the
course already meets on, discouraged periods, a lone session of a cohort, a campus change), ties
broken by the seeded generator. A session with no valid position left stays out; the
large-neighbourhood search places it later by moving others. This is fast at any size, which the
solver needs for a first timetable within seconds on thousands of sessions.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Mapping

from .data import Prepared
from .instance import Weights
from .model import Assignment, Position


class Greedy:
    """The occupancy of a partial timetable, with checks and placement of one session at a time."""

    def __init__(self, prep: Prepared, weights: Weights, rng: random.Random) -> None:
        self.prep = prep
        self.weights = weights
        self.rng = rng
        inst = prep.instance
        self.faculty_busy: list[set[int]] = [set() for _ in inst.faculty]
        self.cohort_busy: list[set[int]] = [set() for _ in inst.cohorts]
        self.room_busy: list[set[int]] = [set() for _ in inst.rooms]
        self.faculty_at: list[dict[int, int]] = [{} for _ in inst.faculty]
        self.cohort_at: list[dict[int, int]] = [{} for _ in inst.cohorts]
        self.faculty_load: list[dict[int, int]] = [defaultdict(int) for _ in inst.faculty]
        self.faculty_days: list[set[int]] = [set() for _ in inst.faculty]
        self.cap_used: dict[tuple[int, int], int] = defaultdict(int)
        self.course_days: list[set[int]] = [set() for _ in inst.courses]
        self.course_rooms: list[set[int]] = [set() for _ in inst.courses]
        self.assignment: Assignment = {g.index: [] for g in prep.groups}
        self.multi_campus = len(prep.campus_ids) > 1

    # ------------------------------------------------------------------ checks
    def time_ok(self, g: int, s: int) -> bool:
        """Whether a session of group g may start at s given what is placed (rooms aside)."""
        prep = self.prep
        group = prep.groups[g]
        c = group.course
        cover = range(s, s + group.length)
        inst = prep.instance
        day = prep.slot_day[s]
        for f in prep.course_faculty[c]:
            busy = self.faculty_busy[f]
            if any(t in busy for t in cover):
                return False
            fac = inst.faculty[f]
            if (
                fac.max_periods_per_day is not None
                and self.faculty_load[f][day] + group.length > fac.max_periods_per_day
            ):
                return False
            if (
                fac.max_days is not None
                and day not in self.faculty_days[f]
                and len(self.faculty_days[f]) >= fac.max_days
            ):
                return False
        for q in prep.course_cohorts[c]:
            busy = self.cohort_busy[q]
            if any(t in busy for t in cover):
                return False
        return True

    def room_ok(self, g: int, s: int, r: int) -> bool:
        prep = self.prep
        group = prep.groups[g]
        busy = self.room_busy[r]
        if busy and any(t in busy for t in range(s, s + group.length)):
            return False
        member = prep.instance.courses[group.course].member
        cap = prep.caps.get((r, member))
        if cap is not None and self.cap_used[(r, member)] + group.length > cap:
            return False
        return not self.multi_campus or self._travel_ok(g, s, prep.room_campus[r])

    def _travel_ok(self, g: int, s: int, campus: int) -> bool:
        prep = self.prep
        group = prep.groups[g]
        c = group.course
        maps = [self.faculty_at[f] for f in prep.course_faculty[c]]
        maps += [self.cohort_at[q] for q in prep.course_cohorts[c]]
        last = s + group.length - 1
        day_start = s - s % prep.ppd
        for at in maps:
            if not at:
                continue
            for t2, _ in prep.travel_window[last]:
                k = at.get(t2)
                if k is not None and prep.travel_conflict(last, campus, t2, k):
                    return False
            for t1 in range(day_start, s):
                k = at.get(t1)
                if k is not None and prep.travel_conflict(t1, k, s, campus):
                    return False
        return True

    # ------------------------------------------------------------------ cost estimate
    def time_cost(self, g: int, s: int) -> int:
        """Roughly what starting a session at s adds to the weighted soft cost (rooms aside)."""
        prep = self.prep
        w = self.weights
        group = prep.groups[g]
        c = group.course
        cost = w.discouraged * prep.discouraged[g].get(s, 0)
        cost += w.not_preferred * prep.not_preferred[g].get(s, 0)
        days = self.course_days[c]
        if prep.slot_day[s] in days and len(days) < prep.instance.courses[c].min_days:
            cost += w.min_days
        if w.isolated:
            ppd = prep.ppd
            before = s - 1 if s % ppd else -1
            after = s + group.length if (s % ppd) + group.length < ppd else -1
            for q in prep.course_cohorts[c]:
                busy = self.cohort_busy[q]
                if not ((before >= 0 and before in busy) or (after >= 0 and after in busy)):
                    cost += w.isolated
        return cost

    def room_cost(self, g: int, r: int) -> int:
        prep = self.prep
        w = self.weights
        cost = w.room_capacity * prep.overflow[g].get(r, 0)
        rooms = self.course_rooms[prep.groups[g].course]
        if rooms and r not in rooms:
            cost += w.room_stability
        return cost

    def campus_cost(self, g: int, s: int, campus: int) -> int:
        prep = self.prep
        if not (self.weights.campus_changes and self.multi_campus):
            return 0
        c = prep.groups[g].course
        day = prep.slot_day[s]
        day_slots = range(day * prep.ppd, (day + 1) * prep.ppd)
        maps = [self.faculty_at[f] for f in prep.course_faculty[c]]
        maps += [self.cohort_at[q] for q in prep.course_cohorts[c]]
        changes = sum(1 for at in maps if any(at.get(t, campus) != campus for t in day_slots))
        return self.weights.campus_changes * changes

    # ------------------------------------------------------------------ placing
    def place(self, g: int, s: int, r: int) -> None:
        prep = self.prep
        group = prep.groups[g]
        c = group.course
        cover = range(s, s + group.length)
        day = prep.slot_day[s]
        campus = prep.room_campus[r]
        for f in prep.course_faculty[c]:
            self.faculty_busy[f].update(cover)
            self.faculty_load[f][day] += group.length
            self.faculty_days[f].add(day)
            for t in cover:
                self.faculty_at[f][t] = campus
        for q in prep.course_cohorts[c]:
            self.cohort_busy[q].update(cover)
            for t in cover:
                self.cohort_at[q][t] = campus
        self.room_busy[r].update(cover)
        member = prep.instance.courses[c].member
        if (r, member) in prep.caps:
            self.cap_used[(r, member)] += group.length
        self.course_days[c].add(day)
        self.course_rooms[c].add(r)
        self.assignment[g].append((s, r))

    def best_position(self, g: int) -> Position | None:
        """The cheapest valid position for one more session of group g, if any."""
        prep = self.prep
        group = prep.groups[g]
        taken = {s for s, _ in self.assignment[g]}
        starts = [s for s in group.starts if s not in taken]
        self.rng.shuffle(starts)
        room_costs: dict[int, int] = {}
        best: Position | None = None
        best_cost = 0
        for s in starts:
            if not self.time_ok(g, s):
                continue
            base = self.time_cost(g, s)
            if best is not None and base >= best_cost:
                continue
            campus_costs: dict[int, int] = {}
            for r in group.rooms[s]:
                if not self.room_ok(g, s, r):
                    continue
                if r not in room_costs:
                    room_costs[r] = self.room_cost(g, r)
                campus = prep.room_campus[r]
                if campus not in campus_costs:
                    campus_costs[campus] = self.campus_cost(g, s, campus)
                cost = base + room_costs[r] + campus_costs[campus]
                if best is None or cost < best_cost:
                    best, best_cost = (s, r), cost
        return best

    def try_place(self, g: int, s: int, r: int) -> bool:
        """Place a session at a given position if it is valid there (used for hints)."""
        group = self.prep.groups[g]
        if s not in group.rooms or r not in group.rooms[s]:
            return False
        if any(s == t for t, _ in self.assignment[g]) or len(self.assignment[g]) >= group.size:
            return False
        if not (self.time_ok(g, s) and self.room_ok(g, s, r)):
            return False
        self.place(g, s, r)
        return True


def greedy(
    prep: Prepared,
    weights: Weights,
    *,
    seed: int = 0,
    hint: Mapping[int, list[Position]] | None = None,
    deadline: float | None = None,
) -> Assignment:
    """A timetable placing as many sessions as the greedy rule can (possibly not all)."""
    rng = random.Random(seed)
    state = Greedy(prep, weights, rng)
    if hint:
        for g in sorted(hint):
            for s, r in hint[g]:
                state.try_place(g, s, r)
    options = {
        g.index: sum(len(rooms) for rooms in g.rooms.values()) / max(1, g.size) for g in prep.groups
    }
    order = sorted(
        (g for g in prep.groups if g.size),
        key=lambda g: (g.pin is None, options[g.index], -g.length, rng.random()),
    )
    for group in order:
        for _ in range(group.size - len(state.assignment[group.index])):
            if deadline is not None and time.monotonic() > deadline:
                return state.assignment
            position = state.best_position(group.index)
            if position is None:
                break
            state.place(group.index, *position)
    return state.assignment
