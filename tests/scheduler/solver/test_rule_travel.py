from scheduler.solver.instance import Campus, Cohort, Faculty, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

CAMPUSES = [Campus(1, "Huxi"), Campus(2, "Liangjiang")]
ROOMS = [Room(1, "HX-101", 60, campus=1), Room(2, "LJ-201", 60, campus=2)]


def two_campuses(periods: int, **kw):
    return instance(
        [
            course(1, "Motion Planning", allowed=[1], **kw),
            course(2, "V2X Networks", allowed=[2], **kw),
        ],
        rooms=ROOMS,
        campuses=CAMPUSES,
        travel=[(1, 2, 30)],
        days=1,
        periods=periods,
        weights=NO_SOFT,
        faculty=[Faculty(7, "Dr Wang")],
        cohorts=[Cohort(3, "ICV-2024A")],
    )


def test_it_leaves_a_teacher_time_to_travel():
    solution = solved(two_campuses(3, faculty=[7]))
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert sorted(p.period for p in solution.placements) == [0, 2]


def test_it_reports_a_trip_that_does_not_fit_the_break():
    inst = two_campuses(3, faculty=[7])
    [v] = rules_of(validate(inst, [at(100, 0, 0, 1), at(200, 0, 1, 2)]).hard, "travel")
    assert v.message == (
        "On Monday Dr Wang has 'Motion Planning' at Huxi until 08:50 and 'V2X Networks' at "
        "Liangjiang from 09:00; the trip takes 30 minutes but there are 10."
    )
    assert ("faculty", 7) in v.refs and ("campus", 2) in v.refs


def test_it_checks_cohorts_too():
    inst = two_campuses(3, cohorts=[3])
    [v] = rules_of(validate(inst, [at(100, 0, 1, 1), at(200, 0, 2, 2)]).hard, "travel")
    assert v.message.startswith("On Monday the cohort ICV-2024A has 'Motion Planning' at Huxi")
    assert not rules_of(validate(inst, [at(100, 0, 0, 1), at(200, 0, 2, 2)]).hard, "travel")


def test_it_finds_no_timetable_when_the_trip_never_fits():
    solution = solved(two_campuses(2, faculty=[7]))
    assert solution.status == Status.INFEASIBLE
    [conflict] = solution.explanation
    assert "Dr Wang needs time to travel between campuses" in conflict.message
    assert ("faculty", 7) in conflict.refs
