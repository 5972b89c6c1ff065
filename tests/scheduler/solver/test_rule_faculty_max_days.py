from scheduler.solver.instance import Faculty, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def wang(limit, **kw):
    return [Faculty(7, "Dr Wang", max_days=limit, **kw)]


def test_it_keeps_a_teacher_to_the_maximum_days():
    inst = instance(
        [course(1, faculty=[7]), course(2, faculty=[7])], faculty=wang(1), days=3, weights=NO_SOFT
    )
    assert len({p.day for p in solved(inst).placements}) == 1


def test_it_reports_the_days_above_the_maximum():
    inst = instance([course(1, faculty=[7]), course(2, faculty=[7])], faculty=wang(1), days=3)
    [v] = rules_of(validate(inst, [at(100, 0, 0), at(200, 2, 0)]).hard, "faculty_max_days")
    assert v.penalty == 1
    assert v.message == (
        "Dr Wang teaches on 2 days (Monday and Wednesday), more than the maximum of 1."
    )


def test_it_finds_no_timetable_when_the_days_allowed_are_too_few():
    inst = instance(
        [course(1, faculty=[7], sessions=3)], faculty=wang(1, max_periods_per_day=2), days=3
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "Dr Wang teaches 3 periods a week, but only 2 are possible."
    )
