from scheduler.solver.instance import Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

ROOMS = [Room(1, "A-101", 60), Room(2, "HIL Lab", 30, features=frozenset({"hil_bench"}))]


def test_it_puts_a_lab_in_a_room_with_its_equipment():
    inst = instance(
        [course(1, "AUTOSAR", kind="lab", features=["hil_bench"])], rooms=ROOMS, weights=NO_SOFT
    )
    solution = solved(inst)
    assert [p.room for p in solution.placements] == [2]


def test_it_reports_missing_equipment():
    inst = instance([course(1, "AUTOSAR", kind="lab", features=["hil_bench"])], rooms=ROOMS)
    [v] = rules_of(validate(inst, [at(100, 0, 0, room=1)]).hard, "room_features")
    assert v.penalty == 1
    assert v.message == "'AUTOSAR' (lab) needs hil_bench, which the room A-101 does not have."
    assert ("room", 1) in v.refs


def test_it_finds_no_timetable_when_no_room_has_the_equipment():
    inst = instance([course(1, "AUTOSAR", kind="lab", features=["v2x_field"])], rooms=ROOMS)
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "'AUTOSAR' (lab) needs v2x_field, but no room it may use has all of it."
    )
