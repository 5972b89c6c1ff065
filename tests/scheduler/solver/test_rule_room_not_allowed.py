from scheduler.solver.instance import Member, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

MEMBERS = [Member(1, "Chongqing University"), Member(2, "Changan Auto")]


def test_it_keeps_a_session_in_its_allowed_rooms():
    inst = instance(
        [course(1, allowed=[2])],
        rooms=[Room(1, "A", 60), Room(2, "B", 60)],
        weights=NO_SOFT,
    )
    assert [p.room for p in solved(inst).placements] == [2]


def test_it_reports_a_room_outside_the_allowed_ones():
    inst = instance([course(1, "SOTIF", allowed=[2])], rooms=[Room(1, "A", 60), Room(2, "B", 60)])
    [v] = rules_of(validate(inst, [at(100, 0, 0, room=1)]).hard, "room_not_allowed")
    assert v.message == "'SOTIF' is in the room A, which is not among the rooms it may use."


def test_it_uses_only_rooms_lent_to_the_member():
    lab = Room(2, "Battery Lab", 30, owner=2, borrow_caps=((3, 4),))
    inst = instance(
        [course(1, member=1)],
        rooms=[Room(1, "A", 60, owner=1), lab],
        weights=NO_SOFT,
        members=MEMBERS,
    )
    assert [p.room for p in solved(inst).placements] == [1]
    [v] = rules_of(validate(inst, [at(100, 0, 0, room=2)]).hard, "room_not_allowed")
    assert v.message == (
        "'Course 1' is run by Chongqing University but is in the room Battery Lab, which "
        "Changan Auto does not lend to it."
    )
    assert ("member", 1) in v.refs


def test_it_finds_no_timetable_when_no_allowed_room_exists():
    inst = instance([course(1, "SOTIF", allowed=[9])], rooms=[Room(1, "A", 60)])
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert (
        solution.explanation[0].message
        == "'SOTIF' has no room: none of the rooms it may use exists."
    )
