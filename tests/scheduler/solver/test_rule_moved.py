from scheduler.solver.instance import Faculty, Room, Weights
from scheduler.solver.validate import validate

from .build import at, course, instance, model_cost, rules_of, solved

MOVED = Weights(room_capacity=0, min_days=0, isolated=0, room_stability=0, moved=1)
ROOMS = [Room(1, "A", 50), Room(2, "B", 50)]
REFERENCE = [at(100, 0, 1, 1), at(101, 1, 2, 2), at(200, 1, 3, 1)]


def test_it_keeps_the_reference_timetable_when_it_still_holds():
    inst = instance(
        [course(1, sessions=2), course(2)], rooms=ROOMS, weights=MOVED, reference=REFERENCE
    )
    solution = solved(inst)
    assert solution.objective == 0
    assert set(solution.placements) == set(REFERENCE)


def test_it_moves_as_few_sessions_as_it_can():
    # Dr Wang becomes unavailable on Tuesday 10:00: one session must move, the others stay.
    inst = instance(
        [course(1, "SOTIF", faculty=[7], sessions=2), course(2)],
        faculty=[Faculty(7, "Dr Wang", unavailable=frozenset({6}))],
        rooms=ROOMS,
        weights=MOVED,
        reference=REFERENCE,
    )
    solution = solved(inst)
    assert solution.objective == 1
    assert at(100, 0, 1, 1) in solution.placements and at(200, 1, 3, 1) in solution.placements
    [v] = rules_of(solution.violations, "moved")
    assert v.message.startswith("'SOTIF' moved from Tuesday 10:00–10:50 in the room B to ")


def test_it_counts_moves_of_time_or_room():
    inst = instance(
        [course(1, sessions=2), course(2)], rooms=ROOMS, weights=MOVED, reference=REFERENCE
    )
    placements = [at(100, 0, 1, 2), at(101, 1, 2, 2), at(200, 0, 0, 1)]
    assert validate(inst, placements).penalties["moved"] == 2
    assert model_cost(inst, placements) == 2
