from scheduler.solver.instance import Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def test_it_holds_one_session_per_room_at_a_time():
    inst = instance(
        [course(1), course(2)], rooms=[Room(1, "A-101", 50)], days=1, periods=2, weights=NO_SOFT
    )
    solution = solved(inst)
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert {p.period for p in solution.placements} == {0, 1}


def test_it_reports_two_sessions_in_one_room():
    inst = instance(
        [course(1, "A", length=2), course(2, "B")], rooms=[Room(1, "A-101", 50)], days=1, periods=3
    )
    report = validate(inst, [at(100, 0, 0), at(200, 0, 1)])
    [v] = rules_of(report.hard, "room_clash")
    assert v.penalty == 1
    assert v.message == "The room A-101 holds 'A' and 'B' at once on Monday 09:00–09:50."
    assert ("room", 1) in v.refs
