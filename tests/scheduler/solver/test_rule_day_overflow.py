from scheduler.solver.instance import Status
from scheduler.solver.validate import validate

from .build import NO_SOFT, at, course, instance, rules_of, solved


def test_it_keeps_a_long_session_within_one_day():
    inst = instance([course(1, length=3)], days=2, periods=4, weights=NO_SOFT)
    [p] = solved(inst).placements
    assert p.period + 3 <= 4


def test_it_reports_a_session_running_past_the_end_of_the_day():
    inst = instance([course(1, "HIL Lab", length=3, kind="lab")], days=2, periods=4)
    [v] = rules_of(validate(inst, [at(100, 0, 2)]).hard, "day_overflow")
    assert v.penalty == 1
    assert v.message == (
        "'HIL Lab' (lab) lasts 3 periods and starts on Monday at 10:00, "
        "so it runs past the end of the day."
    )


def test_it_finds_no_timetable_for_a_session_longer_than_a_day():
    inst = instance([course(1, "HIL Lab", length=5, kind="lab")], days=2, periods=4)
    solution = solved(inst)
    assert solution.status == Status.INFEASIBLE
    assert solution.explanation[0].message == (
        "'HIL Lab' (lab) lasts 5 periods, but a day has only 4 periods."
    )
