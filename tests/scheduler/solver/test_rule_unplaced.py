from scheduler.solver.instance import Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def test_it_places_every_session_exactly_once():
    inst = instance([course(1, "Motion Planning", sessions=3)], weights=NO_SOFT)
    solution = solved(inst)
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert sorted(p.session for p in solution.placements) == [100, 101, 102]
    assert not rules_of(solution.violations, "unplaced")


def test_it_reports_a_missing_session():
    inst = instance([course(1, "Motion Planning", sessions=2)])
    report = validate(inst, [at(100, 0, 0)])
    [v] = rules_of(report.hard, "unplaced")
    assert v.penalty == 1
    assert v.message == "'Motion Planning' is not placed."
    assert ("session", 101) in v.refs


def test_it_reports_a_session_placed_twice():
    inst = instance([course(1, "Motion Planning")])
    report = validate(inst, [at(100, 0, 0), at(100, 1, 0)])
    [v] = rules_of(report.hard, "unplaced")
    assert v.penalty == 1
    assert "placed 2 times" in v.message


def test_it_reports_placements_it_cannot_read():
    inst = instance([course(1, "Motion Planning")])
    report = validate(inst, [at(999, 0, 0), at(100, 0, 0, room=7), at(100, 5, 0)])
    messages = [v.message for v in rules_of(report.hard, "unplaced")]
    assert "A placement names session 999, which no course has." in messages
    assert "'Motion Planning' is placed in room 7, which does not exist." in messages
    assert any("outside the week's grid" in m for m in messages)


def test_it_finds_no_timetable_when_the_rooms_are_too_few():
    inst = instance(
        [course(1, sessions=2), course(2, sessions=2)],
        rooms=[Room(1, "A-101", 50)],
        days=1,
        periods=3,
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    [conflict] = solution.explanation
    assert "4 periods" in conflict.message and "offer only 3" in conflict.message
    assert ("room", 1) in conflict.refs
