from scheduler.solver.instance import Faculty, Room, Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved

WANG = [Faculty(7, "Dr Wang")]


def two_courses(**kw):
    return instance(
        [
            course(1, "Perception and Sensor Fusion", faculty=[7], **kw),
            course(2, "V2X Networks", faculty=[7], **kw),
        ],
        faculty=WANG,
        rooms=[Room(1, "A", 50), Room(2, "B", 50)],
        days=1,
        periods=2,
        weights=NO_SOFT,
    )


def test_it_keeps_a_teacher_in_one_session_at_a_time():
    solution = solved(two_courses())
    assert solution.status in (Status.OPTIMAL, Status.FEASIBLE)
    assert len({(p.day, p.period) for p in solution.placements}) == 2
    assert not rules_of(solution.violations, "faculty_clash")


def test_it_reports_two_sessions_at_once_with_names_and_clock_times():
    report = validate(two_courses(), [at(100, 0, 0, 1), at(200, 0, 0, 2)])
    [v] = rules_of(report.hard, "faculty_clash")
    assert v.penalty == 1
    assert v.message == (
        "Dr Wang teaches 'Perception and Sensor Fusion' and 'V2X Networks' at once on "
        "Monday 08:00–08:50."
    )
    assert ("faculty", 7) in v.refs and ("session", 100) in v.refs and ("session", 200) in v.refs


def test_it_counts_the_periods_two_long_sessions_share():
    inst = instance(
        [course(1, "A", faculty=[7], length=3), course(2, "B", faculty=[7], length=2)],
        faculty=WANG,
        days=1,
        periods=4,
    )
    report = validate(inst, [at(100, 0, 0), at(200, 0, 1, room=1)])
    [v] = rules_of(report.hard, "faculty_clash")
    assert v.penalty == 2
    assert "Monday 09:00–10:50" in v.message


def test_it_finds_no_timetable_when_a_teacher_has_too_much():
    inst = instance(
        [course(1, "A", faculty=[7], sessions=2), course(2, "B", faculty=[7])],
        faculty=WANG,
        days=1,
        periods=2,
    )
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "Dr Wang teaches 3 periods a week, but only 2 are possible."
    )
    assert ("faculty", 7) in solution.explanation[0].refs
