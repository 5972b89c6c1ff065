from scheduler.solver.instance import Room
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, only, rules_of, solved


def test_it_keeps_a_course_in_one_room():
    inst = instance(
        [course(1, sessions=3)],
        rooms=[Room(1, "A", 50), Room(2, "B", 50)],
        weights=only("room_stability"),
    )
    solution = solved(inst)
    assert solution.objective == 0
    assert len({p.room for p in solution.placements}) == 1


def test_it_costs_one_point_per_extra_room():
    rooms = [
        Room(1, "A", 50, unavailable=frozenset({1})),
        Room(2, "B", 50, unavailable=frozenset({0})),
    ]
    inst = instance(
        [course(1, "SOTIF", sessions=2)],
        rooms=rooms,
        days=1,
        periods=2,
        weights=only("room_stability"),
    )
    solution = solved(inst)
    assert solution.objective == 1
    placements = [at(100, 0, 0, 1), at(101, 0, 1, 2)]
    assert model_cost(inst, placements) == 1
    [v] = rules_of(validate(inst, placements).soft, "room_stability")
    assert v.penalty == 1
    assert v.message == "'SOTIF' uses 2 rooms (A and B) instead of one."
