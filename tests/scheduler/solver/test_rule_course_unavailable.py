from scheduler.solver.instance import Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def test_it_avoids_a_courses_unavailable_periods():
    inst = instance([course(1, unavailable=range(7))], weights=NO_SOFT)
    assert [(p.day, p.period) for p in solved(inst).placements] == [(1, 3)]


def test_it_reports_a_session_when_its_course_is_unavailable():
    inst = instance([course(1, "SOTIF", unavailable=[0])])
    [v] = rules_of(validate(inst, [at(100, 0, 0)]).hard, "course_unavailable")
    assert v.message == "'SOTIF' may not be taught on Monday 08:00–08:50 but is placed then."


def test_it_finds_no_timetable_when_a_course_is_never_available():
    inst = instance([course(1, "SOTIF", unavailable=range(8))])
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message.startswith("'SOTIF' has no possible time")
