"""A greedy first timetable: place sessions one by one, the hardest first, where they cost least.

Sessions with the fewest possible (time, room) positions go first (pins before everything). Each
takes the valid position with the lowest estimated cost (room overflow, a new room or a day the
course already meets on, discouraged periods, a lone session of a cohort, a campus change), ties
broken by the seeded generator. A session with no valid position left then tries each position
where exactly one placed session is in its way: that session steps aside to its own cheapest
valid position, or the swap is undone. What still does not fit is left out; the search then
calls ``repair``, an iterative forward search: a session that is out takes the position where
the fewest periods of other sessions are in its way, those sessions go out instead, and so on,
with recently placed sessions protected from ejection for a while so the search does not go
round in circles; the state with the fewest sessions out is kept. All this is fast at any size,
which the solver needs for a first timetable within seconds on thousands of sessions.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from .data import Prepared
from .instance import Weights
from .model import Assignment, Position

Placed = tuple[int, int, int]  # (group, start, room)

TABU_STEPS = 10  # a session placed by repair at step n may be ejected again from step n + 10
STALL_STEPS = 1000  # repair gives up after this many steps without fewer sessions out


class Greedy:
    """The occupancy of a partial timetable: checks, estimates, placing and removing sessions."""

    def __init__(self, prep: Prepared, weights: Weights, rng: random.Random) -> None:
        self.prep = prep
        self.weights = weights
        self.rng = rng
        inst = prep.instance
        # slot -> the session there, per faculty member, cohort and room
        self.faculty_at: list[dict[int, Placed]] = [{} for _ in inst.faculty]
        self.cohort_at: list[dict[int, Placed]] = [{} for _ in inst.cohorts]
        self.room_at: list[dict[int, Placed]] = [{} for _ in inst.rooms]
        self.faculty_load: list[Counter[int]] = [Counter() for _ in inst.faculty]
        self.cap_used: Counter[tuple[int, int]] = Counter()
        # day (room) -> sessions of the course then (there); entries at zero are dropped
        self.course_days: list[dict[int, int]] = [{} for _ in inst.courses]
        self.course_rooms: list[dict[int, int]] = [{} for _ in inst.courses]
        self.assignment: Assignment = {g.index: [] for g in prep.groups}
        self.multi_campus = len(prep.campus_ids) > 1
        # Per cohort and day, bit masks over the day's periods: the periods taken, and the
        # first periods of its sessions by length (to count lone sessions with bit operations).
        self.cohort_busy: list[list[int]] = [[0] * prep.days for _ in inst.cohorts]
        self.cohort_starts: list[list[dict[int, int]]] = [
            [{} for _ in range(prep.days)] for _ in inst.cohorts
        ]
        # Per group, the slot maps of its people (faculty, then cohorts), looked up once.
        self.people_at: list[list[dict[int, Placed]]] = [
            [self.faculty_at[f] for f in prep.course_faculty[g.course]]
            + [self.cohort_at[q] for q in prep.course_cohorts[g.course]]
            for g in prep.groups
        ]
        self.cap_key: list[dict[int, tuple[int, int]]] = [
            {
                r: (r, inst.courses[g.course].member)
                for r in prep.static_rooms[g.index]
                if (r, inst.courses[g.course].member) in prep.caps
            }
            for g in prep.groups
        ]

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
            at = self.faculty_at[f]
            if any(t in at for t in cover):
                return False
            fac = inst.faculty[f]
            load = self.faculty_load[f]
            if (
                fac.max_periods_per_day is not None
                and load[day] + group.length > fac.max_periods_per_day
            ):
                return False
            if (
                fac.max_days is not None
                and not load[day]
                and sum(1 for n in load.values() if n) >= fac.max_days
            ):
                return False
        for q in prep.course_cohorts[c]:
            at = self.cohort_at[q]
            if any(t in at for t in cover):
                return False
        return True

    def room_ok(self, g: int, s: int, r: int) -> bool:
        prep = self.prep
        group = prep.groups[g]
        at = self.room_at[r]
        if at and any(t in at for t in range(s, s + group.length)):
            return False
        member = prep.instance.courses[group.course].member
        cap = prep.caps.get((r, member))
        if cap is not None and self.cap_used[(r, member)] + group.length > cap:
            return False
        return not self.multi_campus or self._travel_ok(g, s, prep.room_campus[r])

    def _travel_ok(self, g: int, s: int, campus: int) -> bool:
        return next(self._travel_clashes(g, s, campus), None) is None

    def _travel_clashes(self, g: int, s: int, campus: int) -> Iterator[Placed]:
        """The placed sessions of g's people too close in time at another campus."""
        prep = self.prep
        group = prep.groups[g]
        last = s + group.length - 1
        day_start = s - s % prep.ppd
        for at in self.people_at[g]:
            if not at:
                continue
            for t2, _ in prep.travel_window[last]:
                other = at.get(t2)
                if other is not None and prep.travel_conflict(
                    last, campus, t2, prep.room_campus[other[2]]
                ):
                    yield other
            for t1 in range(day_start, s):
                other = at.get(t1)
                if other is not None and prep.travel_conflict(
                    t1, prep.room_campus[other[2]], s, campus
                ):
                    yield other

    def blockers(self, g: int, s: int, r: int) -> set[Placed]:
        """The placed sessions sharing a person or the room with a session of g at (s, r)."""
        found: set[Placed] = set()
        room = self.room_at[r]
        for t in range(s, s + self.prep.groups[g].length):
            for at in self.people_at[g]:
                other = at.get(t)
                if other is not None:
                    found.add(other)
            other = room.get(t)
            if other is not None:
                found.add(other)
        return found

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
                at = self.cohort_at[q]
                if not ((before >= 0 and before in at) or (after >= 0 and after in at)):
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
        changes = 0
        for at in maps:
            for t in day_slots:
                other = at.get(t)
                if other is not None and prep.room_campus[other[2]] != campus:
                    changes += 1
                    break
        return self.weights.campus_changes * changes

    # ------------------------------------------------------------------ placing
    def _mark(self, g: int, s: int, r: int, sign: int) -> None:
        prep = self.prep
        group = prep.groups[g]
        c = group.course
        length = group.length
        day = prep.slot_day[s]
        room = self.room_at[r]
        if sign > 0:
            entry = (g, s, r)
            for t in range(s, s + length):
                for at in self.people_at[g]:
                    at[t] = entry
                room[t] = entry
        else:
            for t in range(s, s + length):
                for at in self.people_at[g]:
                    del at[t]
                del room[t]
        cohorts = prep.course_cohorts[c]
        if cohorts:
            bit = 1 << (s - day * prep.ppd)
            span = ((1 << length) - 1) * bit
            for q in cohorts:
                starts = self.cohort_starts[q][day]
                if sign > 0:
                    self.cohort_busy[q][day] |= span
                    starts[length] = starts.get(length, 0) | bit
                else:
                    self.cohort_busy[q][day] &= ~span
                    starts[length] &= ~bit
        for f in prep.course_faculty[c]:
            self.faculty_load[f][day] += sign * length
        key = self.cap_key[g].get(r)
        if key is not None:
            self.cap_used[key] += sign * length
        _count(self.course_days[c], day, sign)
        _count(self.course_rooms[c], r, sign)

    def place(self, g: int, s: int, r: int) -> None:
        self._mark(g, s, r, +1)
        self.assignment[g].append((s, r))

    def remove(self, g: int, s: int, r: int) -> None:
        self._mark(g, s, r, -1)
        self.assignment[g].remove((s, r))

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

    def place_by_ejection(
        self, g: int, depth: int = 2, locked: frozenset[Placed] = frozenset()
    ) -> bool:
        """Place one more session of g where one placed session is in the way and can move,
        to its cheapest valid position or, ``depth`` allowing, by moving one in its own way."""
        prep = self.prep
        group = prep.groups[g]
        taken = {s for s, _ in self.assignment[g]}
        options = [(s, r) for s in group.starts if s not in taken for r in group.rooms[s]]
        self.rng.shuffle(options)
        for s, r in options:
            found = self.blockers(g, s, r)
            if len(found) != 1:
                continue
            blocker = next(iter(found))
            h, hs, hr = blocker
            if h == g or blocker in locked or prep.groups[h].pin is not None:
                continue
            self.remove(h, hs, hr)
            if self.time_ok(g, s) and self.room_ok(g, s, r):
                self.place(g, s, r)
                moved = self.best_position(h)
                if moved is not None:
                    self.place(h, *moved)
                    return True
                if depth > 1 and self.place_by_ejection(h, depth - 1, locked | {(g, s, r)}):
                    return True
                self.remove(g, s, r)
            self.place(h, hs, hr)
        return False

    def place_ejecting(
        self, g: int, step: int, placed_at: dict[Placed, int]
    ) -> list[Placed] | None:
        """Place one more session of g by taking out what is in its way; returns what went out,
        or None when no position works (nothing then changes).

        In the way are the sessions sharing a person or the room and those of the same people
        too close in time at another campus. Positions are tried by the periods of sessions in
        the way (random among equals); pinned sessions and those placed by repair in the last
        TABU_STEPS steps stay. The other hard rules (day limits, caps) are checked with the way
        cleared; a position that fails them is passed over.
        """
        prep = self.prep
        group = prep.groups[g]
        taken = {s for s, _ in self.assignment[g]}
        scored: list[tuple[int, float, int, int, set[Placed]]] = []
        rnd = self.rng.random
        for s in group.starts:
            if s in taken:
                continue
            for r in group.rooms[s]:
                found = self.blockers(g, s, r)
                if self.multi_campus:
                    found.update(self._travel_clashes(g, s, prep.room_campus[r]))
                weight = 0
                for x in found:
                    if (
                        x[0] == g
                        or prep.groups[x[0]].pin is not None
                        or placed_at.get(x, -TABU_STEPS) > step - TABU_STEPS
                    ):
                        break
                    weight += prep.groups[x[0]].length
                else:
                    scored.append((weight, rnd(), s, r, found))
        scored.sort(key=lambda option: option[:2])
        for _weight, _tie, s, r, found in scored:
            for x in found:
                self.remove(*x)
            if self.time_ok(g, s) and self.room_ok(g, s, r):
                self.place(g, s, r)
                placed_at[(g, s, r)] = step
                return list(found)
            for x in found:
                self.place(*x)
        return None

    def missing(self) -> list[int]:
        """One entry per session not placed, by group."""
        return [
            g.index for g in self.prep.groups for _ in range(g.size - len(self.assignment[g.index]))
        ]

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
    left: list[int] = []
    for group in order:
        for _ in range(group.size - len(state.assignment[group.index])):
            if deadline is not None and time.monotonic() > deadline:
                return _copy(state.assignment)
            position = state.best_position(group.index)
            if position is None:
                left.append(group.index)
                break
            state.place(group.index, *position)
    for g in left:
        while len(state.assignment[g]) < prep.groups[g].size:
            if deadline is not None and time.monotonic() > deadline:
                return _copy(state.assignment)
            if not state.place_by_ejection(g):
                break
    return _copy(state.assignment)


def repair(
    prep: Prepared,
    weights: Weights,
    assignment: Mapping[int, list[Position]],
    *,
    seed: int,
    deadline: float,
    stopped: Callable[[], bool] = lambda: False,
) -> Assignment:
    """Place the sessions ``assignment`` leaves out, ejecting others, until all are placed, the
    deadline, ``stopped()`` or STALL_STEPS steps without progress (what only pins, caps or day
    limits keep out cannot be placed by ejecting); returns the timetable with the fewest
    sessions out seen (see the module docstring). A session out goes back in at its cheapest
    free position when there is one."""
    state = Greedy(prep, weights, random.Random(seed))
    for g, positions in assignment.items():
        for s, r in positions:
            state.place(g, s, r)
    out = state.missing()
    best, fewest = _copy(state.assignment), len(out)
    placed_at: dict[Placed, int] = {}
    step = last = 0
    while out and step - last < STALL_STEPS and time.monotonic() < deadline and not stopped():
        step += 1
        g = out.pop(int(state.rng.random() * len(out)))
        position = state.best_position(g)
        if position is not None:
            state.place(g, *position)
            placed_at[(g, *position)] = step
        else:
            ejected = state.place_ejecting(g, step, placed_at)
            if ejected is None:  # stuck for now (what is in the way is protected)
                out.append(g)
                continue
            out.extend(x[0] for x in ejected)
        if len(out) < fewest:
            best, fewest, last = _copy(state.assignment), len(out), step
    return best


def _count(counts: dict[int, int], key: int, sign: int) -> None:
    n = counts.get(key, 0) + sign
    if n:
        counts[key] = n
    else:
        del counts[key]


def _copy(assignment: Assignment) -> Assignment:
    return {g: list(ps) for g, ps in assignment.items()}
