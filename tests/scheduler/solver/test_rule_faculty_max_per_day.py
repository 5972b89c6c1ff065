from scheduler.solver.instance import Faculty, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def wang(limit):
    return [Faculty(7, "Dr Wang", max_periods_per_day=limit)]


def test_it_keeps_a_teacher_under_the_daily_maximum():
    inst = instance([course(1, faculty=[7], sessions=2)], faculty=wang(1), weights=NO_SOFT)
    assert sorted(p.day for p in solved(inst).placements) == [0, 1]


def test_it_reports_the_periods_above_the_daily_maximum():
    inst = instance([course(1, faculty=[7], sessions=2, length=2)], faculty=wang(3))
    [v] = rules_of(validate(inst, [at(100, 0, 0), at(101, 0, 2)]).hard, "faculty_max_per_day")
    assert v.penalty == 1
    assert v.message == "Dr Wang teaches 4 periods on Monday, more than the maximum of 3."


def test_it_finds_no_timetable_when_the_days_cannot_hold_the_load():
    inst = instance([course(1, faculty=[7], sessions=3)], faculty=wang(1))
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "Dr Wang teaches 3 periods a week, but only 2 are possible."
    )
