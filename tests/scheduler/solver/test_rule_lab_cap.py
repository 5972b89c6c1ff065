from scheduler.solver.instance import Member, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

MEMBERS = [Member(1, "Chongqing University"), Member(2, "Changan Auto")]


def lab_course(sessions: int, cap: int = 2):
    lab = Room(
        1, "Battery Lab", 30, features=frozenset({"battery"}), owner=2, borrow_caps=((1, cap),)
    )
    return instance(
        [course(1, "BMS", kind="lab", features=["battery"], sessions=sessions, member=1)],
        rooms=[lab],
        members=MEMBERS,
        weights=NO_SOFT,
    )


def test_it_lets_a_member_use_a_lent_lab_up_to_its_cap():
    solution = solved(lab_course(2))
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert not rules_of(solution.violations, "lab_cap")


def test_it_reports_use_above_the_cap():
    report = validate(lab_course(3), [at(100, 0, 0), at(101, 0, 1), at(102, 1, 0)])
    [v] = rules_of(report.hard, "lab_cap")
    assert v.penalty == 1
    assert v.message == (
        "Chongqing University uses the room Battery Lab for 3 periods a week, above the 2 it is "
        "lent."
    )
    assert ("member", 1) in v.refs and ("room", 1) in v.refs


def test_it_finds_no_timetable_when_the_cap_is_too_small():
    solution = solved(lab_course(3))
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "Chongqing University needs the room Battery Lab for 3 periods a week, but may use it "
        "for only 2."
    )
