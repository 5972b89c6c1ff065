"""Simulated annealing over moves, swaps and Kempe chains, with exact incremental costs.

The large-neighbourhood search repairs a few dozen sessions at a time with CP-SAT, which takes a
tenth of a second or so per repair. Many improvements need only one session to move, or two to
trade places; this local search tries tens of thousands of those per second, in pure Python, on
its own copy of the timetable. Each move is checked against every hard rule (clashes from the
occupancy maps; day limits, lending caps and travel, where the instance has them, with the
sessions lifted, by the same checks as the greedy start) and priced before anything is applied
(``_delta``), from what it touches: the course's days and rooms (counts), the session's room
overflow and preference periods, the day of each of its cohorts (lone sessions, from bit masks of
busy periods), the day of each of its people (campus changes) and the group's reference
positions. A move is applied only once accepted (the limit checks and Kempe chains place sessions
for a moment while checking). Worse moves are accepted with the usual probability
exp(-delta / temperature).
"""

from __future__ import annotations

import functools
import logging
import math
import random
import time
from collections.abc import Callable, Container, Mapping

from .cost import lower_bound
from .data import Prepared
from .greedy import Greedy, Placed
from .instance import Weights
from .model import Assignment, Position

log = logging.getLogger(__name__)

# Temperatures in weighted cost units: a lone session costs 2, a missing day 5 with ITC weights.
# Starting at 4, not 2: once moves aim at the main room (OWN_ROOM_SHARE), the cold end needs less
# of the time, and the hotter start keeps comp05 out of the basins a start at 2 is caught in by
# 30 s (seeds 0-4 at 156 s: mean 333.0, against 351.2 at 2 on a faster machine of the kind),
# with every other instance still below the ITC2007 winner's mean (README). Before the main room,
# a start at 4 cost comp01 (5.4 against 5.0) and comp07 (28.4 against 19.2).
# benchmarks/temperature.py compares schedules on single chains. Ending warmer (0.2 instead of
# 0.05) costs comp07: single chains of 156 s ended at 43 and 32 instead of 19 and 14 (README).
T_START = 4.0
T_END = 0.05
CHUNK = 500  # moves between looks at the clock and the stop flag
PUBLISH_S = 0.05  # at most this often a copy of a new best is taken and published
SYNC_S = 0.5  # how often a chain asks whether a better timetable was found elsewhere
KEMPE_SHARE = 0.1  # of the moves tried, the share that are Kempe-chain swaps
KEMPE_MAX = 12  # sessions in a chain at most
# Of the moves, the share that try the room the course uses most (where the session fits it)
# instead of a random one: room stability is mostly lost by single sessions in odd rooms, and a
# random room is rarely the one that brings them back. At 156 s, seeds 0-4, every instance
# ended lower with it than without it on a faster machine (comp07 21.2 against 29.4, comp05
# 351.2 against 362.8; README). Aimed also where the room is too small, comp05 lost (374.4):
# a large course stayed out of the one room that fits it.
OWN_ROOM_SHARE = 0.5
LONE_TABLE_PPD = 16  # periods per day up to which lone sessions are counted from a table


class Annealer:
    """A timetable under moves, swaps and Kempe chains, with its exact weighted cost."""

    def __init__(
        self, prep: Prepared, weights: Weights, assignment: Mapping[int, list[Position]], seed: int
    ) -> None:
        self.prep = prep
        self.weights = weights
        self.rng = random.Random(seed)
        self.state = Greedy(prep, weights, self.rng)
        for g, positions in assignment.items():
            for s, r in positions:
                self.state.place(g, s, r)
        self.placed: list[Placed] = [
            (g, s, r) for g, positions in self.state.assignment.items() for s, r in positions
        ]
        self.index = {p: i for i, p in enumerate(self.placed)}
        self.movable = [
            i for i, (g, _s, _r) in enumerate(self.placed) if prep.groups[g].pin is None
        ]
        self.refs = {
            g: {(s, r) for s, r, _ in refs if r >= 0} for g, refs in prep.reference.items()
        }
        inst = prep.instance
        self.limits = (
            bool(prep.caps)
            or len(prep.campus_ids) > 1
            or any(
                f.max_periods_per_day is not None or f.max_days is not None for f in inst.faculty
            )
        )
        # Moves are priced without applying them (``_delta``); False prices them the reference
        # way, applied, priced with ``_local`` and undone (tests compare the two).
        self.fast = True
        # When every session is one period long, a cohort day's lone sessions depend on its
        # busy periods alone: a table by bit mask answers (ITC2007 instances are all like that).
        self.lone_table: list[int] | None = None
        if all(g.length == 1 for g in prep.groups) and prep.ppd <= LONE_TABLE_PPD:
            self.lone_table = _lone_table(prep.ppd)
        self.cost = self.total()
        self.moves = 0

    # ------------------------------------------------------------------ costs
    def total(self) -> int:
        """The whole weighted cost, from scratch."""
        prep = self.prep
        cost = 0
        for c in range(len(prep.instance.courses)):
            cost += self._course_cost(c)
        for g, positions in self.state.assignment.items():
            for s, r in positions:
                cost += self._session_cost(g, s, r)
            cost += self._moved_cost(g)
        for q in range(len(prep.instance.cohorts)):
            for d in range(prep.days):
                cost += self._cohort_day_cost(q, d)
        if self._campus_on():
            for kind, people in (("f", prep.instance.faculty), ("q", prep.instance.cohorts)):
                for p in range(len(people)):
                    for d in range(prep.days):
                        cost += self._campus_cost(kind, p, d)
        return cost

    def _campus_on(self) -> bool:
        return self.weights.campus_changes > 0 and len(self.prep.campus_ids) > 1

    def _session_cost(self, g: int, s: int, r: int) -> int:
        prep = self.prep
        w = self.weights
        return (
            w.room_capacity * prep.overflow[g].get(r, 0)
            + w.discouraged * prep.discouraged[g].get(s, 0)
            + w.not_preferred * prep.not_preferred[g].get(s, 0)
        )

    def _course_cost(self, c: int) -> int:
        used_days = len(self.state.course_days[c])
        used_rooms = len(self.state.course_rooms[c])
        if not used_rooms:
            return 0
        missing = max(0, self.prep.instance.courses[c].min_days - used_days)
        return self.weights.min_days * missing + self.weights.room_stability * (used_rooms - 1)

    def _moved_cost(self, g: int) -> int:
        refs = self.prep.reference.get(g)
        if not refs or not self.weights.moved:
            return 0
        wanted = self.refs[g]
        kept = sum(1 for p in self.state.assignment[g] if p in wanted)
        return self.weights.moved * (len(refs) - kept)

    def _cohort_day_cost(self, q: int, day: int) -> int:
        """Weighted lone sessions of a cohort on a day: sessions whose period before and
        period after (within the day) are free, counted on the cohort's bit masks."""
        if not self.weights.isolated:
            return 0
        busy = self.state.cohort_busy[q][day]
        if not busy:
            return 0
        free_before = ~(busy << 1)
        lone = 0
        for length, starts in self.state.cohort_starts[q][day].items():
            if starts:
                lone += (starts & free_before & ~(busy >> length)).bit_count()
        return self.weights.isolated * lone

    def _campus_cost(
        self,
        kind: str,
        person: int,
        day: int,
        gone: Container[Placed] = (),
        added: Mapping[int, Placed] | None = None,
    ) -> int:
        """Weighted campus changes of a faculty member ("f") or cohort ("q") on a day; as if
        the sessions in ``gone`` had left and those in ``added`` (by slot) had come, if given."""
        prep = self.prep
        at = (self.state.faculty_at if kind == "f" else self.state.cohort_at)[person]
        first = day * prep.ppd
        changes = 0
        last = None
        seen: set[Placed] = set()
        for t in range(first, first + prep.ppd):
            entry = at.get(t)
            if entry in gone:
                entry = None
            if added:
                entry = added.get(t, entry)
            if entry is None or entry in seen:
                continue
            seen.add(entry)
            campus = prep.room_campus[entry[2]]
            if last is not None and campus != last:
                changes += 1
            last = campus
        return self.weights.campus_changes * changes

    def _delta(self, moves: list[tuple[Placed, Placed]]) -> int:
        """The cost change of moving sessions from old to new positions, nothing applied: the
        same terms as ``_local``, from counts, bit masks and the people's days as they would
        be. The moves together must leave no clash (a swap is two moves)."""
        prep = self.prep
        w = self.weights
        state = self.state
        ppd = prep.ppd
        slot_day = prep.slot_day
        delta = 0
        days: dict[int, dict[int, int]] = {}  # course -> day -> change in sessions
        rooms: dict[int, dict[int, int]] = {}  # course -> room -> change in sessions
        # (cohort, day) -> [bits off, bits on, {length: (start bits off, start bits on)}]
        masks: dict[tuple[int, int], list] = {}
        # ("f" or "q", person, day) -> slot -> session arriving there, for campus changes
        person_days: dict[tuple[str, int, int], dict[int, Placed]] = {}
        campus = self._campus_on()
        for (g, s, r), new in moves:
            s2, r2 = new[1], new[2]
            group = prep.groups[g]
            c = group.course
            delta += self._session_cost(g, s2, r2) - self._session_cost(g, s, r)
            if w.moved and g in self.refs:
                wanted = self.refs[g]
                delta += w.moved * (((s, r) in wanted) - ((s2, r2) in wanted))
            day, day2 = slot_day[s], slot_day[s2]
            if day != day2:
                change = days.setdefault(c, {})
                change[day] = change.get(day, 0) - 1
                change[day2] = change.get(day2, 0) + 1
            if r != r2:
                change = rooms.setdefault(c, {})
                change[r] = change.get(r, 0) - 1
                change[r2] = change.get(r2, 0) + 1
            if campus:
                people = [("f", f) for f in prep.course_faculty[c]]
                people += [("q", q) for q in prep.course_cohorts[c]]
                for kind, p in people:
                    person_days.setdefault((kind, p, day), {})
                    arriving = person_days.setdefault((kind, p, day2), {})
                    for t in range(s2, s2 + group.length):
                        arriving[t] = new
            if w.isolated and self.lone_table is not None:
                for q in prep.course_cohorts[c]:
                    for slot, day_, on in ((s, day, False), (s2, day2, True)):
                        entry = masks.get((q, day_))
                        if entry is None:
                            entry = masks[(q, day_)] = [0, 0, None]
                        entry[on] |= 1 << (slot - day_ * ppd)
            elif w.isolated:
                length = group.length
                full = (1 << length) - 1
                for q in prep.course_cohorts[c]:
                    for slot, day_, on in ((s, day, False), (s2, day2, True)):
                        bit = 1 << (slot - day_ * ppd)
                        entry = masks.get((q, day_))
                        if entry is None:
                            entry = masks[(q, day_)] = [0, 0, {}]
                        pair = entry[2].get(length, (0, 0))
                        if on:
                            entry[1] |= full * bit
                            entry[2][length] = (pair[0], pair[1] | bit)
                        else:
                            entry[0] |= full * bit
                            entry[2][length] = (pair[0] | bit, pair[1])
        for c, change in days.items():
            now = state.course_days[c]
            used = len(now)
            used2 = used + sum((now.get(k, 0) + n > 0) - (k in now) for k, n in change.items())
            min_days = prep.instance.courses[c].min_days
            delta += w.min_days * (max(0, min_days - used2) - max(0, min_days - used))
        for c, change in rooms.items():
            now = state.course_rooms[c]
            delta += w.room_stability * sum(
                (now.get(k, 0) + n > 0) - (k in now) for k, n in change.items()
            )
        lone = 0
        table = self.lone_table
        for (q, day), (off, on, by_length) in masks.items():
            busy = state.cohort_busy[q][day]
            if table is not None:
                lone += table[(busy & ~off) | on] - table[busy]
                continue
            starts = state.cohort_starts[q][day]
            lone -= _lone(busy, starts)
            after = dict(starts)
            for length, (start_off, start_on) in by_length.items():
                after[length] = (after.get(length, 0) & ~start_off) | start_on
            lone += _lone((busy & ~off) | on, after)
        if person_days:
            gone = {old for old, _ in moves}
            for (kind, p, day), arriving in person_days.items():
                delta += self._campus_cost(kind, p, day, gone, arriving)
                delta -= self._campus_cost(kind, p, day)
        return delta + w.isolated * lone

    def _local(self, touched: list[Placed]) -> int:
        """The cost of everything the given sessions (old or new positions) affect."""
        prep = self.prep
        courses: set[int] = set()
        cohort_days: set[tuple[int, int]] = set()
        person_days: set[tuple[str, int, int]] = set()
        groups: set[int] = set()
        cost = 0
        campus = self._campus_on()
        for g, s, _r in touched:
            c = prep.groups[g].course
            courses.add(c)
            groups.add(g)
            day = prep.slot_day[s]
            for q in prep.course_cohorts[c]:
                cohort_days.add((q, day))
                if campus:
                    person_days.add(("q", q, day))
            if campus:
                for f in prep.course_faculty[c]:
                    person_days.add(("f", f, day))
        for g, s, r in touched:
            if (s, r) in self.state.assignment[g]:
                cost += self._session_cost(g, s, r)
        for c in courses:
            cost += self._course_cost(c)
        for g in groups:
            cost += self._moved_cost(g)
        for q, d in cohort_days:
            cost += self._cohort_day_cost(q, d)
        for kind, p, d in person_days:
            cost += self._campus_cost(kind, p, d)
        return cost

    # ------------------------------------------------------------------ moves
    def try_move(self, temperature: float) -> int | None:
        """One random move or swap; returns the cost change if taken, else None."""
        if not self.movable:
            return None
        prep = self.prep
        state = self.state
        rnd = self.rng.random
        i = self.movable[int(rnd() * len(self.movable))]
        me = self.placed[i]
        g, s, r = me
        group = prep.groups[g]
        starts = group.starts
        s2 = starts[int(rnd() * len(starts))]
        rooms = group.rooms[s2]
        r2 = rooms[int(rnd() * len(rooms))]
        if (
            self.weights.room_stability
            and (used := state.course_rooms[group.course])
            and rnd() < OWN_ROOM_SHARE
        ):
            # deterministic on a tie: undoing a move must not change which room is chosen
            own = next(iter(used)) if len(used) == 1 else min(used, key=lambda q: (-used[q], q))
            if own in rooms and not prep.overflow[g].get(own, 0):
                r2 = own
        if s2 == s and r2 == r:
            return None
        if s2 != s and group.size > 1 and any(t == s2 for t, _ in state.assignment[g]):
            return None
        self.moves += 1
        new = (g, s2, r2)
        blockers = state.blockers(g, s2, r2)
        blockers.discard(me)
        if not blockers:
            if self.limits:  # day limits, caps or travel: check with the session lifted
                state.remove(g, s, r)
                ok = state.time_ok(g, s2) and state.room_ok(g, s2, r2)
                state.place(g, s, r)
                if not ok:
                    return None
            return self._take([(me, new)], temperature)
        if len(blockers) != 1:
            return None
        # A swap: the one session in the way takes this session's place, if it can.
        other = next(iter(blockers))
        h, hs, hr = other
        hgroup = prep.groups[h]
        if (
            h == g
            or hgroup.pin is not None
            or hgroup.length != group.length
            or hs != s2
            or s not in hgroup.rooms
            or r not in hgroup.rooms[s]
            or (s != hs and hgroup.size > 1 and any(t == s for t, _ in state.assignment[h]))
        ):
            return None
        length = group.length
        apart = s == s2 or prep.slot_day[s] != prep.slot_day[s2] or abs(s - s2) >= length
        if apart and not self.limits:
            # The two new positions do not overlap in time (or only the rooms trade): the
            # swap is valid when nothing else is where the other session goes.
            found = state.blockers(h, s, r)
            found.discard(me)
            found.discard(other)
            if found:
                return None
        else:  # check every rule with both sessions lifted
            state.remove(g, s, r)
            state.remove(h, hs, hr)
            ok = (
                state.time_ok(g, s2)
                and state.room_ok(g, s2, r2)
                and self._place_checked(g, s2, r2, h, s, r)
            )
            if ok:
                state.remove(g, s2, r2)
                state.remove(h, s, r)
            state.place(g, s, r)
            state.place(h, hs, hr)
            if not ok:
                return None
        return self._take([(me, new), (other, (h, s, r))], temperature)

    def try_kempe(self, temperature: float) -> int | None:
        """Swap two slots' sessions along a Kempe chain; returns the cost change if taken.

        From a random one-period session and another slot it could start in, the chain takes
        every session in either slot that shares a faculty member or cohort with a session
        already in it; the chain's sessions in the first slot move to the second and the other
        way round, keeping their rooms where they can and fit (else the free suitable room they
        overflow least).
        """
        if not self.movable:
            return None
        prep = self.prep
        state = self.state
        rnd = self.rng.random
        me = self.placed[self.movable[int(rnd() * len(self.movable))]]
        g, s, _r = me
        group = prep.groups[g]
        if group.length != 1 or len(group.starts) < 2:
            return None
        s2 = group.starts[int(rnd() * len(group.starts))]
        if s2 == s:
            return None
        chain = {me: s2}
        frontier = [me]
        while frontier:
            x = frontier.pop()
            xg, xs, _xr = x
            target = chain[x]
            for at in state.people_at[xg]:
                y = at.get(target)
                if y is not None and y not in chain:
                    if len(chain) >= KEMPE_MAX or y not in self.index:
                        return None
                    chain[y] = xs
                    frontier.append(y)
        for (yg, _ys, _yr), target in chain.items():
            ygroup = prep.groups[yg]
            if ygroup.length != 1 or ygroup.pin is not None or target not in ygroup.rooms:
                return None
        self.moves += 1
        moves: list[tuple[Placed, Placed]] = []  # (old, new) of each chain member placed
        for x in chain:
            state.remove(*x)
        ok = True
        for x, target in chain.items():
            xg, _xs, xr = x
            rooms = prep.groups[xg].rooms[target]
            overflow = prep.overflow[xg]
            choice = None
            if xr in rooms and target not in state.room_at[xr] and not overflow.get(xr, 0):
                choice = xr
            else:  # the free room it overflows least, its own on a tie
                free = [q for q in rooms if target not in state.room_at[q]]
                if free:
                    choice = min(free, key=lambda q: (overflow.get(q, 0), q != xr))
            if (
                choice is None
                or any(t == target for t, _ in state.assignment[xg])  # one start per group
                or not state.time_ok(xg, target)
                or not state.room_ok(xg, target, choice)
            ):
                ok = False
                break
            state.place(xg, target, choice)
            moves.append((x, (xg, target, choice)))
        # Back to where the chain was; then price the swap, and make it if accepted.
        for _, new in moves:
            state.remove(*new)
        for x in chain:
            state.place(*x)
        if not ok:
            return None
        return self._take(moves, temperature)

    def _take(self, moves: list[tuple[Placed, Placed]], temperature: float) -> int | None:
        """Price moves known to be valid and make them if accepted; the cost change if taken."""
        if self.fast:
            delta = self._delta(moves)
        else:  # the reference way: apply, price what they touch, undo
            touched = [p for pair in moves for p in pair]
            before = self._local(touched)
            self._apply(moves)
            delta = self._local(touched) - before
            self._apply([(new, old) for old, new in moves])
        if not self._accept(delta, temperature):
            return None
        self._apply(moves)
        slots = [self.index.pop(old) for old, _ in moves]
        for i, (_, new) in zip(slots, moves, strict=True):
            self.placed[i] = new
            self.index[new] = i
        self.cost += delta
        return delta

    def _apply(self, moves: list[tuple[Placed, Placed]]) -> None:
        """Take every old position out, then put every new one in."""
        for old, _ in moves:
            self.state.remove(*old)
        for _, new in moves:
            self.state.place(*new)

    def _place_checked(self, g: int, s: int, r: int, h: int, hs: int, hr: int) -> bool:
        """Place g at (s, r), then h at (hs, hr) if valid; on failure leave neither placed."""
        state = self.state
        state.place(g, s, r)
        if state.time_ok(h, hs) and state.room_ok(h, hs, hr):
            state.place(h, hs, hr)
            return True
        state.remove(g, s, r)
        return False

    def _accept(self, delta: int, temperature: float) -> bool:
        if delta <= 0:
            return True
        if temperature <= 0:
            return False
        return self.rng.random() < math.exp(-delta / temperature)

    def assignment(self) -> Assignment:
        return {g: list(ps) for g, ps in self.state.assignment.items()}


@functools.cache
def _lone_table(ppd: int) -> list[int]:
    """Lone one-period sessions by the day's busy-period mask (shared: read only)."""
    return [(m & ~(m << 1) & ~(m >> 1)).bit_count() for m in range(1 << ppd)]


def _lone(busy: int, starts: dict[int, int]) -> int:
    """Lone sessions on a cohort's day with periods ``busy`` and start masks ``starts`` (by
    session length): the period before and the period after are free."""
    if not busy:
        return 0
    free_before = ~(busy << 1)
    lone = 0
    for length, mask in starts.items():
        if mask:
            lone += (mask & free_before & ~(busy >> length)).bit_count()
    return lone


def temperature(progress: float, t_start: float = T_START, t_end: float = T_END) -> float:
    """Geometric cooling from ``t_start`` to ``t_end`` as progress goes from 0 to 1."""
    progress = min(1.0, max(0.0, progress))
    return t_start * (t_end / t_start) ** progress


def anneal_loop(
    prep: Prepared,
    weights: Weights,
    assignment: Mapping[int, list[Position]],
    seed: int,
    *,
    start: float,
    deadline: float,
    stopped: Callable[[], bool],
    publish: Callable[[int, Assignment], None],
    better: Callable[[int], tuple[int, Assignment] | None],
    adopt_after: float = 0.0,
    t_start: float = T_START,
    t_end: float = T_END,
) -> tuple[int, Assignment]:
    """Anneal from ``assignment`` until the deadline or ``stopped()``; return the best found.

    The temperature follows the clock from ``start`` to ``deadline``, cooling from ``t_start`` to
    ``t_end``. ``publish(cost, timetable)`` receives new bests (a copy at most every PUBLISH_S
    seconds, and the last one at the end). Every SYNC_S seconds, once ``adopt_after`` of the time
    has gone, ``better(best)`` may hand back a cheaper timetable found elsewhere, and the chain
    continues from it.
    """
    rng = random.Random(seed)
    floor = lower_bound(prep, weights)  # a chain at this cost cannot improve
    annealer = Annealer(prep, weights, assignment, rng.randrange(1 << 30))
    # best: the cost to beat (the chain is on it while pending); kept: the cost of best_copy
    best = kept = annealer.cost
    best_copy = annealer.assignment()
    span = max(1e-3, deadline - start)
    last_copy = last_sync = time.monotonic()
    pending = False
    while not stopped():
        now = time.monotonic()
        if now >= deadline:
            break
        heat = temperature((now - start) / span, t_start, t_end)
        for _ in range(CHUNK):
            step = annealer.try_kempe if rng.random() < KEMPE_SHARE else annealer.try_move
            if step(heat) is None:
                continue
            if annealer.cost < best:
                best = annealer.cost
                pending = True
                if time.monotonic() - last_copy > PUBLISH_S:
                    best_copy, kept = annealer.assignment(), best
                    publish(kept, best_copy)
                    last_copy, pending = time.monotonic(), False
            elif pending and annealer.cost > best:
                # Moved off a best that was not copied (publishing is rationed): what is
                # published and returned must be what it costs, so the best becomes the last
                # copy, or where the chain is now if that is still cheaper.
                if annealer.cost < kept:
                    best = annealer.cost
                else:
                    best, pending = kept, False
        now = time.monotonic()
        if pending:  # the chain is still on its uncopied best
            best_copy, kept = annealer.assignment(), best
            publish(kept, best_copy)
            last_copy, pending = now, False
        if now - last_sync > SYNC_S and (now - start) / span >= adopt_after:
            last_sync = now
            found = better(best)
            if found is not None and found[0] < best:
                best = kept = found[0]
                best_copy = {g: list(p) for g, p in found[1].items()}
                annealer = Annealer(prep, weights, best_copy, rng.randrange(1 << 30))
                pending = False
        if best <= floor:
            break
    publish(kept, best_copy)
    log.debug("annealing chain: %d moves tried, best %d", annealer.moves, kept)
    return kept, best_copy
