from scheduler.solver.instance import Room
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved


def test_it_picks_a_room_large_enough():
    inst = instance(
        [course(1, size=30)],
        rooms=[Room(1, "Small", 20), Room(2, "Big", 40)],
        weights=only("room_capacity"),
    )
    solution = solved(inst)
    assert solution.objective == 0 and solution.placements[0].room == 2


def test_it_costs_one_point_per_student_above_capacity_per_session():
    inst = instance(
        [course(1, "SOTIF", size=30, sessions=2)],
        rooms=[Room(1, "Small", 20)],
        weights=only("room_capacity"),
    )
    solution = solved(inst)
    assert solution.objective == 20
    assert solution.penalties["room_capacity"] == 20
    placements = [at(100, 0, 0), at(101, 1, 0)]
    assert model_cost(inst, placements) == 20
    [first, _] = rules_of(validate(inst, placements).soft, "room_capacity")
    assert first.penalty == 10
    assert first.message == (
        "'SOTIF' has 30 students but the room Small seats 20 (10 too many) on Monday 08:00–08:50."
    )


def test_it_applies_the_weight():
    weights = only("room_capacity").__class__(
        room_capacity=3, min_days=0, isolated=0, room_stability=0
    )
    inst = instance([course(1, size=25)], rooms=[Room(1, "Small", 20)], weights=weights)
    assert solved(inst).objective == 15
