from scheduler.solver.instance import Faculty, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, grid, instance, rules_of, solved

G = grid(days=5, periods=4)


def wang(unavailable):
    return [Faculty(7, "Dr Wang", unavailable=frozenset(unavailable))]


def test_it_avoids_a_teachers_unavailable_periods():
    inst = instance(
        [course(1, faculty=[7], sessions=2)],
        faculty=wang([0, 1, 2]),
        days=1,
        periods=5,
        weights=NO_SOFT,
    )
    solution = solved(inst)
    assert sorted(p.period for p in solution.placements) == [3, 4]


def test_it_reports_teaching_when_unavailable():
    inst = instance([course(1, "SOTIF", faculty=[7], length=2)], faculty=wang([1, 2]), days=1)
    [v] = rules_of(validate(inst, [at(100, 0, 0)]).hard, "faculty_unavailable")
    assert v.penalty == 1
    assert v.message == "Dr Wang is unavailable on Monday 09:00–09:50 but teaches 'SOTIF' then."
    assert ("faculty", 7) in v.refs


def test_it_explains_a_teacher_with_too_few_open_days():
    # Unavailable on Monday and Tuesday, 14 periods to teach on the other three days (12 periods).
    monday_tuesday = [G.slot(d, p) for d in (0, 1) for p in range(4)]
    courses = [course(c, faculty=[7], sessions=2) for c in range(1, 8)]
    inst = instance(
        courses,
        faculty=wang(monday_tuesday),
        days=5,
        periods=4,
        rooms=[Room(1, "A", 50), Room(2, "B", 50)],
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "Dr Wang is unavailable on Monday and Tuesday but teaches 14 periods on the other "
        "three days, which allow 12."
    )
    assert ("faculty", 7) in solution.explanation[0].refs
