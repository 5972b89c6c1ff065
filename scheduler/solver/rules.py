"""The rules of a timetable, one function each: hard rules add constraints, soft rules return terms.

Every function takes the ``ModelBuilder`` (its variables ``x``/``y``, candidate starts and rooms,
and ``ctx``: what the sessions held fixed around a neighbourhood occupy) and states its rule in
its docstring. Hard rules that availability and features already enforce by filtering (see
``data.py``) only act in explain mode, where those filters are replaced by switchable constraints.
Soft rules return unweighted penalty terms; ``ModelBuilder.build`` applies ``instance.weights``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

if TYPE_CHECKING:
    from .model import Literal, ModelBuilder, Penalty

PERSON_KINDS = ("faculty", "cohort")


# ---------------------------------------------------------------------------------- hard rules
def place_every_session(b: ModelBuilder) -> list[cp_model.Constraint]:
    """Every session is placed exactly once, in exactly one room.

    While a first timetable is being completed, the groups in ``b.missing`` may leave up to that
    many sessions unplaced; each costs ``UNPLACED_COST`` (see ``unplaced_terms``).
    """
    out = []
    for g, count in b.free.items():
        if count <= 0:
            continue
        starts = b.starts_of.get(g, [])
        placed = sum(b.x[(g, s)] for s in starts)
        optional = min(count, b.missing.get(g, 0))
        if optional:
            out.append(b.model.add(placed >= count - optional))
            out.append(b.model.add(placed <= count))
            b.unplaced.append((count, placed))
        else:
            out.append(b.model.add(placed == count))
        for s in starts if b.with_rooms else ():
            rooms = b.rooms_of[(g, s)]
            if len(rooms) > 1:
                lits = [b.y[(g, s, r)] for r in rooms]
                out.append(b.model.add(sum(lits) == b.x[(g, s)]))
    return out


def _person_clash(b: ModelBuilder, kind: str) -> None:
    for person, by_slot in enumerate(b.person_terms(kind)):
        for lits in by_slot.values():
            b.at_most_one(lits, (f"{kind}_clash", person))


def faculty_clash(b: ModelBuilder) -> None:
    """A faculty member teaches at most one session at a time (all periods of a session count)."""
    _person_clash(b, "faculty")


def cohort_clash(b: ModelBuilder) -> None:
    """A cohort attends at most one session at a time."""
    _person_clash(b, "cohort")


def room_clash(b: ModelBuilder) -> None:
    """A room holds at most one session at a time."""
    if not b.with_rooms:
        return
    by_room_slot: dict[tuple[int, int], list[Literal]] = defaultdict(list)
    groups = b.prep.groups
    for (g, s, r), lit in b.y.items():
        for t in range(s, s + groups[g].length):
            by_room_slot[(r, t)].append(lit)
    for (r, _t), lits in by_room_slot.items():
        b.at_most_one(lits, ("room_clash", r))


def room_supply(b: ModelBuilder) -> None:
    """Time-only model: in every slot, the sessions that can only use a set of rooms fit in it.

    This is Hall's condition for each distinct set of usable rooms and for all rooms together, so
    a time-only solution usually admits a room assignment (exactly so when all sessions may use
    the same rooms, as in ITC2007).
    """
    if b.with_rooms:
        return
    prep = b.prep
    pools = {frozenset(prep.static_rooms[g]) for g in b.starts_of}
    if pools:
        pools.add(frozenset().union(*pools))
    busy = b.ctx.room
    unavailable = [room.unavailable for room in prep.instance.rooms]
    for pool in pools:
        members = [g for g in b.starts_of if pool.issuperset(prep.static_rooms[g])]
        by_slot: dict[int, list[Literal]] = defaultdict(list)
        for g in members:
            for s in b.starts_of[g]:
                for t in range(s, s + prep.groups[g].length):
                    by_slot[t].append(b.x[(g, s)])
        for t, lits in by_slot.items():
            free = sum(1 for r in pool if t not in busy[r] and t not in unavailable[r])
            if len(lits) > free:
                b.model.add(sum(lits) <= free)


def availability(b: ModelBuilder) -> None:
    """No session in a period its faculty, its course or its room is unavailable (explain mode)."""
    if not b.explain:
        return  # data.prepare already left those combinations out
    for (g, s), keys in b.prep.blocked_start.items():
        lit = b.x.get((g, s))
        if lit is not None:
            for key in keys:
                b.model.add_implication(b.switch(key)[0], lit.Not())
    for (g, s, r), keys in b.prep.blocked_room.items():
        lit = b.y.get((g, s, r))
        if lit is not None:
            for key in keys:
                b.model.add_implication(b.switch(key)[0], lit.Not())


def pins(b: ModelBuilder) -> None:
    """A pinned session is at its pinned time (and room, if one is pinned) (explain mode)."""
    if not b.explain:
        return  # data.prepare only offers the pinned start and room
    prep = b.prep
    grid = prep.instance.grid
    room_index = {room.id: i for i, room in enumerate(prep.instance.rooms)}
    for group in prep.groups:
        pin = group.pin
        if pin is None:
            continue
        enforce = b.switch(("pin", group.sessions[0]))[0]
        slot = grid.slot(pin.day, pin.period) if 0 <= pin.period < prep.ppd else -1
        lit = b.x.get((group.index, slot))
        if pin.room is not None and lit is not None:
            lit = b.y.get((group.index, slot, room_index.get(pin.room, -1)))
        if lit is None:
            b.model.add_bool_or([enforce.Not()])
        else:
            b.model.add_implication(enforce, lit)


def faculty_max_per_day(b: ModelBuilder) -> None:
    """A faculty member teaches at most their maximum number of periods in a day."""
    prep = b.prep
    for f, fac in enumerate(prep.instance.faculty):
        limit = fac.max_periods_per_day
        if limit is None:
            continue
        by_day: dict[int, list[tuple[int, Literal]]] = defaultdict(list)
        for g in prep.groups_of_faculty[f]:
            length = prep.groups[g].length
            for s in b.starts_of.get(g, ()):
                by_day[prep.slot_day[s]].append((length, b.x[(g, s)]))
        for day, terms in by_day.items():
            room = limit - b.ctx.faculty_load[f].get(day, 0)
            if sum(length for length, _ in terms) <= room:
                continue
            ct = b.model.add(sum(length * lit for length, lit in terms) <= room)
            ct.only_enforce_if(b.switch(("max_per_day", f)))


def faculty_max_days(b: ModelBuilder) -> None:
    """A faculty member teaches on at most their maximum number of days."""
    prep = b.prep
    for f, fac in enumerate(prep.instance.faculty):
        limit = fac.max_days
        if limit is None:
            continue
        fixed_days = b.ctx.faculty_days[f]
        by_day: dict[int, list[Literal]] = defaultdict(list)
        for g in prep.groups_of_faculty[f]:
            for s in b.starts_of.get(g, ()):
                day = prep.slot_day[s]
                if day not in fixed_days:
                    by_day[day].append(b.x[(g, s)])
        if len(by_day) + len(fixed_days) <= limit:
            continue
        used = []
        for day, lits in by_day.items():
            teaches = b.model.new_bool_var(f"fday{f}_{day}")
            for lit in lits:
                b.model.add_implication(lit, teaches)
            used.append(teaches)
        ct = b.model.add(sum(used) <= limit - len(fixed_days))
        ct.only_enforce_if(b.switch(("max_days", f)))


def lab_caps(b: ModelBuilder) -> None:
    """A member uses a room lent to it for at most its cap of periods per week."""
    if not b.with_rooms:
        return
    prep = b.prep
    courses = prep.instance.courses
    terms: dict[tuple[int, int], list[tuple[int, Literal]]] = defaultdict(list)
    for (g, _s, r), lit in b.y.items():
        group = prep.groups[g]
        key = (r, courses[group.course].member)
        if key in prep.caps:
            terms[key].append((group.length, lit))
    for (r, member), items in terms.items():
        room = prep.caps[(r, member)] - b.ctx.cap_used.get((r, member), 0)
        if sum(length for length, _ in items) <= room:
            continue
        ct = b.model.add(sum(length * lit for length, lit in items) <= room)
        ct.only_enforce_if(b.switch(("lab_cap", r, member)))


def travel(b: ModelBuilder) -> None:
    """Between two sessions of a person on one day at different campuses, the gap covers travel."""
    prep = b.prep
    model = b.model
    for kind in PERSON_KINDS:
        count = len(prep.instance.faculty if kind == "faculty" else prep.instance.cohorts)
        for person in range(count):
            if len(b.campuses_of(kind, person)) < 2:
                continue
            presence = b.campus_presence(kind, person)
            enforce = b.switch((f"travel_{kind}", person))
            for t1, by_campus in presence.items():
                for t2, gap in prep.travel_window[t1]:
                    later = presence.get(t2)
                    if not later:
                        continue
                    for k1, a in by_campus.items():
                        clash = [
                            lit
                            for k2, lit in later.items()
                            if k2 != k1 and prep.travel[k1][k2] > gap
                        ]
                        if not clash or all(isinstance(v, int) for v in (a, *clash)):
                            continue  # fixed sessions are consistent among themselves
                        if b.explain:
                            for lit in clash:
                                model.add(a + lit <= 1).only_enforce_if(enforce)
                        else:
                            # At most one campus per slot, so the sum form is exact and tighter.
                            model.add(a + sum(clash) <= 1)


HARD: tuple[Callable[[ModelBuilder], object], ...] = (
    place_every_session,
    faculty_clash,
    cohort_clash,
    room_clash,
    room_supply,
    availability,
    pins,
    faculty_max_per_day,
    faculty_max_days,
    lab_caps,
    travel,
)


# ---------------------------------------------------------------------------------- soft rules
def _penalty() -> Penalty:
    from .model import Penalty

    return Penalty()


def room_capacity(b: ModelBuilder) -> Penalty:
    """Each student above a room's capacity costs one point per session."""
    out = _penalty()
    overflow = b.prep.overflow
    for (g, _s, r), lit in b.y.items():
        over = overflow[g].get(r)
        if over:
            out.terms.append((over, lit))
    return out


def min_days(b: ModelBuilder) -> Penalty:
    """A course meets on at least its minimum number of distinct days; each missing day costs."""
    out = _penalty()
    prep = b.prep
    model = b.model
    touched = {prep.groups[g].course for g in b.starts_of}
    for c in sorted(touched):
        fixed_days = b.ctx.course_days[c]
        need = prep.instance.courses[c].min_days - len(fixed_days)
        if need <= 0:
            continue
        by_day: dict[int, list[Literal]] = defaultdict(list)
        for g in prep.groups_of_course[c]:
            for s in b.starts_of.get(g, ()):
                day = prep.slot_day[s]
                if day not in fixed_days:
                    by_day[day].append(b.x[(g, s)])
        used = []
        for day, lits in sorted(by_day.items()):
            meets = model.new_bool_var(f"cday{c}_{day}")
            model.add(meets <= sum(lits))
            used.append(meets)
        missing = model.new_int_var(0, need, f"missing{c}")
        model.add(missing >= need - sum(used))
        out.terms.append((1, missing))
    return out


def isolated(b: ModelBuilder) -> Penalty:
    """A cohort's session with no session of that cohort just before or just after it costs.

    Counted per cohort and per session, as ITC2007 counts curriculum compactness per lecture.
    A multi-period session counts once, like a one-period one: its own periods are not each
    other's neighbours, and it is isolated when the period before its first and the period after
    its last hold nothing of the cohort (or fall outside the day).
    """
    out = _penalty()
    prep = b.prep
    model = b.model
    ppd = prep.ppd
    groups = prep.groups
    terms = b.person_terms("cohort")
    touched = {q for g in b.starts_of for q in prep.course_cohorts[groups[g].course]}
    for q in sorted(touched):
        fixed_busy = b.ctx.cohort[q]
        by_slot = terms[q]

        cache: dict[int, cp_model.LinearExprT | int] = {}

        def occupancy(
            t: int,
            q: int = q,
            fixed_busy: set[int] = fixed_busy,
            by_slot: dict = by_slot,
            cache: dict = cache,
        ) -> cp_model.LinearExprT | int:
            if t in fixed_busy:
                return 1
            if t not in cache:
                lits = by_slot.get(t, ())
                if len(lits) <= 2:
                    cache[t] = sum(lits)
                else:  # one variable for "the cohort is busy then", shared by its neighbours
                    busy = model.new_bool_var(f"busy{q}_{t}")
                    model.add(busy == sum(lits))
                    cache[t] = busy
            return cache[t]

        blocks: dict[tuple[int, int], list[Literal]] = defaultdict(list)
        for g in prep.groups_of_cohort[q]:
            length = groups[g].length
            for s in b.starts_of.get(g, ()):
                blocks[(s, length)].append(b.x[(g, s)])
        fixed_blocks = b.ctx.cohort_blocks[q]
        for s, length in sorted(set(blocks) | set(fixed_blocks)):
            before = occupancy(s - 1) if s % ppd > 0 else 0
            after = occupancy(s + length) if s % ppd + length < ppd else 0
            starts: cp_model.LinearExprT | int = fixed_blocks.get((s, length), 0) + sum(
                blocks.get((s, length), ())
            )
            if all(isinstance(v, int) for v in (before, after, starts)):
                continue  # nothing here can change: not part of this model's objective
            if isinstance(before, int) and before or isinstance(after, int) and after:
                continue  # a fixed neighbour: never isolated
            lone = model.new_bool_var(f"iso{q}_{s}_{length}")
            model.add(lone >= starts - before - after)
            out.terms.append((1, lone))
    return out


def room_stability(b: ModelBuilder) -> Penalty:
    """Each room beyond the first that a course uses costs one point."""
    out = _penalty()
    if not b.with_rooms:
        return out
    prep = b.prep
    model = b.model
    groups = prep.groups
    by_course_room: dict[tuple[int, int], list[Literal]] = defaultdict(list)
    for (g, _s, r), lit in b.y.items():
        c = groups[g].course
        if r not in b.ctx.course_rooms[c]:
            by_course_room[(c, r)].append(lit)
    touched = {groups[g].course for g in b.starts_of}
    for c in touched:
        out.constant += len(b.ctx.course_rooms[c]) - 1
    some_room: dict[int, list[Literal]] = defaultdict(list)
    for (c, r), lits in sorted(by_course_room.items()):
        uses = model.new_bool_var(f"uses{c}_{r}")
        if b.fixed_positions and len(lits) > 2:
            # One constraint propagates as the implications do; the LP (whole models) prefers
            # the implications, the small neighbourhood models prefer fewer constraints.
            model.add(sum(lits) <= len(lits) * uses)
        else:
            for lit in lits:
                model.add_implication(lit, uses)
        out.terms.append((1, uses))
        some_room[c].append(uses)
    for c, uses_any in some_room.items():
        if not b.ctx.course_rooms[c] and b.explain is False:
            model.add(sum(uses_any) >= 1)  # redundant; tightens the linear relaxation
    return out


def discouraged(b: ModelBuilder) -> Penalty:
    """Each period a faculty member teaches in one of their discouraged periods costs."""
    out = _penalty()
    table = b.prep.discouraged
    for (g, s), lit in b.x.items():
        count = table[g].get(s)
        if count:
            out.terms.append((count, lit))
    return out


def not_preferred(b: ModelBuilder) -> Penalty:
    """Each period a faculty member with preferred periods teaches outside them costs."""
    out = _penalty()
    table = b.prep.not_preferred
    for (g, s), lit in b.x.items():
        count = table[g].get(s)
        if count:
            out.terms.append((count, lit))
    return out


def campus_changes(b: ModelBuilder) -> Penalty:
    """Each change of campus between consecutive sessions of a person's day costs."""
    out = _penalty()
    if not b.with_rooms:
        return out
    prep = b.prep
    model = b.model
    groups = prep.groups
    for kind in PERSON_KINDS:
        of_course = prep.course_faculty if kind == "faculty" else prep.course_cohorts
        touched = {p for g in b.starts_of for p in of_course[groups[g].course]}
        for person in sorted(touched):
            campuses = sorted(b.campuses_of(kind, person))
            if len(campuses) < 2:
                continue
            presence = b.campus_presence(kind, person)
            days = {prep.slot_day[t] for t in presence}
            for day in sorted(days):
                last: dict[int, object] = {}  # campus -> "the latest session so far was there"
                changes: list[Literal] = []
                visits: dict[int, list[object]] = defaultdict(list)
                for t in range(day * prep.ppd, (day + 1) * prep.ppd):
                    here = presence.get(t, {})
                    for k, at in here.items():
                        visits[k].append(at)
                    if here and last:
                        for k, at in here.items():
                            others = [v for k2, v in last.items() if k2 != k]
                            if not others:
                                continue
                            change = model.new_bool_var(f"chg_{kind}{person}_{t}_{k}")
                            model.add(change >= at + sum(others) - 1)
                            out.terms.append((1, change))
                            changes.append(change)
                    if not here:
                        continue
                    busy = sum(here.values())
                    current: dict[int, object] = {}
                    for k in campuses:
                        now = here.get(k, 0)
                        before = last.get(k, 0)
                        if isinstance(now, int) and now:
                            current[k] = 1
                            continue
                        if isinstance(before, int) and not before:
                            if not isinstance(now, int):
                                current[k] = now
                            continue
                        if isinstance(busy, int) and busy:
                            if not isinstance(now, int):
                                current[k] = now
                            continue
                        var = model.new_bool_var(f"last_{kind}{person}_{t}_{k}")
                        if not isinstance(now, int):
                            model.add_implication(now, var)
                        model.add(var >= before - busy)
                        current[k] = var
                    last = current
                if changes and len(visits) > 1:
                    # Redundant: a day on n campuses has at least n - 1 changes.
                    visited = []
                    for k, ats in sorted(visits.items()):
                        if any(isinstance(a, int) and a for a in ats):
                            visited.append(1)
                            continue
                        went = model.new_bool_var(f"visit_{kind}{person}_{day}_{k}")
                        for a in ats:
                            model.add_implication(a, went)
                        visited.append(went)
                    model.add(sum(changes) >= sum(visited) - 1)
    return out


def moved(b: ModelBuilder) -> Penalty:
    """Each session placed away from its reference placement (day, period or room) costs.

    Sessions of a group are interchangeable, so a group's cost is its number of sessions with a
    reference minus the reference positions its sessions occupy.
    """
    out = _penalty()
    prep = b.prep
    for g, count in b.free.items():
        refs = prep.reference.get(g)
        if not refs or count <= 0:
            continue
        used = b.ctx.reference_used.get(g, set())
        out.constant += len(refs) - len(used)
        for s, r in sorted({(s, r) for s, r, _ in refs if r >= 0} - used):
            lit = b.y.get((g, s, r))
            if lit is not None:
                out.terms.append((-1, lit))
    return out


SOFT: dict[str, Callable[[ModelBuilder], Penalty]] = {
    "room_capacity": room_capacity,
    "min_days": min_days,
    "isolated": isolated,
    "room_stability": room_stability,
    "discouraged": discouraged,
    "not_preferred": not_preferred,
    "campus_changes": campus_changes,
    "moved": moved,
}
