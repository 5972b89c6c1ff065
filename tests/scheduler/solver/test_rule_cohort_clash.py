from scheduler.solver.instance import Cohort, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

ICV = [Cohort(3, "ICV-2024A", 30)]


def two_courses():
    return instance(
        [course(1, "Motion Planning", cohorts=[3]), course(2, "SOTIF", cohorts=[3])],
        cohorts=ICV,
        rooms=[Room(1, "A", 50), Room(2, "B", 50)],
        days=1,
        periods=2,
        weights=NO_SOFT,
    )


def test_it_keeps_a_cohort_in_one_session_at_a_time():
    solution = solved(two_courses())
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert len({p.period for p in solution.placements}) == 2


def test_it_reports_a_cohort_in_two_sessions():
    report = validate(two_courses(), [at(100, 0, 1, 1), at(200, 0, 1, 2)])
    [v] = rules_of(report.hard, "cohort_clash")
    assert v.penalty == 1
    assert v.message == (
        "The cohort ICV-2024A has 'Motion Planning' and 'SOTIF' at once on Monday 09:00–09:50."
    )
    assert ("cohort", 3) in v.refs


def test_it_finds_no_timetable_when_a_cohort_has_too_much():
    inst = instance(
        [course(c, cohorts=[3]) for c in (1, 2, 3)],
        cohorts=ICV,
        rooms=[Room(1, "A", 50), Room(2, "B", 50)],
        days=1,
        periods=2,
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "The cohort ICV-2024A attends 3 periods a week, but only 2 are possible."
    )
