"""The lower bound: what no timetable can avoid, reported as the bound and used to stop early."""

import time

import pytest

from scheduler.solver.anneal import Annealer
from scheduler.solver.cost import lower_bound, total_cost
from scheduler.solver.data import prepare
from scheduler.solver.generate import generate
from scheduler.solver.greedy import greedy
from scheduler.solver.instance import Faculty, Placement, Room, Session, Status
from scheduler.solver.solve import solve

from .build import ALL_ON, course, instance, only


def test_a_course_larger_than_every_room_overflows_at_least_by_the_difference():
    inst = instance(
        [course(1, sessions=2, size=130)],
        rooms=[Room(1, "A-101", 100), Room(2, "A-102", 120)],
        weights=only("room_capacity"),
    )
    assert lower_bound(prepare(inst), inst.weights) == 2 * 10


def test_a_course_with_fewer_sessions_or_days_than_it_should_spread_over_misses_days():
    fewer = instance([course(1, sessions=2, min_days=3)], days=5, weights=only("min_days"))
    assert lower_bound(prepare(fewer), fewer.weights) == 1
    # Three sessions, but the course can only meet on Monday and Tuesday of five days.
    blocked = {d * 4 + p for d in range(2, 5) for p in range(4)}
    shut = instance(
        [course(1, sessions=3, min_days=3, unavailable=blocked)],
        days=5,
        weights=only("min_days"),
    )
    assert lower_bound(prepare(shut), shut.weights) == 1


def test_sessions_no_single_room_can_take_cost_a_room_change():
    # The bench session needs the lab; the lecture may only use the lecture hall.
    lecture = Session(199, allowed_rooms=frozenset({1}))
    inst = instance(
        [course(1, features=["hil"], extra=[lecture])],
        rooms=[Room(1, "A-101", 100), Room(2, "Lab", 30, features=frozenset({"hil"}))],
        weights=only("room_stability"),
    )
    assert lower_bound(prepare(inst), inst.weights) == 1


def test_a_teacher_discouraged_everywhere_costs_every_session():
    everywhere = frozenset(range(8))
    inst = instance(
        [course(1, sessions=3, faculty=[7])],
        faculty=[Faculty(7, "Dr Wang", discouraged=everywhere)],
        weights=only("discouraged"),
    )
    assert lower_bound(prepare(inst), inst.weights) == 3


def test_a_reference_position_that_is_no_longer_allowed_cannot_be_kept():
    inst = instance(
        [course(1, sessions=2, unavailable=[0])],
        weights=only("moved"),
        reference=[Placement(100, 0, 0, 1), Placement(101, 0, 1, 1)],
    )
    assert lower_bound(prepare(inst), inst.weights) == 1


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_no_timetable_found_costs_less_than_the_bound(seed):
    inst = generate(80, seed=seed)
    inst = inst.__class__(**{**inst.__dict__, "weights": ALL_ON})
    prep = prepare(inst)
    bound = lower_bound(prep, inst.weights)
    assert bound > 0
    start = greedy(prep, inst.weights, seed=seed)
    annealer = Annealer(prep, inst.weights, start, seed)
    for _ in range(20000):
        annealer.try_move(0.2)
        assert annealer.cost >= bound
    assert total_cost(prep, inst.weights, annealer.assignment()) >= bound


def test_a_timetable_at_the_bound_is_optimal_and_ends_the_search():
    # 45 one-session courses of 20 students and one room for 10: every timetable overflows by
    # 450 and nothing else costs anything, so the first one is optimal.
    inst = instance(
        [course(c, size=20) for c in range(1, 46)],
        rooms=[Room(1, "A-101", 10)],
        days=5,
        periods=10,
        weights=only("room_capacity"),
    )
    progress = []
    began = time.monotonic()
    solution = solve(inst, time_limit_s=60, num_workers=2, on_progress=progress.append)
    assert time.monotonic() - began < 10
    assert solution.status == Status.OPTIMAL
    assert solution.objective == solution.bound == 450
    assert progress and all(p.bound == 450 for p in progress)
