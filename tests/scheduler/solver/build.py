"""Tiny instances for the engine's tests, written in a few lines each."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from scheduler.solver.instance import (
    Campus,
    Cohort,
    Course,
    Faculty,
    Instance,
    Member,
    Period,
    Pin,
    Placement,
    Room,
    Session,
    TimeGrid,
    Weights,
)

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
# Every soft rule weighted, minimal change included: the weights that exercise the most code.
ALL_ON = replace(Weights.consortium(), moved=2)


def grid(days: int = 2, periods: int = 4, break_min: int = 10) -> TimeGrid:
    """Periods of 50 minutes from 08:00 with ``break_min`` between them."""
    step = 50 + break_min
    return TimeGrid(
        days=days,
        periods=tuple(Period(480 + step * p, 530 + step * p) for p in range(periods)),
        day_names=DAY_NAMES[:days],
    )


def course(
    cid: int,
    name: str = "",
    *,
    sessions: int = 1,
    length: int = 1,
    kind: str = "lecture",
    faculty: Iterable[int] = (),
    cohorts: Iterable[int] = (),
    size: int = 0,
    min_days: int = 1,
    features: Iterable[str] = (),
    allowed: Iterable[int] | None = None,
    member: int = 0,
    unavailable: Iterable[int] = (),
    pins: dict[int, Pin] | None = None,
    extra: Iterable[Session] = (),
) -> Course:
    """A course whose sessions have ids ``cid * 100 + k``."""
    pins = pins or {}
    items = tuple(
        Session(
            cid * 100 + k,
            length=length,
            kind=kind,
            features=frozenset(features),
            allowed_rooms=None if allowed is None else frozenset(allowed),
            pinned=pins.get(k),
        )
        for k in range(sessions)
    ) + tuple(extra)
    return Course(
        id=cid,
        name=name or f"Course {cid}",
        sessions=items,
        faculty=tuple(faculty),
        cohorts=tuple(cohorts),
        size=size,
        min_days=min_days,
        member=member,
        unavailable=frozenset(unavailable),
    )


def instance(
    courses: Iterable[Course],
    *,
    rooms: Iterable[Room] | None = None,
    faculty: Iterable[Faculty] | None = None,
    cohorts: Iterable[Cohort] | None = None,
    days: int = 2,
    periods: int = 4,
    break_min: int = 10,
    weights: Weights | None = None,
    campuses: Iterable[Campus] = (),
    travel: Iterable[tuple[int, int, int]] = (),
    members: Iterable[Member] = (),
    reference: Iterable[Placement] = (),
) -> Instance:
    courses = tuple(courses)
    if faculty is None:
        ids = sorted({f for c in courses for f in c.faculty})
        faculty = [Faculty(f, f"Dr {f}") for f in ids]
    if cohorts is None:
        ids = sorted({q for c in courses for q in c.cohorts})
        cohorts = [Cohort(q, f"Q{q}") for q in ids]
    return Instance(
        name="test",
        grid=grid(days, periods, break_min),
        rooms=tuple(rooms if rooms is not None else [Room(1, "A-101", 100)]),
        courses=courses,
        faculty=tuple(faculty),
        cohorts=tuple(cohorts),
        campuses=tuple(campuses),
        travel=tuple(travel),
        weights=weights or Weights.itc2007(),
        reference=tuple(reference),
        members=tuple(members),
    )


def only(rule: str) -> Weights:
    """Weights with one soft rule at 1 and the others off."""
    values = dict.fromkeys(
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
    values[rule] = 1
    return Weights(**values)


NO_SOFT = Weights(0, 0, 0, 0, 0, 0, 0, 0)


def at(session: int, day: int, period: int, room: int = 1) -> Placement:
    return Placement(session, day, period, room)


def rules_of(violations, rule: str) -> list:
    return [v for v in violations if v.rule == rule]


def solved(inst: Instance, seconds: float = 10.0):
    """Solve with one worker; tiny instances finish as soon as optimality is proven."""
    from scheduler.solver.solve import solve

    return solve(inst, time_limit_s=seconds, num_workers=1, seed=0)


def model_cost(inst: Instance, placements: Iterable[Placement]) -> int:
    """The CP-SAT objective of the full model with every variable fixed to these placements."""
    from ortools.sat.python import cp_model

    from scheduler.solver.data import prepare
    from scheduler.solver.model import ModelBuilder
    from scheduler.solver.solve import to_assignment

    prep = prepare(inst)
    assignment = to_assignment(prep, placements)
    builder = ModelBuilder(prep, inst.weights).build()
    chosen = {(g, s, r) for g, positions in assignment.items() for s, r in positions}
    starts = {(g, s) for g, s, _ in chosen}
    for key, lit in builder.x.items():
        builder.model.add(lit == int(key in starts))
    for key, lit in builder.y.items():
        builder.model.add(lit == int(key in chosen))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 30
    solver.parameters.num_workers = 1
    status = solver.solve(builder.model)
    assert status == cp_model.OPTIMAL, solver.status_name(status)
    return round(solver.objective_value) if builder.model.has_objective() else 0
