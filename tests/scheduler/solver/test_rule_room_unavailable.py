from scheduler.solver.instance import Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def test_it_avoids_a_rooms_unavailable_periods():
    inst = instance(
        [course(1)],
        rooms=[Room(1, "A-101", 50, unavailable=frozenset({0, 1, 2}))],
        days=1,
        weights=NO_SOFT,
    )
    assert [p.period for p in solved(inst).placements] == [3]


def test_it_reports_a_session_in_an_unavailable_room():
    inst = instance([course(1, "SOTIF")], rooms=[Room(1, "A-101", 50, unavailable=frozenset({4}))])
    [v] = rules_of(validate(inst, [at(100, 1, 0)]).hard, "room_unavailable")
    assert (
        v.message == "The room A-101 is unavailable on Tuesday 08:00–08:50 but holds 'SOTIF' then."
    )


def test_it_finds_no_timetable_when_the_only_room_is_closed():
    inst = instance(
        [course(1, "SOTIF")],
        rooms=[Room(1, "A-101", 50, unavailable=frozenset({0}))],
        days=1,
        periods=1,
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert "'SOTIF' has no possible time" in solution.explanation[0].message
    assert ("room", 1) in solution.explanation[0].refs
