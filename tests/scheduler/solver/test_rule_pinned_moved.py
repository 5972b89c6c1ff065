from scheduler.solver.instance import Faculty, Pin, Room, Status
from scheduler.solver.validate import validate

from .build import at, course, instance, rules_of, solved

ROOMS = [Room(1, "A-101", 60), Room(2, "B-202", 60)]


def test_it_keeps_a_pinned_session_where_it_is_pinned():
    inst = instance([course(1, sessions=2, pins={0: Pin(1, 2, room=2)})], rooms=ROOMS)
    solution = solved(inst)
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert at(100, 1, 2, 2) in solution.placements


def test_it_fixes_only_the_time_when_no_room_is_pinned():
    inst = instance(
        [course(1, size=50, pins={0: Pin(0, 3)})], rooms=[Room(1, "Small", 10), Room(2, "Big", 60)]
    )
    assert solved(inst).placements == (at(100, 0, 3, 2),)


def test_it_reports_a_pinned_session_elsewhere():
    inst = instance([course(1, "SOTIF", pins={0: Pin(1, 2, room=2)})], rooms=ROOMS)
    [v] = rules_of(validate(inst, [at(100, 0, 0, 1)]).hard, "pinned_moved")
    assert v.message == (
        "'SOTIF' is pinned to Tuesday 10:00–10:50 in the room B-202 but is placed on "
        "Monday 08:00–08:50 in the room A-101."
    )


def test_it_explains_a_pin_in_an_unavailable_period():
    inst = instance(
        [course(1, "SOTIF", faculty=[7], pins={0: Pin(0, 0)})],
        faculty=[Faculty(7, "Dr Wang", unavailable=frozenset({0}))],
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "'SOTIF' is pinned to Monday 08:00–08:50, but Dr Wang is unavailable then."
    )
    assert ("faculty", 7) in solution.explanation[0].refs


def test_it_explains_two_pins_that_collide():
    inst = instance(
        [
            course(1, "SOTIF", faculty=[7], pins={0: Pin(0, 0)}),
            course(2, "V2X", faculty=[7], pins={0: Pin(0, 0)}),
        ],
        faculty=[Faculty(7, "Dr Wang")],
        rooms=ROOMS,
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "'SOTIF' and 'V2X' are both pinned to Monday 08:00–08:50, which Dr Wang cannot attend "
        "at once."
    )
