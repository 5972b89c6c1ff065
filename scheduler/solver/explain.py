"""Why an instance cannot be timetabled, as sentences with what to change.

``precheck(instance)`` runs fast counting checks, each of which proves infeasibility on its own: a
session longer than a day; a session needing equipment no room it may use has; a session with no
possible time; a pin on an impossible slot or two pins colliding; a faculty member or cohort with
more periods to attend than times left open to them (per day and day limits included); sessions
that can only use some rooms (a lab) needing more periods in some window than those rooms offer;
a member needing a lent room beyond its cap.

``explain(instance)`` returns the pre-check conflicts when there are any; otherwise, when the
model is infeasible, it switches every requirement group (each faculty member's availability,
each room's, each course's, one-at-a-time for each person and room, each limit, each cap, each
pin, each person's travel) on with an assumption literal, asks CP-SAT for a sufficient set of
them, shrinks that set by deletion while time allows, and states the set as one sentence.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable

from ortools.sat.python import cp_model

from . import messages as msg
from .data import Key, Prepared, prepare
from .instance import Conflict, Instance

log = logging.getLogger(__name__)

Refs = list[tuple[str, int]]


# ------------------------------------------------------------------------------------ helpers
def _describe_slots(prep: Prepared, slots: Iterable[int]) -> str:
    """'on Monday and Tuesday 08:00–10:00' for a set of slots."""
    names = msg.Names(prep.instance)
    by_day: dict[int, list[int]] = defaultdict(list)
    for t in sorted(set(slots)):
        by_day[t // prep.ppd].append(t % prep.ppd)
    whole = [d for d, ps in sorted(by_day.items()) if len(ps) == prep.ppd]
    parts = []
    if whole:
        parts.append(names.days(whole))
    for d, ps in sorted(by_day.items()):
        if d in whole:
            continue
        run_start = prev = ps[0]
        for p in [*ps[1:], None]:
            if p is not None and p == prev + 1:
                prev = p
                continue
            parts.append(names.span(d, run_start, prev))
            if p is not None:
                run_start = prev = p
    return msg.on_slots(parts) if parts else ""


def _group_name(prep: Prepared, g: int) -> str:
    group = prep.groups[g]
    course = prep.instance.courses[group.course]
    session = next(s for s in course.sessions if s.id == group.sessions[0])
    return msg.Names(prep.instance).session(course, session)


def _group_refs(prep: Prepared, g: int) -> Refs:
    course = prep.instance.courses[prep.groups[g].course]
    return [("course", course.id), *(("session", s) for s in prep.groups[g].sessions)]


def _window(prep: Prepared, g: int) -> frozenset[int]:
    group = prep.groups[g]
    return frozenset(t for s in group.starts for t in range(s, s + group.length))


def _demand(prep: Prepared, groups: Iterable[int]) -> int:
    return sum(prep.groups[g].size * prep.groups[g].length for g in groups)


# ------------------------------------------------------------------------------------ pre-checks
def precheck(instance: Instance) -> tuple[Conflict, ...]:
    """Fast checks, each a proof that no timetable exists; empty when none fires."""
    return precheck_prepared(prepare(instance))


def precheck_prepared(prep: Prepared) -> tuple[Conflict, ...]:
    out: list[Conflict] = []
    seen: set[str] = set()

    def add(message: str, refs: Refs) -> None:
        if message not in seen:
            seen.add(message)
            out.append(Conflict(message, tuple(dict.fromkeys(refs))))

    _check_sessions(prep, add)
    _check_pins(prep, add)
    if out:
        return tuple(out)  # the counts below assume every session has somewhere to go
    _check_people(prep, add)
    _check_rooms(prep, add)
    return tuple(out)


def _check_sessions(prep: Prepared, add) -> None:  # type: ignore[no-untyped-def]
    inst = prep.instance
    names = msg.Names(inst)
    for group in prep.groups:
        if group.starts or group.size == 0:
            continue
        what = _group_name(prep, group.index)
        refs = _group_refs(prep, group.index)
        course = inst.courses[group.course]
        if group.length > prep.ppd or group.length < 1:
            add(msg.too_long(what, group.length, prep.ppd), refs)
            continue
        if group.pin is not None:
            continue  # reported by _check_pins
        if not prep.static_rooms[group.index]:
            session = next(s for s in course.sessions if s.id == group.sessions[0])
            allowed = session.allowed_rooms
            candidates = [r for r in inst.rooms if allowed is None or r.id in allowed]
            with_features = [r for r in candidates if group.features <= r.features]
            features = sorted(group.features)
            if group.features and not any(group.features <= r.features for r in inst.rooms):
                add(msg.missing_equipment(what, features), refs)
            elif not candidates:
                add(msg.no_room(what, msg.no_room_exists()), refs)
            elif not with_features:
                add(msg.no_room(what, msg.no_room_has(features)), refs)
            else:
                listed = [names.room(r.id) for r in with_features]
                reason = msg.rooms_not_lent(listed, names.member(course.member))
                add(msg.no_room(what, reason), [*refs, *(("room", r.id) for r in with_features)])
            continue
        reasons = []
        refs2 = list(refs)
        for fi in prep.course_faculty[group.course]:
            fac = inst.faculty[fi]
            if fac.unavailable:
                reasons.append(msg.unavailable(fac.name, _describe_slots(prep, fac.unavailable)))
                refs2.append(("faculty", fac.id))
        if course.unavailable:
            reasons.append(msg.course_blocked(_describe_slots(prep, course.unavailable)))
        rooms = prep.static_rooms[group.index]
        if any(inst.rooms[r].unavailable for r in rooms):
            reasons.append(msg.rooms_blocked([names.room_name(inst.rooms[r].id) for r in rooms]))
            refs2 += [("room", inst.rooms[r].id) for r in rooms]
        add(msg.nowhere_to_go(what, reasons), refs2)


def _check_pins(prep: Prepared, add) -> None:  # type: ignore[no-untyped-def]
    inst = prep.instance
    names = msg.Names(inst)
    grid = inst.grid
    room_by_id = {r.id: r for r in inst.rooms}
    pinned = [g for g in prep.groups if g.pin is not None]
    for group in pinned:
        pin = group.pin
        assert pin is not None
        what = _group_name(prep, group.index)
        refs = _group_refs(prep, group.index)
        course = inst.courses[group.course]
        if not (0 <= pin.day < grid.days and 0 <= pin.period < prep.ppd):
            add(
                msg.pin_impossible(what, msg.off_grid_place(pin.day, pin.period), msg.off_grid()),
                refs,
            )
            continue
        where = names.span(pin.day, pin.period, min(prep.ppd - 1, pin.period + group.length - 1))
        slot = grid.slot(pin.day, pin.period)
        cover = range(slot, slot + group.length)
        reason: str = ""
        if pin.period + group.length > prep.ppd:
            reason = msg.runs_past_day()
        else:
            for fi in prep.course_faculty[group.course]:
                fac = inst.faculty[fi]
                if any(t in fac.unavailable for t in cover):
                    reason = msg.unavailable_then(fac.name)
                    refs.append(("faculty", fac.id))
                    break
            if not reason and any(t in course.unavailable for t in cover):
                reason = msg.course_blocked_then()
        if not reason and pin.room is not None:
            room = room_by_id.get(pin.room)
            if room is None:
                reason = msg.room_missing(pin.room)
            else:
                refs.append(("room", room.id))
                if not group.features <= room.features:
                    missing = sorted(group.features - room.features)
                    reason = msg.room_lacks(names.room(room.id), missing)
                elif any(t in room.unavailable for t in cover):
                    reason = msg.unavailable_then(msg.the(names.room(room.id)))
                elif inst.rooms.index(room) not in prep.static_rooms[group.index]:
                    reason = msg.room_not_usable(names.room(room.id))
        if not reason and not group.starts:
            reason = msg.no_free_room()
        if reason:
            add(msg.pin_impossible(what, where, reason), refs)
    # Two pins that need the same person or room at once.
    for i, a in enumerate(pinned):
        for b in pinned[i + 1 :]:
            pa, pb = a.pin, b.pin
            assert pa is not None and pb is not None
            if pa.day != pb.day:
                continue
            lo = max(pa.period, pb.period)
            hi = min(pa.period + a.length, pb.period + b.length) - 1
            if lo > hi:
                continue
            who = _shared(prep, a.course, b.course)
            if not who and pa.room is not None and pa.room == pb.room:
                who = [(names.room(pa.room), ("room", pa.room))]
            for label, ref in who[:1]:
                add(
                    msg.pins_clash(
                        _group_name(prep, a.index),
                        _group_name(prep, b.index),
                        label,
                        names.span(pa.day, lo, hi),
                    ),
                    [*_group_refs(prep, a.index), *_group_refs(prep, b.index), ref],
                )


def _shared(prep: Prepared, c1: int, c2: int) -> list[tuple[str, tuple[str, int]]]:
    inst = prep.instance
    names = msg.Names(inst)
    out = []
    for f in set(prep.course_faculty[c1]) & set(prep.course_faculty[c2]):
        out.append((inst.faculty[f].name, ("faculty", inst.faculty[f].id)))
    for q in set(prep.course_cohorts[c1]) & set(prep.course_cohorts[c2]):
        out.append((msg.the(names.cohort(inst.cohorts[q].id)), ("cohort", inst.cohorts[q].id)))
    return out


def _check_people(prep: Prepared, add) -> None:  # type: ignore[no-untyped-def]
    """Hall's condition for each faculty member and cohort over the windows of their sessions."""
    inst = prep.instance
    names = msg.Names(inst)
    for kind in ("faculty", "cohort"):
        people = inst.faculty if kind == "faculty" else inst.cohorts
        groups_of = prep.groups_of_faculty if kind == "faculty" else prep.groups_of_cohort
        for pi, person in enumerate(people):
            groups = [g for g in groups_of[pi] if prep.groups[g].size]
            if not groups:
                continue
            windows = {g: _window(prep, g) for g in groups}
            union = frozenset().union(*windows.values())
            for window in sorted({union, *windows.values()}, key=len, reverse=True):
                inside = [g for g in groups if windows[g] <= window]
                need = _demand(prep, inside)
                allowed = _capacity(prep, kind, pi, window)
                if need <= allowed:
                    continue
                if kind == "faculty":
                    who = person.name
                    blocked_slots = set(person.unavailable)  # type: ignore[union-attr]
                    ref = ("faculty", person.id)
                else:
                    who = msg.capitalised(msg.the(names.cohort(person.id)))
                    blocked_slots = set()
                    ref = ("cohort", person.id)
                courses = sorted({prep.groups[g].course for g in inside})
                refs = [ref, *(("course", inst.courses[c].id) for c in courses)]
                faculty = kind == "faculty"
                if window == union and blocked_slots:
                    blocked = msg.is_unavailable(_describe_slots(prep, blocked_slots))
                    open_days = {t // prep.ppd for t in range(prep.slots)} - {
                        d
                        for d in range(prep.days)
                        if all(d * prep.ppd + p in blocked_slots for p in range(prep.ppd))
                    }
                    whole_days_only = all(t // prep.ppd not in open_days for t in blocked_slots)
                    rest = (
                        msg.on_other_days(len(open_days))
                        if whole_days_only
                        else msg.at_other_times()
                    )
                    add(msg.overloaded_when_free(who, blocked, faculty, need, rest, allowed), refs)
                elif window == union:
                    add(msg.overloaded(who, faculty, need, allowed), refs)
                else:
                    listed = msg.join([msg.Names(inst).course(inst.courses[c]) for c in courses])
                    add(
                        msg.window_overloaded(
                            who, listed, _describe_slots(prep, window), need, allowed
                        ),
                        refs,
                    )
                break  # one sentence per person is enough


def _capacity(prep: Prepared, kind: str, person: int, window: frozenset[int]) -> int:
    """Periods a person can attend within a window, under their per-day and day limits."""
    if kind != "faculty":
        return len(window)
    fac = prep.instance.faculty[person]
    per_day: dict[int, int] = defaultdict(int)
    for t in window:
        per_day[t // prep.ppd] += 1
    counts = [
        min(n, fac.max_periods_per_day) if fac.max_periods_per_day is not None else n
        for n in per_day.values()
    ]
    counts.sort(reverse=True)
    if fac.max_days is not None:
        counts = counts[: fac.max_days]
    return sum(counts)


def _check_rooms(prep: Prepared, add) -> None:  # type: ignore[no-untyped-def]
    """Sessions that can only use some rooms fit in those rooms, overall and in their windows."""
    inst = prep.instance
    names = msg.Names(inst)
    live = [g.index for g in prep.groups if g.size]
    pools = {frozenset(prep.static_rooms[g]) for g in live}
    if pools:
        pools.add(frozenset().union(*pools))
    for pool in sorted(pools, key=lambda p: (len(p), sorted(p))):
        inside = [g for g in live if pool.issuperset(prep.static_rooms[g])]
        windows = {g: _window(prep, g) for g in inside}
        union = frozenset().union(*windows.values()) if windows else frozenset()
        for window in sorted({union, *windows.values()}, key=len, reverse=True):
            groups = [g for g in inside if windows[g] <= window]
            need = _demand(prep, groups)
            supply = sum(1 for r in pool for t in window if t not in inst.rooms[r].unavailable)
            if need <= supply:
                continue
            features = sorted(set().union(*(prep.groups[g].features for g in groups)))
            what = msg.sessions_needing(features) if features else msg.sessions_of_these_rooms()
            if len(pool) == len(inst.rooms):
                what = msg.all_sessions()
            rooms = msg.join([names.room(inst.rooms[r].id) for r in sorted(pool)])
            where = "" if window == union else _describe_slots(prep, window)
            refs = [("room", inst.rooms[r].id) for r in sorted(pool)]
            refs += [("course", inst.courses[prep.groups[g].course].id) for g in groups]
            add(msg.lab_shortage(what, need, msg.the(rooms), supply, where), refs)
            break
    # Lent rooms: a member whose sessions can only use rooms lent to it under caps.
    for member in sorted({c.member for c in inst.courses}):
        capped = {r for (r, m) in prep.caps if m == member}
        if not capped:
            continue
        groups = [
            g
            for g in live
            if inst.courses[prep.groups[g].course].member == member
            and set(prep.static_rooms[g]) <= capped
        ]
        need = _demand(prep, groups)
        cap = sum(prep.caps[(r, member)] for r in capped)
        if groups and need > cap:
            rooms = msg.join([names.room(inst.rooms[r].id) for r in sorted(capped)])
            refs = [("member", member), *(("room", inst.rooms[r].id) for r in sorted(capped))]
            add(msg.cap_shortage(names.member(member), msg.the(rooms), need, cap), refs)


# ------------------------------------------------------------------------------------ cores
def explain(instance: Instance, *, time_limit_s: float = 10.0) -> tuple[Conflict, ...]:
    """Pre-check conflicts, or else a small set of requirements that cannot hold together."""
    return explain_prepared(prepare(instance), time_limit_s=time_limit_s)


def explain_prepared(prep: Prepared, *, time_limit_s: float = 10.0) -> tuple[Conflict, ...]:
    found = precheck_prepared(prep)
    if found:
        return found
    from .model import ModelBuilder

    deadline = time.monotonic() + max(0.5, time_limit_s)
    relaxed = prepare(prep.instance, relaxed=True)
    builder = ModelBuilder(relaxed, prep.instance.weights, explain=True).build()
    switches = builder.switches
    if not switches:
        return ()
    by_index = {lit.index: key for key, lit in switches.items()}
    lits = list(switches.values())

    def infeasible_with(active: list[cp_model.IntVar]) -> list[int] | None:
        """The indices of a sufficient set when infeasible; None when feasible or undecided."""
        remaining = deadline - time.monotonic()
        if remaining <= 0.05:
            return None
        model = builder.model.clone()
        model.clear_assumptions()
        model.add_assumptions(active)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = remaining
        status = solver.solve(model)
        if status != cp_model.INFEASIBLE:
            return None
        return list(solver.sufficient_assumptions_for_infeasibility())

    core = infeasible_with(lits)
    if core is None:
        return ()
    # Deletion: drop each requirement in turn and keep it out when the rest still conflict.
    kept = [i for i in core if i in by_index]
    i = 0
    while i < len(kept) and time.monotonic() < deadline:
        trial = kept[:i] + kept[i + 1 :]
        smaller = infeasible_with([_var(builder, j) for j in trial]) if trial else None
        if smaller is not None:
            kept = [j for j in trial if j in set(smaller)] or trial
        else:
            i += 1
    keys = [by_index[i] for i in kept]
    return (_sentence(prep, keys),)


def _var(builder, index: int) -> cp_model.IntVar:  # type: ignore[no-untyped-def]
    return builder.model.get_bool_var_from_proto_index(index)


def _sentence(prep: Prepared, keys: list[Key]) -> Conflict:
    inst = prep.instance
    names = msg.Names(inst)
    parts: list[str] = []
    refs: Refs = []
    for key in sorted(keys):
        kind, index = key[0], key[1]
        if kind == "faculty_avail":
            fac = inst.faculty[index]
            parts.append(msg.unavailable(fac.name, _describe_slots(prep, fac.unavailable)))
            refs.append(("faculty", fac.id))
        elif kind == "course_avail":
            course = inst.courses[index]
            parts.append(
                msg.course_not_taught(
                    names.course(course), _describe_slots(prep, course.unavailable)
                )
            )
            refs.append(("course", course.id))
        elif kind == "room_avail":
            room = inst.rooms[index]
            blocked = _describe_slots(prep, room.unavailable)
            parts.append(msg.unavailable(msg.the(names.room(room.id)), blocked))
            refs.append(("room", room.id))
        elif kind == "faculty_clash":
            fac = inst.faculty[index]
            need = _demand(prep, prep.groups_of_faculty[index])
            parts.append(msg.one_session_teaching(fac.name, need))
            refs.append(("faculty", fac.id))
        elif kind == "cohort_clash":
            cohort = inst.cohorts[index]
            need = _demand(prep, prep.groups_of_cohort[index])
            parts.append(msg.one_session_attending(msg.the(names.cohort(cohort.id)), need))
            refs.append(("cohort", cohort.id))
        elif kind == "room_clash":
            room = inst.rooms[index]
            parts.append(msg.one_session_held(msg.the(names.room(room.id))))
            refs.append(("room", room.id))
        elif kind == "max_per_day":
            fac = inst.faculty[index]
            parts.append(msg.at_most_per_day(fac.name, fac.max_periods_per_day or 0))
            refs.append(("faculty", fac.id))
        elif kind == "max_days":
            fac = inst.faculty[index]
            parts.append(msg.at_most_days(fac.name, fac.max_days or 0))
            refs.append(("faculty", fac.id))
        elif kind == "lab_cap":
            room = inst.rooms[index]
            member = key[2]  # type: ignore[misc]
            parts.append(
                msg.at_most_lent(
                    names.member(member), names.room(room.id), prep.caps[(index, member)]
                )
            )
            refs += [("room", room.id), ("member", member)]
        elif kind in ("travel_faculty", "travel_cohort"):
            who = (
                inst.faculty[index].name
                if kind == "travel_faculty"
                else msg.the(names.cohort(inst.cohorts[index].id))
            )
            parts.append(msg.needs_travel(who))
            refs.append(
                ("faculty", inst.faculty[index].id)
                if kind == "travel_faculty"
                else ("cohort", inst.cohorts[index].id)
            )
        elif kind == "pin":
            session_id = index
            c = prep.session_course[session_id]
            course = inst.courses[c]
            session = next(s for s in course.sessions if s.id == session_id)
            pin = session.pinned
            assert pin is not None
            when = names.span(pin.day, pin.period, pin.period)
            if pin.room is not None:
                when = msg.at_room(when, names.room(pin.room))
            parts.append(msg.pinned_to(names.session(course, session), when))
            refs += [("course", course.id), ("session", session_id)]
    return Conflict(msg.core(parts), tuple(dict.fromkeys(refs)))
