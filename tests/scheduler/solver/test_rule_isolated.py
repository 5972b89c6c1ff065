from scheduler.solver.instance import Cohort, Room, Weights
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, rules_of, solved

ITC = Weights(0, 0, 2, 0)
Q = [Cohort(3, "ICV-2024A")]
ROOMS = [Room(1, "A", 50), Room(2, "B", 50)]


def test_it_puts_a_cohorts_sessions_next_to_each_other():
    inst = instance(
        [course(1, cohorts=[3]), course(2, cohorts=[3])], cohorts=Q, weights=ITC, rooms=ROOMS
    )
    solution = solved(inst)
    assert solution.objective == 0
    [a, b] = solution.placements
    assert a.day == b.day and abs(a.period - b.period) == 1


def test_it_costs_two_points_per_lone_session_and_cohort():
    # Two cohorts share the course: a lone session counts once for each of them.
    inst = instance(
        [
            course(1, "SOTIF", cohorts=[3, 4], unavailable=[1, 2, 3]),
            course(2, "V2X", cohorts=[3], unavailable=[0, 1, 2]),
        ],
        cohorts=[*Q, Cohort(4, "ICV-2024B")],
        days=1,
        weights=ITC,
        rooms=ROOMS,
    )
    solution = solved(inst)
    assert solution.objective == 6
    placements = [at(100, 0, 0), at(200, 0, 3)]
    assert model_cost(inst, placements) == 6
    found = rules_of(validate(inst, placements).soft, "isolated")
    assert len(found) == 3 and all(v.penalty == 2 for v in found)
    assert found[0].message == (
        "The cohort ICV-2024A has 'SOTIF' on Monday 08:00–08:50 with no other session of "
        "theirs right before or after it."
    )


def test_it_does_not_count_neighbours_across_midnight():
    # The last period of Monday and the first of Tuesday are not adjacent.
    inst = instance([course(1, cohorts=[3]), course(2, cohorts=[3])], cohorts=Q, weights=ITC)
    placements = [at(100, 0, 3), at(200, 1, 0, room=1)]
    assert validate(inst, placements).penalties["isolated"] == 4
    assert model_cost(inst, placements) == 4


def test_it_counts_a_lone_multi_period_session_once():
    inst = instance([course(1, "HIL", kind="lab", length=3, cohorts=[3])], cohorts=Q, weights=ITC)
    solution = solved(inst)
    assert solution.objective == 2
    assert model_cost(inst, [at(100, 0, 1)]) == 2


def test_a_long_session_ending_next_to_another_is_not_isolated():
    inst = instance(
        [course(1, length=2, cohorts=[3]), course(2, cohorts=[3])],
        cohorts=Q,
        weights=ITC,
        rooms=ROOMS,
    )
    placements = [at(100, 0, 0), at(200, 0, 2)]
    assert validate(inst, placements).penalties["isolated"] == 0
    assert model_cost(inst, placements) == 0
