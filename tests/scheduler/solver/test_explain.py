"""Explanations name the right culprits on crafted infeasible instances."""

from scheduler.solver.explain import explain, precheck
from scheduler.solver.generate import generate
from scheduler.solver.instance import Cohort, Faculty, Room, Status
from scheduler.solver.solve import solve

from .build import course, instance

LAB = Room(2, "HIL Lab", 30, features=frozenset({"hil_bench"}))


def triangle():
    """Three sessions that pairwise share a teacher or a cohort, and two periods."""
    return instance(
        [
            course(1, "A", faculty=[7], cohorts=[1]),
            course(2, "B", faculty=[7], cohorts=[2]),
            course(3, "C", cohorts=[1, 2]),
        ],
        faculty=[Faculty(7, "Dr Wang")],
        cohorts=[Cohort(1, "Q1"), Cohort(2, "Q2")],
        rooms=[Room(1, "A-101", 50), Room(3, "B-202", 50), Room(4, "C-303", 50)],
        days=1,
        periods=2,
    )


def test_a_feasible_instance_has_nothing_to_explain():
    inst = generate(40, seed=1)
    assert precheck(inst) == ()
    assert explain(inst, time_limit_s=5) == ()


def test_it_explains_lab_demand_above_supply_in_a_window():
    monday_only = list(range(4, 8))
    inst = instance(
        [
            course(c, kind="lab", features=["hil_bench"], length=2, unavailable=monday_only)
            for c in (1, 2, 3)
        ],
        rooms=[Room(1, "A-101", 50), LAB],
    )
    [conflict] = precheck(inst)
    assert conflict.message == (
        "Sessions needing hil_bench need 6 periods in the room HIL Lab, which offer only 4."
    )
    assert ("room", 2) in conflict.refs and ("course", 3) in conflict.refs


def test_it_explains_lab_demand_in_part_of_the_week():
    inst = instance(
        [
            course(1, kind="lab", features=["hil_bench"], length=2, unavailable=range(4, 8)),
            course(2, kind="lab", features=["hil_bench"], length=2, unavailable=range(4, 8)),
            course(3, kind="lab", features=["hil_bench"], length=2, unavailable=range(4, 8)),
            course(4, kind="lab", features=["hil_bench"], length=2),
        ],
        rooms=[Room(1, "A-101", 50), LAB],
    )
    [conflict] = precheck(inst)
    assert conflict.message == (
        "Sessions needing hil_bench need 6 periods in the room HIL Lab on Monday, "
        "which offer only 4."
    )


def test_it_finds_a_small_set_of_requirements_that_conflict():
    inst = triangle()
    assert precheck(inst) == ()  # every count fits: only the combination fails
    [conflict] = explain(inst, time_limit_s=10)
    assert conflict.message == (
        "These requirements cannot all be met together: the cohort Q1 attends one session at a "
        "time (2 periods a week); the cohort Q2 attends one session at a time (2 periods a "
        "week); Dr Wang teaches one session at a time (2 periods a week)."
    )
    assert set(conflict.refs) == {("faculty", 7), ("cohort", 1), ("cohort", 2)}


def test_solve_reports_infeasible_with_the_explanation():
    solution = solve(triangle(), time_limit_s=10, num_workers=1)
    assert solution.status == Status.INFEASIBLE
    assert solution.placements == ()
    assert set(solution.explanation[0].refs) == {("faculty", 7), ("cohort", 1), ("cohort", 2)}


def test_it_names_availabilities_among_the_causes():
    # The triangle again, with three periods: it would fit, but Dr Wang cannot teach in the
    # first period and course C may not be taught then.
    inst = instance(
        [
            course(1, "A", faculty=[7], cohorts=[1]),
            course(2, "B", faculty=[7], cohorts=[2]),
            course(3, "C", cohorts=[1, 2], unavailable=[0]),
        ],
        faculty=[Faculty(7, "Dr Wang", unavailable=frozenset({0}))],
        cohorts=[Cohort(1, "Q1"), Cohort(2, "Q2")],
        rooms=[Room(1, "A-101", 50), Room(3, "B-202", 50), Room(4, "C-303", 50)],
        days=1,
        periods=3,
    )
    assert precheck(inst) == ()
    [conflict] = explain(inst, time_limit_s=10)
    assert set(conflict.refs) == {
        ("faculty", 7),
        ("course", 3),
        ("cohort", 1),
        ("cohort", 2),
    }
    assert "Dr Wang is unavailable on Monday 08:00–08:50" in conflict.message
    assert "'C' may not be taught on Monday 08:00–08:50" in conflict.message
