"""Fast scoring of an assignment (group -> positions) for the search; validate.py is the oracle.

The search compares neighbours by total cost thousands of times, so this recomputes the soft
rules directly on indices, without sentences. Tests check it agrees with ``validate``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from .data import Prepared
from .instance import Weights

Position = tuple[int, int]


def soft_counts(prep: Prepared, assignment: Mapping[int, Sequence[Position]]) -> dict[str, int]:
    """Unweighted count of each soft rule's penalty units."""
    inst = prep.instance
    groups = prep.groups
    ppd = prep.ppd
    counts = dict.fromkeys(
        (
            "room_capacity",
            "min_days",
            "isolated",
            "room_stability",
            "discouraged",
            "not_preferred",
            "campus_changes",
            "moved",
        ),
        0,
    )
    course_days: dict[int, set[int]] = defaultdict(set)
    course_rooms: dict[int, set[int]] = defaultdict(set)
    cohort_busy: dict[int, set[int]] = defaultdict(set)
    cohort_blocks: dict[int, list[tuple[int, int]]] = defaultdict(list)
    person_day: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    want_campus = len(prep.campus_ids) > 1
    for g, positions in assignment.items():
        group = groups[g]
        c = group.course
        overflow = prep.overflow[g]
        refs = prep.reference.get(g)
        if refs:
            ref_positions = {(s, r) for s, r, _ in refs if r >= 0}
            counts["moved"] += len(refs) - sum(1 for p in positions if p in ref_positions)
        for s, r in positions:
            counts["room_capacity"] += overflow.get(r, 0)
            counts["discouraged"] += prep.discouraged[g].get(s, 0)
            counts["not_preferred"] += prep.not_preferred[g].get(s, 0)
            day = prep.slot_day[s]
            course_days[c].add(day)
            course_rooms[c].add(r)
            for q in prep.course_cohorts[c]:
                cohort_busy[q].update(range(s, s + group.length))
                cohort_blocks[q].append((s, group.length))
            if want_campus:
                campus = prep.room_campus[r]
                for f in prep.course_faculty[c]:
                    person_day[("faculty", f, day)].append((s, campus))
                for q in prep.course_cohorts[c]:
                    person_day[("cohort", q, day)].append((s, campus))
    for c, days in course_days.items():
        counts["min_days"] += max(0, inst.courses[c].min_days - len(days))
        counts["room_stability"] += len(course_rooms[c]) - 1
    for q, blocks in cohort_blocks.items():
        busy = cohort_busy[q]
        for s, length in blocks:
            before = s % ppd > 0 and (s - 1) in busy
            after = s % ppd + length < ppd and (s + length) in busy
            if not before and not after:
                counts["isolated"] += 1
    for visits in person_day.values():
        visits.sort()
        counts["campus_changes"] += sum(
            1 for (_, a), (_, b) in zip(visits, visits[1:], strict=False) if a != b
        )
    return counts


def total_cost(
    prep: Prepared, weights: Weights, assignment: Mapping[int, Sequence[Position]]
) -> int:
    """The weighted sum of the soft rules."""
    return sum(weighted_penalties(prep, weights, assignment).values())


def weighted_penalties(
    prep: Prepared, weights: Weights, assignment: Mapping[int, Sequence[Position]]
) -> dict[str, int]:
    """The weighted penalty of each soft rule (rules weighted 0 included, at 0)."""
    counts = soft_counts(prep, assignment)
    return {rule: weights.of(rule) * n for rule, n in counts.items()}


def lower_bound(prep: Prepared, weights: Weights) -> int:
    """A cost no complete timetable can go below, from what each session or course could do at
    best on its own: its least room overflow and least discouraged or not-preferred periods
    over every position it may take; the days and the single room a course cannot have; the
    reference positions a group cannot keep. Lone sessions and campus changes count 0."""
    bound = 0
    course_days: dict[int, set[int]] = defaultdict(set)
    course_sessions: dict[int, int] = defaultdict(int)
    course_rooms: dict[int, set[int] | None] = {}
    for group in prep.groups:
        g = group.index
        if not group.size or not group.starts:
            continue
        c = group.course
        rooms = {r for s in group.starts for r in group.rooms[s]}
        bound += group.size * weights.room_capacity * min(prep.overflow[g].get(r, 0) for r in rooms)
        bound += group.size * min(
            weights.discouraged * prep.discouraged[g].get(s, 0)
            + weights.not_preferred * prep.not_preferred[g].get(s, 0)
            for s in group.starts
        )
        course_days[c].update(prep.slot_day[s] for s in group.starts)
        course_sessions[c] += group.size
        shared = course_rooms.get(c)
        course_rooms[c] = rooms if shared is None else shared & rooms
        refs = prep.reference.get(g)
        if refs and weights.moved:
            keepable = {(s, r) for s, r, _ in refs if r >= 0 and r in group.rooms.get(s, ())}
            bound += weights.moved * (len(refs) - min(group.size, len(keepable)))
    for c, days in course_days.items():
        most = min(len(days), course_sessions[c])
        bound += weights.min_days * max(0, prep.instance.courses[c].min_days - most)
        if not course_rooms[c]:
            bound += weights.room_stability  # no one room can take every session
    return bound


def hard_conflicts(prep: Prepared, assignment: Mapping[int, Sequence[Position]]) -> int:
    """A quick count of clashes, unplaced sessions and limit breaches (0 for a valid timetable).

    Availability, features and lending are guaranteed by the candidate positions the search
    draws from, so only what combining sessions can break is counted here.
    """
    inst = prep.instance
    groups = prep.groups
    bad = 0
    seen: dict[tuple[str, int, int], int] = {}
    load: dict[tuple[int, int], int] = defaultdict(int)
    days: dict[int, set[int]] = defaultdict(set)
    cap_use: dict[tuple[int, int], int] = defaultdict(int)
    presence: dict[tuple[str, int], dict[int, int]] = defaultdict(dict)
    for group in groups:
        positions = assignment.get(group.index, ())
        if len(positions) != group.size:
            bad += abs(group.size - len(positions))
        c = group.course
        member = inst.courses[c].member
        for s, r in positions:
            if s not in group.rooms or r not in group.rooms[s]:
                bad += 1
                continue
            day = prep.slot_day[s]
            for t in range(s, s + group.length):
                keys = [("room", r, t)]
                keys += [("faculty", f, t) for f in prep.course_faculty[c]]
                keys += [("cohort", q, t) for q in prep.course_cohorts[c]]
                for key in keys:
                    if key in seen:
                        bad += 1
                    seen[key] = group.index
                for f in prep.course_faculty[c]:
                    presence[("faculty", f)][t] = prep.room_campus[r]
                for q in prep.course_cohorts[c]:
                    presence[("cohort", q)][t] = prep.room_campus[r]
            for f in prep.course_faculty[c]:
                load[(f, day)] += group.length
                days[f].add(day)
            if (r, member) in prep.caps:
                cap_use[(r, member)] += group.length
    for (f, _day), periods in load.items():
        limit = inst.faculty[f].max_periods_per_day
        if limit is not None and periods > limit:
            bad += 1
    for f, used in days.items():
        limit = inst.faculty[f].max_days
        if limit is not None and len(used) > limit:
            bad += 1
    for key, used in cap_use.items():
        if used > prep.caps[key]:
            bad += 1
    if len(prep.campus_ids) > 1:
        for at in presence.values():
            for t1, k1 in at.items():
                for t2, _ in prep.travel_window[t1]:
                    k2 = at.get(t2)
                    if k2 is not None and prep.travel_conflict(t1, k1, t2, k2):
                        bad += 1
    return bad
