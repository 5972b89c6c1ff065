"""The CP-SAT model: variables for the feasible combinations, then one function per rule.

The same builder makes the full model and the small sub-models of the large-neighbourhood search:
a sub-model frees some sessions and folds every other session in as a constant (its faculty,
cohorts and room are busy, its campus is known, its days and rooms count for its course), so a
sub-model holds variables only for what may move.

Variables (course x period, rooms explicit):
- ``x[g, s]``: a session of group ``g`` starts in slot ``s``;
- ``y[g, s, r]``: that session is in room ``r`` (the literal ``x[g, s]`` itself when only one
  room is possible).

The rules live in ``rules.py``; this module only wires them together.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from . import rules
from .data import Key, Prepared
from .instance import Weights

log = logging.getLogger(__name__)

Position = tuple[int, int]  # (start slot, room index)
UNPLACED_COST = 1_000_000  # per session left out while a first timetable is completed
Assignment = dict[int, list[Position]]  # group index -> positions of its sessions
Literal = cp_model.IntVar  # a Boolean variable or its negation
Term = tuple[int, cp_model.LinearExprT]


@dataclass
class Penalty:
    """The penalty terms of one soft rule, unweighted: sum of coef * expr, plus a constant."""

    terms: list[Term] = field(default_factory=list)
    constant: int = 0


@dataclass
class Fixed:
    """What the sessions held fixed around a neighbourhood occupy (all empty for the full model)."""

    faculty: list[set[int]]  # busy slots per faculty member
    cohort: list[set[int]]
    room: list[set[int]]
    faculty_campus: list[dict[int, int]]  # slot -> campus index
    cohort_campus: list[dict[int, int]]
    faculty_load: list[dict[int, int]]  # day -> periods taught
    faculty_days: list[set[int]]
    cap_used: dict[tuple[int, int], int]  # (room, member) -> periods
    course_days: list[set[int]]
    course_rooms: list[set[int]]
    cohort_blocks: list[dict[tuple[int, int], int]]  # (start, length) -> count
    reference_used: dict[int, set[Position]]


class ModelBuilder:
    """Builds a CP-SAT model of the whole timetable or of a neighbourhood around fixed sessions."""

    def __init__(
        self,
        prep: Prepared,
        weights: Weights,
        *,
        fixed: Mapping[int, list[Position]] | None = None,
        free: Mapping[int, int] | None = None,
        domains: Mapping[int, set[int]] | None = None,
        missing: Mapping[int, int] | None = None,
        explain: bool = False,
        with_rooms: bool = True,
    ) -> None:
        self.prep = prep
        self.weights = weights
        self.explain = explain
        self.with_rooms = with_rooms  # False: a time-only relaxation, rooms counted per slot (no y)
        self.model = cp_model.CpModel()
        self.free: dict[int, int] = (
            {g.index: g.size for g in prep.groups} if free is None else dict(free)
        )
        self.fixed_positions: dict[int, list[Position]] = dict(fixed or {})
        self.domains = domains or {}
        self.missing = dict(missing or {})  # group -> sessions that may stay unplaced, at a cost
        self.unplaced: list[tuple[int, cp_model.LinearExprT]] = []  # (count, placed expression)
        self.switches: dict[Key, cp_model.IntVar] = {}
        self.x: dict[tuple[int, int], Literal] = {}
        self.y: dict[tuple[int, int, int], Literal] = {}
        self.starts_of: dict[int, list[int]] = {}
        self.rooms_of: dict[tuple[int, int], list[int]] = {}
        self.penalties: dict[str, Penalty] = {}
        self.ctx = self._fixed_context()
        self._candidates()
        self._variables()
        self._faculty_terms: list[dict[int, list[Literal]]] | None = None
        self._cohort_terms: list[dict[int, list[Literal]]] | None = None
        self._at: dict[tuple[str, int], dict[int, dict[int, object]]] = {}

    # ----------------------------------------------------------------- data for this model
    def _fixed_context(self) -> Fixed:
        prep = self.prep
        inst = prep.instance
        ctx = Fixed(
            faculty=[set() for _ in inst.faculty],
            cohort=[set() for _ in inst.cohorts],
            room=[set() for _ in inst.rooms],
            faculty_campus=[{} for _ in inst.faculty],
            cohort_campus=[{} for _ in inst.cohorts],
            faculty_load=[defaultdict(int) for _ in inst.faculty],
            faculty_days=[set() for _ in inst.faculty],
            cap_used=defaultdict(int),
            course_days=[set() for _ in inst.courses],
            course_rooms=[set() for _ in inst.courses],
            cohort_blocks=[defaultdict(int) for _ in inst.cohorts],
            reference_used=defaultdict(set),
        )
        for g, positions in self.fixed_positions.items():
            group = prep.groups[g]
            c = group.course
            member = inst.courses[c].member
            refs = {(s, r) for s, r, _ in prep.reference.get(g, ())}
            for s, r in positions:
                day = prep.slot_day[s]
                cover = range(s, s + group.length)
                campus = prep.room_campus[r]
                for f in prep.course_faculty[c]:
                    ctx.faculty[f].update(cover)
                    ctx.faculty_load[f][day] += group.length
                    ctx.faculty_days[f].add(day)
                    for t in cover:
                        ctx.faculty_campus[f][t] = campus
                for q in prep.course_cohorts[c]:
                    ctx.cohort[q].update(cover)
                    ctx.cohort_blocks[q][(s, group.length)] += 1
                    for t in cover:
                        ctx.cohort_campus[q][t] = campus
                ctx.room[r].update(cover)
                if (r, member) in prep.caps:
                    ctx.cap_used[(r, member)] += group.length
                ctx.course_days[c].add(day)
                ctx.course_rooms[c].add(r)
                if (s, r) in refs:
                    ctx.reference_used[g].add((s, r))
        return ctx

    def _candidates(self) -> None:
        """Starts and rooms of the free groups that the fixed sessions leave possible."""
        prep = self.prep
        inst = prep.instance
        ctx = self.ctx
        for g, count in self.free.items():
            if count <= 0:
                continue
            group = prep.groups[g]
            c = group.course
            faculty = prep.course_faculty[c]
            cohorts = prep.course_cohorts[c]
            member = inst.courses[c].member
            domain = self.domains.get(g)
            busy: set[int] = set()
            for f in faculty:
                busy |= ctx.faculty[f]
            for q in cohorts:
                busy |= ctx.cohort[q]
            fixed_at: list[dict[int, int]] = [ctx.faculty_campus[f] for f in faculty] + [
                ctx.cohort_campus[q] for q in cohorts
            ]
            fixed_at = [a for a in fixed_at if a] if len(prep.campus_ids) > 1 else []
            starts: list[int] = []
            for s in group.starts:
                if domain is not None and s not in domain:
                    continue
                cover = range(s, s + group.length)
                if busy and any(t in busy for t in cover):
                    continue
                day = prep.slot_day[s]
                if not self._faculty_limits_allow(faculty, day, group.length):
                    continue
                rooms = []
                for r in group.rooms[s]:
                    if ctx.room[r] and any(t in ctx.room[r] for t in cover):
                        continue
                    cap = prep.caps.get((r, member))
                    if (
                        cap is not None
                        and not self.explain
                        and ctx.cap_used[(r, member)] + group.length > cap
                    ):
                        continue
                    if fixed_at and self._travel_blocked(fixed_at, cover, prep.room_campus[r]):
                        continue
                    rooms.append(r)
                if rooms:
                    starts.append(s)
                    self.rooms_of[(g, s)] = rooms
            self.starts_of[g] = starts

    def _faculty_limits_allow(self, faculty: tuple[int, ...], day: int, length: int) -> bool:
        if self.explain:
            return True
        inst = self.prep.instance
        for f in faculty:
            fac = inst.faculty[f]
            if (
                fac.max_periods_per_day is not None
                and self.ctx.faculty_load[f].get(day, 0) + length > fac.max_periods_per_day
            ):
                return False
            days = self.ctx.faculty_days[f]
            if fac.max_days is not None and day not in days and len(days) >= fac.max_days:
                return False
        return True

    def _travel_blocked(self, fixed_at: list[dict[int, int]], cover: range, campus: int) -> bool:
        prep = self.prep
        for at in fixed_at:
            for t in cover:
                for t2, _ in prep.travel_window[t]:
                    other = at.get(t2)
                    if other is not None and prep.travel_conflict(t, campus, t2, other):
                        return True
            first = cover[0]
            day_start = first - first % prep.ppd
            for t1 in range(day_start, first):
                other = at.get(t1)
                if other is not None and prep.travel_conflict(t1, other, first, campus):
                    return True
        return False

    def _variables(self) -> None:
        model = self.model
        for g, starts in self.starts_of.items():
            for s in starts:
                lit = model.new_bool_var(f"x{g}_{s}")
                self.x[(g, s)] = lit
                if not self.with_rooms:
                    continue
                rooms = self.rooms_of[(g, s)]
                if len(rooms) == 1:
                    self.y[(g, s, rooms[0])] = lit
                else:
                    for r in rooms:
                        self.y[(g, s, r)] = model.new_bool_var(f"y{g}_{s}_{r}")

    # ----------------------------------------------------------------- helpers for the rules
    def switch(self, key: Key) -> list[cp_model.IntVar]:
        """Enforcement literals of a requirement group: none outside explain mode."""
        if not self.explain:
            return []
        lit = self.switches.get(key)
        if lit is None:
            lit = self.model.new_bool_var(f"req_{'_'.join(map(str, key))}")
            self.switches[key] = lit
        return [lit]

    def at_most_one(self, lits: list[Literal], key: Key, capacity: int = 1) -> None:
        """At most ``capacity`` of the literals hold (under the requirement's switch)."""
        if len(lits) <= capacity:
            return
        enforce = self.switch(key)
        if enforce:
            self.model.add(sum(lits) <= capacity).only_enforce_if(enforce)
        elif capacity == 1:
            self.model.add_at_most_one(lits)
        else:
            self.model.add(sum(lits) <= capacity)

    def person_terms(self, kind: str) -> list[dict[int, list[Literal]]]:
        """Per faculty member (or cohort) and slot: the free start literals that occupy it."""
        cached = self._faculty_terms if kind == "faculty" else self._cohort_terms
        if cached is not None:
            return cached
        prep = self.prep
        count = len(prep.instance.faculty if kind == "faculty" else prep.instance.cohorts)
        of_course = prep.course_faculty if kind == "faculty" else prep.course_cohorts
        terms: list[dict[int, list[Literal]]] = [defaultdict(list) for _ in range(count)]
        for (g, s), lit in self.x.items():
            group = prep.groups[g]
            for p in of_course[group.course]:
                for t in range(s, s + group.length):
                    terms[p][t].append(lit)
        if kind == "faculty":
            self._faculty_terms = terms
        else:
            self._cohort_terms = terms
        return terms

    def campus_presence(self, kind: str, person: int) -> dict[int, dict[int, object]]:
        """Slot -> campus -> 1 (a fixed session), or a literal "the person is there then"."""
        cache_key = (kind, person)
        if cache_key in self._at:
            return self._at[cache_key]
        prep = self.prep
        groups = prep.groups_of_faculty if kind == "faculty" else prep.groups_of_cohort
        fixed = self.ctx.faculty_campus if kind == "faculty" else self.ctx.cohort_campus
        terms: dict[int, dict[int, list[Literal]]] = defaultdict(lambda: defaultdict(list))
        for g in groups[person]:
            length = prep.groups[g].length
            campuses = {prep.room_campus[r] for r in prep.static_rooms[g]}
            for s in self.starts_of.get(g, ()):
                if not self.with_rooms:
                    # Time-only model: only sessions whose campus is already known count.
                    if len(campuses) == 1:
                        k = next(iter(campuses))
                        for t in range(s, s + length):
                            terms[t][k].append(self.x[(g, s)])
                    continue
                for r in self.rooms_of[(g, s)]:
                    k = prep.room_campus[r]
                    for t in range(s, s + length):
                        terms[t][k].append(self.y[(g, s, r)])
        presence: dict[int, dict[int, object]] = defaultdict(dict)
        for t, k in fixed[person].items():
            presence[t][k] = 1
        for t, by_campus in terms.items():
            for k, lits in by_campus.items():
                if len(lits) == 1:
                    presence[t][k] = lits[0]
                else:
                    at = self.model.new_bool_var(f"at_{kind}{person}_{t}_{k}")
                    if self.explain:
                        for lit in lits:
                            self.model.add_implication(lit, at)
                    else:
                        self.model.add(at == sum(lits))
                    presence[t][k] = at
        self._at[cache_key] = presence
        return presence

    def campuses_of(self, kind: str, person: int) -> set[int]:
        """Campuses where the person has or may have a session in this model."""
        presence = self.campus_presence(kind, person)
        return {k for by_campus in presence.values() for k in by_campus}

    # ----------------------------------------------------------------- assembly
    def build(self) -> ModelBuilder:
        """Add every hard rule, and the soft rules with a positive weight as the objective."""
        for rule in rules.HARD:
            rule(self)
        if self.explain:
            return self
        objective: list[Term] = []
        constant = 0
        for name, rule in rules.SOFT.items():
            weight = self.weights.of(name)
            if weight <= 0:
                continue
            penalty = rule(self)
            self.penalties[name] = penalty
            objective.extend((weight * coef, expr) for coef, expr in penalty.terms)
            constant += weight * penalty.constant
        for count, placed in self.unplaced:
            objective.append((-UNPLACED_COST, placed))
            constant += UNPLACED_COST * count
        if objective or constant:
            self.model.minimize(sum(coef * expr for coef, expr in objective) + constant)
        return self

    def add_hint(self, assignment: Mapping[int, Iterable[Position]]) -> None:
        """Hint the start and room literals of the free groups from an assignment."""
        hinted: set[int] = set()
        for g, positions in assignment.items():
            if g not in self.starts_of:
                continue
            chosen = {s: r for s, r in positions}
            for s in self.starts_of[g]:
                x = self.x[(g, s)]
                if x.index in hinted:
                    continue
                hinted.add(x.index)
                on = s in chosen
                self.model.add_hint(x, on)
                for r in self.rooms_of[(g, s)] if self.with_rooms else ():
                    y = self.y[(g, s, r)]
                    if y.index not in hinted:
                        hinted.add(y.index)
                        self.model.add_hint(y, on and chosen[s] == r)

    def extract(self, values: list[int]) -> Assignment:
        """The positions of the free groups in a solution (values indexed by variable)."""
        result: Assignment = {}
        for g, starts in self.starts_of.items():
            positions: list[Position] = []
            for s in starts:
                if values[self.x[(g, s)].index]:
                    if not self.with_rooms:
                        positions.append((s, -1))
                        continue
                    for r in self.rooms_of[(g, s)]:
                        if values[self.y[(g, s, r)].index]:
                            positions.append((s, r))
                            break
            result[g] = positions
        return result
